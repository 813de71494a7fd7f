#include "walkthrough.h"

#include "walk.h"

#include <algorithm>

namespace av {

using namespace walk;

WalkTarget WalkTarget::resolved(const attn::Session& session) const
{
    WalkTarget t;
    const int n = session.n();
    t.query = std::clamp(query < 0 ? n - 1 : query, 0, std::max(0, n - 1));
    t.column = std::clamp(column, 0, std::max(0, session.dModel - 1));
    return t;
}

namespace {

/// The title of step k (from 0) without its number. The steps whose work depends on the
/// session's score, mask, normaliser and encoding say which one it is.
QString stepTitle(int k, const attn::Session& s)
{
    switch (k) {
    case 0:
        return Walk::tr("Tokens");
    case 1:
        return Walk::tr("Embeddings");
    case 2:
        return s.positional.kind == attn::PeKind::None ? Walk::tr("No positional encoding")
                                                       : Walk::tr("Positional encoding added");
    case 3:
        return Walk::tr("Queries, keys and values");
    case 4:
        return s.score == attn::ScoreKind::Additive ? Walk::tr("Scores: additive")
                                                    : Walk::tr("Scores");
    case 5:
        switch (s.score) {
        case attn::ScoreKind::ScaledDot:
            return Walk::tr("Scaling by √d_k");
        case attn::ScoreKind::Cosine:
            return Walk::tr("Cosine similarity (no scaling)");
        case attn::ScoreKind::Dot:
            return Walk::tr("No scaling: plain dot product");
        case attn::ScoreKind::Additive:
            return Walk::tr("No scaling: additive score");
        }
        break;
    case 6:
        return Walk::tr("Mask"); // the step shows which, none included
    case 7:
        return s.normalizer == attn::NormalizerKind::Relu ? Walk::tr("Normalisation: ReLU")
                                                          : Walk::tr("Softmax");
    case 8:
        return Walk::tr("Weighted sum of V");
    case 9:
        return Walk::tr("Concatenation of heads");
    case 10:
        return Walk::tr("Output projection W_O");
    }
    return {};
}

} // namespace

QVector<WalkStep> walkSteps(const attn::Session& s, const attn::ForwardResult& r, WalkTarget target)
{
    QVector<WalkStep> steps;
    const bool empty = s.n() == 0 || s.dModel == 0 || r.heads.empty() || r.output.rows() != s.n();
    if (empty) {
        for (int k = 0; k < kWalkStepCount; ++k) {
            WalkStep step;
            step.formula = Walk::tr("There are no tokens yet: type a sentence in the Input panel.");
            steps << step;
        }
    } else {
        const WalkTarget t = target.resolved(s);
        const int dK = s.dK();
        const int h = t.column / dK;
        Walk w{s,  r, t.query,      t.column, h, t.column % dK, s.n(), dK, r.heads[h],
               {}, 0, one(t.query), one(h),   {}};
        for (int j = 0; j < w.n; ++j)
            w.traces.push_back(attn::traceWeight(s, r, h, w.i, j));
        w.focus = w.i; // with no key allowed, the query's own key
        double best = -1;
        for (int j = 0; j < w.n; ++j) {
            if (r.mask(w.i, j) && w.head.weights(w.i, j) > best) {
                best = w.head.weights(w.i, j);
                w.focus = j;
            }
        }
        w.token = QStringLiteral("“%1”").arg(QString::fromStdString(s.tokens[w.i]).toHtmlEscaped());
        steps << w.tokensStep() << w.embeddingStep() << w.positionalStep() << w.projectionStep()
              << w.scoreStep() << w.scalingStep() << w.maskStep() << w.normaliseStep()
              << w.weightedSumStep() << w.concatStep() << w.outputStep();
    }
    for (int k = 0; k < kWalkStepCount; ++k)
        steps[k].title = QStringLiteral("%1. %2").arg(k + 1).arg(stepTitle(k, s));
    return steps;
}

} // namespace av

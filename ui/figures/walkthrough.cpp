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

/// The walk of target through s and r: the followed numbers resolved, the key it spells out.
Walk makeWalk(const attn::Session& s, const attn::ForwardResult& r, WalkTarget target)
{
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
    return w;
}

/// The attention layer's steps, titled (without their numbers).
QVector<WalkStep> attentionSteps(const Walk& w)
{
    QVector<WalkStep> steps;
    steps << w.tokensStep() << w.embeddingStep() << w.positionalStep() << w.projectionStep()
          << w.scoreStep() << w.scalingStep() << w.maskStep() << w.normaliseStep()
          << w.weightedSumStep() << w.concatStep() << w.outputStep();
    for (int k = 0; k < steps.size(); ++k)
        steps[k].title = stepTitle(k, w.s);
    return steps;
}

bool noTokens(const attn::Session& s, const attn::ForwardResult& r)
{
    return s.n() == 0 || s.dModel == 0 || r.heads.empty() || r.output.rows() != s.n();
}

void numberSteps(QVector<WalkStep>& steps)
{
    for (int k = 0; k < steps.size(); ++k)
        steps[k].title = QStringLiteral("%1. %2").arg(k + 1).arg(steps[k].title);
}

} // namespace

QVector<WalkStep> walkSteps(const attn::Session& s, const attn::ForwardResult& r, WalkTarget target)
{
    QVector<WalkStep> steps;
    if (noTokens(s, r)) {
        for (int k = 0; k < kWalkStepCount; ++k) {
            WalkStep step;
            step.formula = Walk::tr("There are no tokens yet: type a sentence in the Input panel.");
            step.title = stepTitle(k, s);
            steps << step;
        }
    } else {
        steps = attentionSteps(makeWalk(s, r, target));
    }
    numberSteps(steps);
    return steps;
}

QVector<WalkStep> walkBlockSteps(const attn::Model& m, const attn::ModelResult& mr, int l,
                                 const attn::Session& s, const attn::ForwardResult& r,
                                 WalkTarget target)
{
    const attn::Block& b = m.layers[l];
    const bool bare = m.layerCount() == 1 && !b.residual && b.norm == attn::NormPlacement::None &&
                      !b.ffn && m.vocabulary.empty() && !m.finalNorm;
    if (bare || noTokens(s, r))
        return walkSteps(s, r, target);
    Walk w = makeWalk(s, r, target);
    w.model = &m;
    w.modelResult = &mr;
    w.block = l;
    w.biases = hasAttentionBiases(b);
    const bool pre = b.norm == attn::NormPlacement::Pre;
    const bool post = b.norm == attn::NormPlacement::Post;
    const QString hIn = l == 0 ? sub(QStringLiteral("x"), QStringLiteral("in,") + w.I)
                               : sub(QStringLiteral("h"), w.I);
    if (pre) {
        w.sum = &mr.blocks[l].input;
        w.headInput = QStringLiteral("LN<sub>1</sub>(%1)").arg(hIn);
    } else if (l > 0) {
        w.headInput = hIn;
    }
    const QVector<WalkStep> attention = attentionSteps(w);
    QVector<WalkStep> steps;
    if (l == 0)
        steps << attention.mid(0, 3);
    else
        steps << attention[0] << w.blockInputStep();
    if (pre)
        steps << w.normStep(NormSite::Ln1, hIn, w.headInput);
    steps << attention.mid(3);
    const QString mRow = sub(QStringLiteral("m"), w.I);
    if (b.residual)
        steps << w.residualStep(false);
    if (post)
        steps << w.normStep(NormSite::Ln1, sub(QStringLiteral("s"), w.I), mRow);
    if (b.ffn) {
        if (pre)
            steps << w.normStep(NormSite::Ln2, mRow,
                                QStringLiteral("LN<sub>2</sub>(%1)").arg(mRow));
        steps << w.ffnFirstStep() << w.activationStep() << w.ffnSecondStep();
        if (b.residual)
            steps << w.residualStep(true);
        if (post)
            steps << w.normStep(NormSite::Ln2, sub(QStringLiteral("s"), w.I),
                                sub(QStringLiteral("h′"), w.I));
    }
    steps << w.blockOutputStep();
    if (l + 1 == m.layerCount()) {
        if (m.finalNorm)
            steps << w.normStep(NormSite::Final, sub(QStringLiteral("h"), w.I),
                                sub(QStringLiteral("h"), QStringLiteral("f,") + w.I));
        if (m.unembedding != attn::UnembeddingKind::None && mr.logits.size() > 0)
            steps << w.logitsStep() << w.probabilitiesStep();
        // An n³ product per block: the Rollout tab has it for long inputs.
        if (m.n() <= kWalkRolloutTokens)
            steps << w.rolloutStep();
    }
    numberSteps(steps);
    return steps;
}

} // namespace av

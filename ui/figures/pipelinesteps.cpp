#include "pipelinesteps.h"

#include "figures.h"
#include "names.h"

#include <QCoreApplication>
#include <algorithm>

namespace av {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("av", text);
}

QString shape(const attn::Matrix& m)
{
    return QStringLiteral("%1 × %2").arg(m.rows()).arg(m.cols());
}

QString scoreFormula(const attn::Session& s)
{
    switch (s.score) {
    case attn::ScoreKind::ScaledDot:
        return QStringLiteral("S = Q K<sup>T</sup> / √d<sub>k</sub> / T");
    case attn::ScoreKind::Dot:
        return QStringLiteral("S = Q K<sup>T</sup> / T");
    case attn::ScoreKind::Cosine:
        return QStringLiteral("S<sub>ij</sub> = cos(q<sub>i</sub>, k<sub>j</sub>) / T");
    case attn::ScoreKind::Additive:
        return QStringLiteral("S<sub>ij</sub> = w · tanh(q<sub>i</sub> + k<sub>j</sub>) / T");
    }
    return {};
}

// Inside the structs below the context is written out: lupdate would file a bare tr() there
// under the struct's name, and the file's tr() looks the text up under "av".

/// What the attention steps call their matrices: v1's names, or a block's.
struct AttentionNames
{
    QString input = QStringLiteral("X<sub>in</sub>"); ///< what the heads read
    bool biases = false;                              ///< "+ b_Q" … in the formulas
    QString mask = QStringLiteral("M");
    QString output = QStringLiteral("O = C W<sub>O</sub>");
    QString outputWhat = QCoreApplication::translate("av", "output");
};

struct Builder
{
    const attn::Session& s;
    QVector<PipelineStep> steps;

    PipelineStep& add(const QString& formula, const QString& what, const QString& detail,
                      const HeatmapData& data, BlockCell cell = BlockCell::None)
    {
        steps << PipelineStep{formula, what, detail, data, cell};
        return steps.back();
    }
    PipelineStep& matrix(const QString& formula, const QString& what, const attn::Matrix& m,
                         bool rowsAreTokens, BlockCell cell = BlockCell::None)
    {
        return add(formula, what, shape(m), matrixFigure(what, m, s, rowsAreTokens), cell);
    }
    HeatmapData labelled(const QString& title, const attn::Matrix& values, const QStringList& rows,
                         const QStringList& cols) const
    {
        HeatmapData d;
        d.title = title;
        d.values = values;
        d.rowLabels = rows;
        d.colLabels = cols;
        d.diverging = true;
        return d;
    }

    void attention(const attn::ForwardResult& r, int h, const AttentionNames& n);
    void norm(const NormParts& parts, NormSite site, const QString& input, const QString& output,
              const QString& outputWhat);
};

void Builder::attention(const attn::ForwardResult& r, int h, const AttentionNames& n)
{
    const attn::HeadResult& head = r.heads[h];
    const QString H = QString::number(h + 1);
    const auto projection = [&](const QString& m) {
        QString f = QStringLiteral("%1 = %2 W<sub>%1</sub>").arg(m, n.input);
        return n.biases ? f + QStringLiteral(" + b<sub>%1</sub>").arg(m) : f;
    };
    matrix(projection(QStringLiteral("Q")),
           QCoreApplication::translate("av", "queries, head %1").arg(H), head.q, true);
    matrix(projection(QStringLiteral("K")),
           QCoreApplication::translate("av", "keys, head %1").arg(H), head.k, true);
    matrix(projection(QStringLiteral("V")),
           QCoreApplication::translate("av", "values, head %1").arg(H), head.v, true);
    add(scoreFormula(s), QCoreApplication::translate("av", "scores, head %1").arg(H),
        QStringLiteral("%1, T = %2").arg(shape(head.scores)).arg(s.temperature),
        attentionFigure(s, r, h, true));
    add(n.mask, kindName(s.mask.kind), QStringLiteral("%1 × %1").arg(s.n()), maskFigure(s, r));
    add(QStringLiteral("A = %1(S, %2)").arg(kindName(s.normalizer), n.mask),
        QCoreApplication::translate("av", "attention weights, head %1").arg(H), shape(head.weights),
        attentionFigure(s, r, h, false));
    matrix(QStringLiteral("Z = A V"), QCoreApplication::translate("av", "output of head %1").arg(H),
           head.output, true);
    matrix(QStringLiteral("C = [Z<sub>1</sub> | … | Z<sub>%1</sub>]").arg(s.heads),
           QCoreApplication::translate("av", "heads side by side"), r.concat, true);
    matrix(QStringLiteral("W<sub>O</sub>"), QCoreApplication::translate("av", "output projection"),
           s.wo, false);
    matrix(n.output, n.outputWhat, r.output, true);
}

/// Three steps: each row's μ and σ² (n × 2), γ and β (2 × d_model), the normalised matrix.
void Builder::norm(const NormParts& parts, NormSite site, const QString& input,
                   const QString& output, const QString& outputWhat)
{
    if (!parts.present())
        return;
    const QString ln = normSymbol(site);
    const attn::LayerNormResult& r = *parts.result;
    add(QStringLiteral("μ<sub>i</sub>, σ<sup>2</sup><sub>i</sub> of %1").arg(input),
        QCoreApplication::translate("av", "mean and variance of each row, for %1").arg(ln),
        QStringLiteral("%1 × 2").arg(r.mean.size()), normStatsFigure(parts, s))
        .cell = BlockCell::NormStats;
    steps.back().site = site;
    attn::Matrix params(2, parts.params->gain.size());
    params.row(0) = parts.params->gain;
    params.row(1) = parts.params->bias;
    add(QStringLiteral("γ, β"), QCoreApplication::translate("av", "gain and bias of %1").arg(ln),
        shape(params),
        labelled(QCoreApplication::translate("av", "gain and bias"), params,
                 {QStringLiteral("γ"), QStringLiteral("β")},
                 indexLabels(static_cast<int>(params.cols()))))
        .cell = BlockCell::NormParams;
    steps.back().site = site;
    add(QStringLiteral("%1 = (x − μ) / √(σ<sup>2</sup> + ε) ⊙ γ + β").arg(output), outputWhat,
        QStringLiteral("%1, ε = %2").arg(shape(r.output)).arg(parts.params->eps),
        matrixFigure(outputWhat, r.output, s, true), BlockCell::NormOutput)
        .site = site;
}

} // namespace

QString pipelineCaption(const PipelineStep& step, int number)
{
    return QStringLiteral("<b>%1. %2</b> &nbsp; %3 &nbsp; <i>(%4)</i>")
        .arg(number)
        .arg(step.formula, step.what, step.detail);
}

QVector<PipelineStep> pipelineSteps(const attn::Session& s, const attn::ForwardResult& r, int h)
{
    Builder b{s, {}};
    b.matrix(QStringLiteral("X"), tr("embeddings"), r.x, true);
    b.matrix(QStringLiteral("P"), tr("positional encoding (%1)").arg(kindName(s.positional.kind)),
             r.p, true);
    b.matrix(QStringLiteral("X<sub>in</sub> = X + P"), tr("input to the heads"), r.xIn, true);
    b.attention(r, h, {});
    return b.steps;
}

QVector<PipelineStep> blockPipelineSteps(const attn::Model& m, const attn::ModelResult& mr, int l,
                                         const attn::Session& s, const attn::ForwardResult& r,
                                         int h, int token)
{
    const attn::Block& block = m.layers[l];
    const bool bare = m.layerCount() == 1 && !block.residual &&
                      block.norm == attn::NormPlacement::None && !block.ffn &&
                      m.vocabulary.empty() && !m.finalNorm;
    if (bare)
        return pipelineSteps(s, r, h);
    const attn::BlockResult& br = mr.blocks[l];
    const bool pre = block.norm == attn::NormPlacement::Pre;
    const bool post = block.norm == attn::NormPlacement::Post;
    const QString next = QStringLiteral("H<sub>%1</sub>").arg(l + 1);
    const QString number = QString::number(l + 1);
    Builder b{s, {}};
    // The block's input: X + P for the first block, the previous block's output after it.
    QString in = QStringLiteral("X<sub>in</sub>");
    if (l == 0) {
        b.matrix(QStringLiteral("X"), tr("embeddings"), r.x, true);
        b.matrix(QStringLiteral("P"),
                 tr("positional encoding (%1)").arg(kindName(s.positional.kind)), r.p, true);
        b.matrix(QStringLiteral("X<sub>in</sub> = X + P"),
                 pre ? tr("input of block 1, H_0") : tr("input to the heads"), br.input, true);
    } else {
        in = QStringLiteral("H<sub>%1</sub>").arg(l);
        b.matrix(in, tr("input of block %1: the output of block %2").arg(number).arg(l), br.input,
                 true);
    }
    AttentionNames names;
    names.input = in;
    if (pre) {
        names.input = QStringLiteral("%1(%2)").arg(normSymbol(NormSite::Ln1), in);
        b.norm(normParts(m, mr, l, NormSite::Ln1), NormSite::Ln1, in, names.input,
               tr("layer norm 1, what the heads read"));
    }
    names.biases = hasAttentionBiases(block);
    names.mask = tr("mask");
    names.output = QStringLiteral("MHA = C W<sub>O</sub>") +
                   (names.biases ? QStringLiteral(" + b<sub>O</sub>") : QString());
    names.outputWhat = tr("multi-head attention, block %1").arg(number);
    b.attention(r, h, names);

    // The first sum: M = (H +) MHA, or for post-norm M = LN1((H +) MHA).
    const QString sum1 = block.residual ? in + QStringLiteral(" + MHA") : QStringLiteral("MHA");
    QString mName = QStringLiteral("M");
    QString last = QStringLiteral("MHA"); // the name of the last matrix shown
    if (block.residual && !post) {
        b.matrix(QStringLiteral("M = ") + sum1, tr("residual sum after attention"),
                 br.afterAttention, true, BlockCell::Sum1);
        last = mName;
    } else if (post) {
        if (block.residual)
            b.matrix(sum1, tr("residual sum after attention"), br.attentionSum, true,
                     BlockCell::Sum1);
        b.norm(normParts(m, mr, l, NormSite::Ln1), NormSite::Ln1, sum1,
               QStringLiteral("M = %1(%2)").arg(normSymbol(NormSite::Ln1), sum1),
               tr("layer norm 1 of the sum"));
        last = mName;
    } else {
        mName = QStringLiteral("MHA"); // no residual, no norm: M is MHA
    }
    bool outputShown = false;
    if (block.ffn) {
        const attn::FeedForward& f = *block.ffn;
        QString ffnIn = mName;
        if (pre) {
            ffnIn = QStringLiteral("%1(%2)").arg(normSymbol(NormSite::Ln2), mName);
            b.norm(normParts(m, mr, l, NormSite::Ln2), NormSite::Ln2, mName, ffnIn,
                   tr("layer norm 2, what the FFN reads"));
        }
        b.matrix(QStringLiteral("F = %1 W<sub>1</sub> + b<sub>1</sub>").arg(ffnIn),
                 tr("feed-forward network, first layer (d_ff = %1)").arg(f.width()),
                 br.ffnPreActivation, true, BlockCell::FfnPre)
            .data.colAxisTitle = tr("hidden unit");
        b.add(QStringLiteral("G = %1(F)")
                  .arg(f.activation == attn::Activation::Relu ? QStringLiteral("ReLU")
                                                              : QStringLiteral("GELU")),
              tr("activation %1: %2").arg(kindName(f.activation), activationFormula(f.activation)),
              shape(br.ffnHidden),
              matrixFigure(tr("activation %1").arg(kindName(f.activation)), br.ffnHidden, s, true),
              BlockCell::FfnHidden)
            .data.colAxisTitle = tr("hidden unit");
        b.matrix(QStringLiteral("FFN = G W<sub>2</sub> + b<sub>2</sub>"),
                 tr("feed-forward network, output"), br.ffnOutput, true, BlockCell::FfnOutput);
        last = QStringLiteral("FFN");
        const QString sum2 =
            block.residual ? mName + QStringLiteral(" + FFN") : QStringLiteral("FFN");
        if (post) {
            if (block.residual)
                b.matrix(sum2, tr("residual sum after the FFN"), br.ffnSum, true, BlockCell::Sum2);
            b.norm(normParts(m, mr, l, NormSite::Ln2), NormSite::Ln2, sum2,
                   QStringLiteral("%1 = %2(%3)").arg(next, normSymbol(NormSite::Ln2), sum2),
                   tr("layer norm 2 of the sum: output of block %1").arg(number));
            outputShown = true;
        } else if (block.residual) {
            b.matrix(QStringLiteral("%1 = %2").arg(next, sum2),
                     tr("residual sum after the FFN: output of block %1").arg(number), br.output,
                     true, BlockCell::Sum2);
            outputShown = true;
        }
    }
    if (!outputShown)
        b.matrix(QStringLiteral("%1 = %2").arg(next, last), tr("output of block %1").arg(number),
                 br.output, true);
    if (l + 1 < m.layerCount())
        return b.steps;

    // After the last block: the final norm and the prediction of the next token.
    QString hf = next;
    if (m.finalNorm) {
        hf = QStringLiteral("H<sub>f</sub>");
        b.norm(normParts(m, mr, l, NormSite::Final), NormSite::Final, next,
               QStringLiteral("H<sub>f</sub> = LN<sub>f</sub>(%1)").arg(next), tr("final norm"));
    }
    if (m.unembedding == attn::UnembeddingKind::None || mr.logits.size() == 0)
        return b.steps;
    token = std::clamp(token, 0, m.n() - 1);
    const QVector<int> ids = topIds(mr, token);
    QString formula = m.unembedding == attn::UnembeddingKind::Tied
                          ? QStringLiteral("logits = %1 E<sup>T</sup>").arg(hf)
                          : QStringLiteral("logits = %1 W<sub>U</sub>").arg(hf);
    if (m.unembeddingBias.size() > 0 && !m.unembeddingBias.isZero(0))
        formula += QStringLiteral(" + b<sub>U</sub>");
    const HeatmapData logits = logitsFigure(m, mr, token, s);
    b.add(formula, logits.title,
          tr("%1 × %2, %3 columns shown")
              .arg(mr.logits.rows())
              .arg(mr.logits.cols())
              .arg(ids.size()),
          logits, BlockCell::Logits)
        .ids = ids;
    const HeatmapData p = probabilitiesFigure(m, mr, token);
    PipelineStep& step = b.add(QStringLiteral("p = softmax(logits<sub>%1</sub>)").arg(token + 1),
                               p.title, tr("top %1 of %2").arg(ids.size()).arg(mr.logits.cols()), p,
                               BlockCell::Probabilities);
    step.ids = ids;
    step.token = token;
    return b.steps;
}

} // namespace av

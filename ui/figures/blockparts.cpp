#include "blockparts.h"

#include "names.h"
#include "numberformat.h"

#include <QCoreApplication>
#include <QStringList>
#include <functional>

namespace av {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("av", text);
}

constexpr int kMaxTerms = 6; ///< as the walkthrough's sums: longer ones are shortened with “…”

/// term(0) + term(1) + … + term(count − 1), shortened after kMaxTerms − 2 terms.
QString terms(Eigen::Index count, const std::function<QString(Eigen::Index)>& term,
              const QString& plus = QStringLiteral(" + "))
{
    QStringList parts;
    for (Eigen::Index k = 0; k < count; ++k) {
        if (count > kMaxTerms && k == kMaxTerms - 2) {
            parts << QStringLiteral("…");
            k = count - 1;
        }
        parts << term(k);
    }
    return parts.join(plus);
}

QString num(double v)
{
    return formatFormula(v);
}

/// a₀ × b₀ + a₁ × b₁ + … for a row times a column, the engine's result after "=".
QString dotText(const attn::RowVector& a, const attn::RowVector& b)
{
    return terms(a.size(), [&](Eigen::Index k) {
        return QStringLiteral("%1 × %2").arg(num(a(k)), num(b(k)));
    });
}

} // namespace

NormParts normParts(const attn::Model& m, const attn::ModelResult& r, int l, NormSite site)
{
    NormParts parts;
    if (site == NormSite::Final) {
        if (!m.finalNorm || r.blocks.empty())
            return parts;
        return {&r.blocks.back().output, &r.finalNorm, &*m.finalNorm};
    }
    if (l < 0 || l >= m.layerCount() || l >= static_cast<int>(r.blocks.size()))
        return parts;
    const attn::Block& b = m.layers[l];
    const attn::BlockResult& br = r.blocks[l];
    const bool post = b.norm == attn::NormPlacement::Post;
    if (b.norm == attn::NormPlacement::None)
        return parts;
    if (site == NormSite::Ln1) {
        // Post-norm keeps the sum it normalised, MHA itself without a residual.
        return {post ? &br.attentionSum : &br.input, &br.ln1, &b.ln1};
    }
    if (!b.ffn)
        return parts;
    return {post ? &br.ffnSum : &br.afterAttention, &br.ln2, &b.ln2};
}

QString normSymbol(NormSite site)
{
    switch (site) {
    case NormSite::Ln1:
        return QStringLiteral("LN<sub>1</sub>");
    case NormSite::Ln2:
        return QStringLiteral("LN<sub>2</sub>");
    case NormSite::Final:
        break;
    }
    return QStringLiteral("LN<sub>f</sub>");
}

QString activationFormula(attn::Activation a)
{
    switch (a) {
    case attn::Activation::Gelu:
        return QStringLiteral("GELU(x) = x · Φ(x) = ½x (1 + erf(x / √2))");
    case attn::Activation::GeluTanh:
        return QStringLiteral("GELU(x) ≈ ½x (1 + tanh(√(2/π) (x + 0.044715 x³)))");
    case attn::Activation::Relu:
        break;
    }
    return QStringLiteral("ReLU(x) = max(0, x)");
}

bool hasAttentionBiases(const attn::Block& b)
{
    const auto nonZero = [](const std::vector<attn::RowVector>& v) {
        for (const attn::RowVector& x : v)
            if (x.size() > 0 && !x.isZero(0))
                return true;
        return false;
    };
    const attn::AttentionWeights& a = b.attention;
    return nonZero(a.bq) || nonZero(a.bk) || nonZero(a.bv) || (a.bo.size() > 0 && !a.bo.isZero(0));
}

QStringList vocabularyLabels(const attn::Model& m, const QVector<int>& ids)
{
    QStringList labels;
    for (int id : ids)
        labels << tokenLabel(m, m.vocabulary.at(id));
    return labels;
}

QVector<int> topIds(const attn::ModelResult& r, int token)
{
    QVector<int> ids;
    if (token < 0 || token >= static_cast<int>(r.topK.size()))
        return ids;
    for (const attn::Prediction& p : r.topK[token])
        ids << p.id;
    return ids;
}

HeatmapData normStatsFigure(const NormParts& norm, const attn::Session& view)
{
    HeatmapData d;
    d.title = tr("mean and variance of each row");
    d.values.resize(norm.result->mean.size(), 2);
    d.values.col(0) = norm.result->mean;
    d.values.col(1) = norm.result->variance;
    d.rowLabels = tokenLabels(view);
    d.colLabels = QStringList{QStringLiteral("μ"), QStringLiteral("σ²")};
    d.rowAxisTitle = tr("token");
    d.diverging = true;
    return d;
}

HeatmapData logitsFigure(const attn::Model& m, const attn::ModelResult& r, int token,
                         const attn::Session& view)
{
    const QVector<int> ids = topIds(r, token);
    HeatmapData d;
    d.title = tr("logits, the columns of the %1 likeliest tokens after “%2”")
                  .arg(ids.size())
                  .arg(tokenLabel(m, m.settings.tokens.at(token)));
    d.values.resize(r.logits.rows(), ids.size());
    for (int k = 0; k < ids.size(); ++k)
        d.values.col(k) = r.logits.col(ids[k]);
    d.rowLabels = tokenLabels(view);
    d.colLabels = vocabularyLabels(m, ids);
    d.rowAxisTitle = tr("token");
    d.colAxisTitle = tr("next token");
    d.diverging = true;
    return d;
}

HeatmapData probabilitiesFigure(const attn::Model& m, const attn::ModelResult& r, int token)
{
    const QVector<int> ids = topIds(r, token);
    const QString text = tokenLabel(m, m.settings.tokens.at(token));
    HeatmapData d;
    d.title = tr("probability of the next token after “%1”").arg(text);
    d.values.resize(1, ids.size());
    for (int k = 0; k < ids.size(); ++k)
        d.values(0, k) = r.topK[token][k].p;
    d.rowLabels = QStringList{text};
    d.colLabels = vocabularyLabels(m, ids);
    d.colAxisTitle = tr("next token");
    d.range = std::make_pair(0.0, 1.0);
    return d;
}

QString normMeanText(const NormParts& norm, int i)
{
    const auto x = norm.input->row(i);
    const Eigen::Index d = x.size();
    return tr("μ = (%1) / %2 = %3")
        .arg(terms(d, [&](Eigen::Index k) { return num(x(k)); }))
        .arg(d)
        .arg(num(norm.result->mean(i)));
}

QString normVarianceText(const NormParts& norm, int i)
{
    const auto x = norm.input->row(i);
    const Eigen::Index d = x.size();
    const QString mu = num(norm.result->mean(i));
    return tr("σ² = (%1) / %2 = %3")
        .arg(terms(d,
                   [&](Eigen::Index k) { return QStringLiteral("(%1 − %2)²").arg(num(x(k)), mu); }))
        .arg(d)
        .arg(num(norm.result->variance(i)));
}

QString normEntryText(const NormParts& norm, int i, int c)
{
    return tr("(x − μ) / √(σ² + ε) × γ + β = (%1 − %2) / √(%3 + %4) × %5 + %6 = %7")
        .arg(num((*norm.input)(i, c)), num(norm.result->mean(i)), num(norm.result->variance(i)),
             formatSignificant(norm.params->eps, 3), num(norm.params->gain(c)),
             num(norm.params->bias(c)), num(norm.result->output(i, c)));
}

QString ffnPreText(const attn::Block& b, const attn::BlockResult& r, const attn::Matrix& in, int i,
                   int j)
{
    return tr("%1 + %2 = %3")
        .arg(dotText(in.row(i), b.ffn->w1.col(j).transpose()), num(b.ffn->b1(j)),
             num(r.ffnPreActivation(i, j)));
}

QString ffnActivationText(const attn::Block& b, const attn::BlockResult& r, int i, int j)
{
    const QString name = b.ffn->activation == attn::Activation::Relu ? QStringLiteral("ReLU")
                                                                     : QStringLiteral("GELU");
    return QStringLiteral("%1(%2) = %3")
        .arg(name, num(r.ffnPreActivation(i, j)), num(r.ffnHidden(i, j)));
}

QString ffnOutputText(const attn::Block& b, const attn::BlockResult& r, int i, int c)
{
    return tr("%1 + %2 = %3")
        .arg(dotText(r.ffnHidden.row(i), b.ffn->w2.col(c).transpose()), num(b.ffn->b2(c)),
             num(r.ffnOutput(i, c)));
}

QString sumText(double a, double b, double sum)
{
    return QStringLiteral("%1 + %2 = %3").arg(num(a), num(b), num(sum));
}

QString logitText(const attn::Model& m, const attn::ModelResult& r, int i, int id)
{
    const attn::RowVector u = m.unembedding == attn::UnembeddingKind::Tied
                                  ? attn::RowVector(m.tokenEmbeddings.row(id))
                                  : attn::RowVector(m.unembeddingMatrix.col(id).transpose());
    QString text = dotText(r.final.row(i), u);
    if (m.unembeddingBias.size() > id && m.unembeddingBias(id) != 0)
        text += QStringLiteral(" + %1").arg(num(m.unembeddingBias(id)));
    return QStringLiteral("%1 = %2").arg(text, num(r.logits(i, id)));
}

QString probabilityText(const attn::ModelResult& r, int i, int id)
{
    const QString formula = tr("exp(logit − log Σ exp(logits)) = exp(%1 − %2)")
                                .arg(num(r.logits(i, id)), num(r.logSumExp(i)));
    for (const attn::Prediction& p : r.topK.at(i))
        if (p.id == id)
            return QStringLiteral("%1 = %2").arg(formula, num(p.p));
    return formula;
}

} // namespace av

#include "tracetext.h"

#include "blockparts.h"
#include "names.h"
#include "numberformat.h"

#include <QCoreApplication>
#include <QStringList>

namespace av {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("av", text);
}

QString num(double v)
{
    return formatFormula(v);
}

QString vectorText(const attn::RowVector& v)
{
    QStringList parts;
    const int shown = std::min<int>(static_cast<int>(v.size()), 8);
    for (int i = 0; i < shown; ++i)
        parts << formatFormula(v(i));
    if (v.size() > shown)
        parts << QStringLiteral("… (%1)").arg(v.size());
    return QStringLiteral("[") + parts.join(QStringLiteral(", ")) + QStringLiteral("]");
}

} // namespace

QString describeTrace(const attn::WeightTrace& t, const attn::Session& s)
{
    const QString qi = QStringLiteral("q<sub>%1</sub>").arg(t.query + 1);
    const QString kj = QStringLiteral("k<sub>%1</sub>").arg(t.key + 1);
    const QString token = [&](int i) {
        return QString::fromStdString(s.tokens.at(i)).toHtmlEscaped();
    }(t.query);
    const QString keyToken = QString::fromStdString(s.tokens.at(t.key)).toHtmlEscaped();
    QStringList lines;
    lines << tr("<b>Head %1: “%2” attends to “%3”</b>").arg(t.head + 1).arg(token, keyToken);
    lines << QStringLiteral("%1 = %2").arg(qi, vectorText(t.q));
    lines << QStringLiteral("%1 = %2").arg(kj, vectorText(t.k));
    switch (s.score) {
    case attn::ScoreKind::ScaledDot:
        lines << QStringLiteral("%1 · %2 = %3").arg(qi, kj, num(t.dot));
        lines << tr("scaled: %1 / √%2 = %1 / %3 = %4")
                     .arg(num(t.dot))
                     .arg(s.dK())
                     .arg(num(t.sqrtDk), num(t.raw));
        break;
    case attn::ScoreKind::Dot:
        lines << QStringLiteral("%1 · %2 = %3").arg(qi, kj, num(t.raw));
        break;
    case attn::ScoreKind::Cosine:
        lines << tr("cosine: %1 / (%2 × %3) = %4")
                     .arg(num(t.dot), num(t.normQ), num(t.normK), num(t.raw));
        break;
    case attn::ScoreKind::Additive:
        lines << tr("additive: w · tanh(%1 + %2) = %3").arg(qi, kj, num(t.raw));
        break;
    }
    lines << tr("temperature: S = %1 / %2 = %3").arg(num(t.raw), num(t.temperature), num(t.score));
    if (!t.allowed) {
        lines << tr("masked out by the %1: A = 0").arg(kindName(s.mask.kind));
    } else if (s.normalizer == attn::NormalizerKind::Softmax) {
        lines << tr("exp(S − max) = exp(%1 − %2) = %3")
                     .arg(num(t.score), num(t.rowMax), num(t.expValue));
        lines << tr("row sum Σ exp = %1").arg(num(t.rowSum));
        lines << tr("<b>A = %1 / %2 = %3</b>").arg(num(t.expValue), num(t.rowSum), num(t.weight));
    } else {
        lines << tr("<b>A = max(0, %1) = %2</b>").arg(num(t.score), num(t.weight));
    }
    return lines.join(QStringLiteral("<br>"));
}

QString describeBlockCell(const attn::Model& m, const attn::ModelResult& r, int l,
                          const PipelineStep& step, int row, int col)
{
    if (step.cell == BlockCell::None || l < 0 || l >= static_cast<int>(r.blocks.size()))
        return {};
    const attn::Block& b = m.layers[l];
    const attn::BlockResult& br = r.blocks[l];
    const bool pre = b.norm == attn::NormPlacement::Pre;
    const bool post = b.norm == attn::NormPlacement::Post;
    const auto token = [&](int i) {
        return tokenLabel(m, m.settings.tokens.at(i)).toHtmlEscaped();
    };
    QStringList lines;
    const NormParts norm = normParts(m, r, l, step.site);
    switch (step.cell) {
    case BlockCell::None:
        break;
    case BlockCell::NormStats:
        lines << tr("<b>%1, token %2 “%3”</b>")
                     .arg(normSymbol(step.site))
                     .arg(row + 1)
                     .arg(token(row));
        lines << (col == 0 ? normMeanText(norm, row) : normVarianceText(norm, row));
        break;
    case BlockCell::NormParams:
        lines << tr("<b>%1 %2, dimension %3</b>")
                     .arg(normSymbol(step.site), row == 0 ? tr("gain γ") : tr("bias β"))
                     .arg(col + 1);
        lines << tr("a learned weight: %1")
                     .arg(num(row == 0 ? norm.params->gain(col) : norm.params->bias(col)));
        break;
    case BlockCell::NormOutput:
        lines << tr("<b>%1, token %2 “%3”, dimension %4</b>")
                     .arg(normSymbol(step.site))
                     .arg(row + 1)
                     .arg(token(row))
                     .arg(col + 1);
        lines << normMeanText(norm, row) << normVarianceText(norm, row)
              << normEntryText(norm, row, col);
        break;
    case BlockCell::Sum1:
        lines << tr("<b>residual sum after attention, token %1 “%2”, dimension %3</b>")
                     .arg(row + 1)
                     .arg(token(row))
                     .arg(col + 1);
        lines << tr("the block's input + MHA: %1")
                     .arg(sumText(br.input(row, col), br.attentionOutput(row, col),
                                  post ? br.attentionSum(row, col) : br.afterAttention(row, col)));
        break;
    case BlockCell::FfnPre:
        lines << tr("<b>FFN, first layer, token %1 “%2”, unit %3</b>")
                     .arg(row + 1)
                     .arg(token(row))
                     .arg(col + 1);
        lines << ffnPreText(b, br, pre ? br.ln2.output : br.afterAttention, row, col);
        break;
    case BlockCell::FfnHidden:
        lines << tr("<b>activation %1, token %2 “%3”, unit %4</b>")
                     .arg(kindName(b.ffn->activation))
                     .arg(row + 1)
                     .arg(token(row))
                     .arg(col + 1);
        lines << activationFormula(b.ffn->activation) << ffnActivationText(b, br, row, col);
        break;
    case BlockCell::FfnOutput:
        lines << tr("<b>FFN output, token %1 “%2”, dimension %3</b>")
                     .arg(row + 1)
                     .arg(token(row))
                     .arg(col + 1);
        lines << ffnOutputText(b, br, row, col);
        break;
    case BlockCell::Sum2:
        lines << tr("<b>residual sum after the FFN, token %1 “%2”, dimension %3</b>")
                     .arg(row + 1)
                     .arg(token(row))
                     .arg(col + 1);
        lines << tr("M + FFN: %1")
                     .arg(sumText(br.afterAttention(row, col), br.ffnOutput(row, col),
                                  post ? br.ffnSum(row, col) : br.output(row, col)));
        break;
    case BlockCell::Logits:
        if (col < 0 || col >= step.ids.size())
            return {};
        lines << tr("<b>logit of “%1” after token %2 “%3”</b>")
                     .arg(tokenLabel(m, m.vocabulary.at(step.ids[col])).toHtmlEscaped())
                     .arg(row + 1)
                     .arg(token(row));
        lines << logitText(m, r, row, step.ids[col]);
        break;
    case BlockCell::Probabilities:
        if (col < 0 || col >= step.ids.size())
            return {};
        lines << tr("<b>probability that “%1” follows token %2 “%3”</b>")
                     .arg(tokenLabel(m, m.vocabulary.at(step.ids[col])).toHtmlEscaped())
                     .arg(step.token + 1)
                     .arg(token(step.token));
        lines << QStringLiteral("p = ") + probabilityText(r, step.token, step.ids[col]);
        break;
    }
    return lines.join(QStringLiteral("<br>"));
}

} // namespace av

#include "tracetext.h"

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

} // namespace av

#include "numberformat.h"

#include <array>
#include <charconv>
#include <cmath>

namespace av {
namespace {

constexpr QChar kMinus(0x2212);

/// The text of a non-finite value on screen.
QString nonFinite(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    return value > 0 ? QStringLiteral("∞") : QString(kMinus) + QStringLiteral("∞");
}

/// ASCII printf-style text as it goes on screen: a zero ("-0", "-0.00") loses its sign,
/// every '-' (the sign and an exponent's) becomes U+2212.
QString onScreen(QString text)
{
    if (text.startsWith(QLatin1Char('-'))) {
        bool allZero = true;
        for (qsizetype k = 1; k < text.size() && allZero; ++k) {
            const QChar ch = text[k];
            if (ch == QLatin1Char('e') || ch == QLatin1Char('E'))
                break;
            allZero = ch == QLatin1Char('0') || ch == QLatin1Char('.');
        }
        if (allZero)
            text.remove(0, 1);
    }
    return text.replace(QLatin1Char('-'), kMinus);
}

} // namespace

QString formatSignificant(double value, int digits)
{
    if (!std::isfinite(value))
        return nonFinite(value);
    return onScreen(QString::number(value, 'g', digits));
}

QString formatDecimals(double value, int maxDecimals, int minDecimals)
{
    if (!std::isfinite(value))
        return nonFinite(value);
    QString text = QString::number(value, 'f', maxDecimals);
    const qsizetype point = text.indexOf(QLatin1Char('.'));
    if (point >= 0) {
        const qsizetype keep = minDecimals > 0 ? point + 1 + minDecimals : point;
        while (text.size() > keep && text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return onScreen(text);
}

QString formatFormula(double value)
{
    return formatDecimals(value, 6, 2);
}

QString formatCell(double value)
{
    if (!std::isfinite(value))
        return nonFinite(value);
    const double a = std::abs(value);
    if (a == 0)
        return QStringLiteral("0");
    if (a >= 1000 || a < 0.01)
        return onScreen(QString::number(value, 'g', 2));
    return onScreen(QString::number(value, 'f', a >= 100 ? 0 : a >= 10 ? 1 : a >= 0.1 ? 2 : 3));
}

QString formatFull(double value)
{
    if (!std::isfinite(value))
        return nonFinite(value);
    return onScreen(formatExact(value));
}

QString formatExact(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    if (value == 0)
        return QStringLiteral("0");
    // std::to_chars without a format is the shortest round trip, and never localised.
    std::array<char, 32> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return error == std::errc() ? QString::fromLatin1(buffer.data(), end - buffer.data())
                                : QString::number(value, 'g', 17);
}

} // namespace av

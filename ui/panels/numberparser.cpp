#include "numberparser.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <charconv>
#include <string>

namespace av {
namespace {

// The context lupdate files these messages under.
struct NumberParser
{
    Q_DECLARE_TR_FUNCTIONS(av::NumberParser)
};

/// The text as the message quotes it: trimmed, and short enough for one status line.
QString quoted(const QString& text)
{
    constexpr qsizetype maxShown = 24;
    const QString shown = text.size() > maxShown ? text.left(maxShown - 1) + u'…' : text;
    return u'"' + shown + u'"';
}

ParsedNumber refuse(const QString& message)
{
    return {std::nullopt, message};
}

bool isNonFiniteWord(QString body)
{
    if (body.startsWith(u'+') || body.startsWith(u'-'))
        body.remove(0, 1);
    body = body.toLower();
    return body == u"nan" || body == u"inf" || body == u"infinity" || body == u"∞";
}

/// For a number std::from_chars found out of range: whether it is too large (rather than
/// too small). The decimal order of the first significant digit decides, exponent included.
bool overflows(const QString& intDigits, const QString& fracDigits, const QString& exponent)
{
    qsizetype order = 0;
    const auto firstInt =
        std::find_if(intDigits.cbegin(), intDigits.cend(), [](QChar c) { return c != u'0'; });
    if (firstInt != intDigits.cend()) {
        order = intDigits.cend() - firstInt;
    } else {
        const auto firstFrac =
            std::find_if(fracDigits.cbegin(), fracDigits.cend(), [](QChar c) { return c != u'0'; });
        order = -(firstFrac - fracDigits.cbegin());
    }
    bool ok = false;
    qlonglong e = exponent.toLongLong(&ok);
    if (!ok) // more exponent digits than a qlonglong holds: only the sign matters
        e = exponent.startsWith(u'-') ? -1'000'000'000 : 1'000'000'000;
    e = std::clamp<qlonglong>(e, -1'000'000'000, 1'000'000'000);
    return order + e > 0;
}

} // namespace

ParsedNumber parseNumber(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return refuse(NumberParser::tr("Type a number (the input is empty)"));

    // NFKC folds an IME's full-width forms (０-９, ．, ，, －, ＋) to ASCII. A Chinese IME in
    // Chinese punctuation mode types the ideographic full stop for '.'.
    QString s = trimmed.normalized(QString::NormalizationForm_KC);
    s.replace(QChar(0x2212), u'-');
    s.replace(QChar(0x3002), u'.');

    if (isNonFiniteWord(s))
        return refuse(NumberParser::tr("%1 is not a finite number").arg(quoted(trimmed)));
    if (s.contains(u',')) {
        // A decimal comma is accepted; a comma next to a point is digit grouping, which
        // reads differently in different countries ("1,000.5", "1.000,5"), so it is refused.
        if (s.contains(u'.') || s.count(u',') > 1)
            return refuse(
                NumberParser::tr("%1 is not a number: use one decimal separator, as in 0.5 or 0,5")
                    .arg(quoted(trimmed)));
        s.replace(u',', u'.');
    }

    // [0-9], not \d: \d would also match digits of other scripts, which from_chars refuses.
    static const QRegularExpression grammar(
        QStringLiteral(R"(^[+-]?([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$)"));
    const QRegularExpressionMatch match = grammar.match(s);
    if (!match.hasMatch() || (match.capturedLength(1) == 0 && match.capturedLength(2) == 0))
        return refuse(NumberParser::tr("%1 is not a number").arg(quoted(trimmed)));

    // from_chars ignores the C locale (a Qt application runs under the user's locale,
    // where strtod may expect a comma) but refuses a leading '+'.
    const std::string ascii = (s.startsWith(u'+') ? s.mid(1) : s).toStdString();
    double value = 0;
    const auto [end, ec] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value);
    if (ec == std::errc::result_out_of_range) {
        if (overflows(match.captured(1), match.captured(2), match.captured(3)))
            return refuse(NumberParser::tr("%1 is too large (a double holds at most ±1.8e308)")
                              .arg(quoted(trimmed)));
        value = 0; // below the smallest double: rounds to zero
    } else if (ec != std::errc() || end != ascii.data() + ascii.size()) {
        return refuse(NumberParser::tr("%1 is not a number").arg(quoted(trimmed)));
    }
    if (value == 0)
        value = 0; // no negative zero: "-0" would show as "-0" in the cell
    return {value, {}};
}

} // namespace av

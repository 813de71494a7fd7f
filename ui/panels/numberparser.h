#pragma once
// Reading a number a person typed into a cell. Pure: no widget, no locale state.

#include <QString>

#include <optional>

namespace av {

struct ParsedNumber
{
    std::optional<double> value; ///< set when the text is a finite number
    QString error;               ///< set otherwise: why, quoting the text, for the status line
};

/// Accepts what people type: "0.5", ".5", "5.", "+2", "-1e-3", "  2 ", a decimal comma
/// ("0,5", as in German, French and most of Europe), what a Chinese or Japanese IME types
/// (full-width "０．５", "0。5") and the minus sign "−" (U+2212). A lone comma is a decimal
/// separator, so "1,000" is 1; digit grouping is refused ("1,000.5", "1 000").
/// Refuses empty input, text, nan, inf and infinity, and values beyond ±1.8e308.
/// Values too small for a double (1e-400) round to 0, as every double rounds.
ParsedNumber parseNumber(const QString& text);

} // namespace av

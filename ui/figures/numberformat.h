#pragma once
// Every number the program prints, in one place. Two families:
//  - on screen: a true minus sign (U+2212), "∞", "−∞", "NaN", and no sign on a zero;
//  - in files and on the clipboard: formatExact(), C locale, ASCII '-', the shortest text
//    that reads back as the same double. Copy (the matrix editor) and CSV both use it.
// The on-screen functions differ only in how many digits they keep.

#include <QString>

namespace av {

/// On screen, `digits` significant digits as printf's %g ("0.1235", "1.235e+04" for 4);
/// the exponent's minus is a true minus too ("1e−05"). Matrix cells use 4, bar labels 3.
QString formatSignificant(double value, int digits);

/// On screen, at most maxDecimals decimals, trailing zeros dropped down to minDecimals
/// ("0.30", "0.716341", "1.116" for 6 and 2). A value that rounds to zero prints "0.00".
QString formatDecimals(double value, int maxDecimals, int minDecimals);

/// The numbers inside formulas, wherever a calculation is spelled out (the walkthrough and
/// the trace of one attention weight): formatDecimals(value, 6, 2).
QString formatFormula(double value);

/// A heatmap cell: 2–3 significant digits in a few characters ("0.52", "12.3", "104",
/// "0.0042", "1.2e+03"); "0" for zero.
QString formatCell(double value);

/// On screen at full precision: the digits of formatExact() with the on-screen signs
/// ("−0.1", "∞"). For tool tips that show a value exactly.
QString formatFull(double value);

/// Files, the clipboard and the cell editor: the shortest text that std::strtod reads back
/// as the same value ("0.1", "-2.5e-07", "1e+300"), C locale and ASCII whatever the
/// interface language. Zero of either sign is "0"; non-finite values are "inf", "-inf" and
/// "nan", which NumPy, pandas and Python's float() read.
QString formatExact(double value);

} // namespace av

#pragma once
// The colour scales of the plot views, named once so that every figure (and its export)
// uses the same ones.

#include <QBrush>
#include <QColor>

// A value type from qcustomplot.h; forward-declared so that headers including this one stay
// free of QCustomPlot. Callers of the functions below include <qcustomplot.h> themselves.
class QCPColorGradient;

namespace av {

/// The colour scales a heatmap can use (HeatmapData::diverging picks Diverging by itself).
enum class ColorMapKind
{
    Viridis,   ///< perceptually uniform, dark purple → yellow (the default)
    Diverging, ///< blue – white – red, for signed data centred on 0
    Cividis,   ///< perceptually uniform and readable with red–green colour blindness
    Gray       ///< white → black, for black-and-white print
};

/// Viridis, sampled at 17 evenly spaced entries of matplotlib's 256-entry table.
QCPColorGradient viridisGradient();

/// Blue (−) – near white (0) – red (+), ColorBrewer RdBu; centred when the range is ±m.
QCPColorGradient divergingGradient();

/// Cividis, sampled like viridisGradient().
QCPColorGradient cividisGradient();

/// White (low) → black (high): more ink means more weight on paper.
QCPColorGradient grayGradient();

QCPColorGradient gradient(ColorMapKind kind);

/// The colour non-finite cells are drawn in, on every gradient above.
QColor nanColor();

/// Black or white, whichever contrasts more with background (WCAG contrast ratio).
QColor contrastingTextColor(QColor background);

/// Light grey with diagonal lines, for matrix cells that are not allowed (masked), so
/// that they differ from every colour of every gradient. Tiles in device pixels.
QBrush maskHatchBrush();

/// Okabe–Ito colours for lines and bars, distinguishable with colour blindness; yellow
/// comes last because it is faint on white. Cycles after 8.
QColor categoricalColor(int index);

} // namespace av

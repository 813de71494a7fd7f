#pragma once
// What the demo panels share about their plots.

#include "heatmapplot.h"
#include "presentation.h"

#include <QLabel>
#include <qcustomplot.h>

namespace av {

/// A heatmap that can be replotted before it is first shown. QCustomPlot takes its
/// viewport from resize events, which hidden widgets (the tabs not yet opened) do not
/// get; the first size of a child widget, 100 × 30, leaves cells of no pixels, on which
/// HeatmapPlot's label thinning does not terminate. The real size replaces this one on
/// the first show.
inline HeatmapPlot* newDemoHeatmap()
{
    auto* heatmap = new HeatmapPlot;
    heatmap->plot()->setViewport(QRect(QPoint(0, 0), heatmap->sizeHint()));
    return heatmap;
}

/// Text that has room to be larger than the rest while presenting (explanations, checks,
/// tables): Presentation gives it kLargerTextFactor.
inline void enlargeWhilePresenting(QWidget* widget)
{
    widget->setProperty("av_largerWhilePresenting", Presentation::kLargerTextFactor);
}

/// The paragraph at the top of a demonstration that says what it shows: wrapped, and larger
/// while presenting (the demonstration has room for it; the plots are large already).
inline QLabel* newExplanation(const QString& text)
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    enlargeWhilePresenting(label);
    return label;
}

} // namespace av

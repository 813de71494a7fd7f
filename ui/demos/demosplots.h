#pragma once
// What the demo panels share about their plots.

#include "heatmapplot.h"
#include "presentationhints.h"

#include <QLabel>

namespace av {

/// A heatmap that can be replotted before it is first shown (a tab not yet opened).
inline HeatmapPlot* newDemoHeatmap()
{
    auto* heatmap = new HeatmapPlot;
    heatmap->setViewportToSizeHint();
    return heatmap;
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

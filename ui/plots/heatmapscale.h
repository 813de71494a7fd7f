#pragma once
// The arithmetic of a heatmap, without a widget: its colour range, which rows and columns
// get a tick label, and whether the values printed in the cells fit. HeatmapPlot applies
// them to QCustomPlot; the tests check them on plain numbers.

#include "figuredata.h"

#include <QStringList>
#include <QVector>
#include <utility>

namespace av {

/// The colour range of data: data.range when set, else the finite values' min … max
/// (symmetric about 0 when diverging), leaving out the cells that masked marks (only when
/// `masked`: data.masked is rows × cols and has a 0). Never empty: a constant matrix gets
/// half its value (or 0.5) of room on each side, a matrix without finite values 0 … 1.
std::pair<double, double> colorRange(const HeatmapData& data, bool masked);

/// The smallest of 1, 2, 5, 10, 20, 50, … that is ≥ x (at most 10⁹).
int niceStep(double x);

/// One tick text per row or column: the label (longer than maxChars: elided with "…") or,
/// without one, the index from 1.
QStringList tickTexts(const QStringList& labels, int count, int maxChars = 14);

/// The rows or columns (from 0) that get a tick when only every step-th fits. Indices that
/// count from 1 ("1", "2", … as tickTexts makes them) are labelled on the round numbers
/// for steps from 5: 1, 5, 10, 15 for a step of 5. Otherwise 0, step, 2 step, … (tokens;
/// "1, 3, 5" for indices at a step of 2).
QVector<int> thinnedTicks(const QStringList& texts, int step);

/// The step between tick labels of extent pixels (width or height) on cells of cellPixels:
/// 1 when they fit edge to edge, else a niceStep() with half a label of air between them.
int tickStep(double extent, double cellPixels);

/// The size at which printed cell values fit, relative to the value font, in steps of 5 %
/// and at most 1; 0 when they do not fit even at minShrink (then none are printed).
/// textWidth is the widest value at the full size, lineHeight its line height (px).
double valueShrink(double cellWidth, double cellHeight, double textWidth, double lineHeight,
                   double minShrink = 0.8);

} // namespace av

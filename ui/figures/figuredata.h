#pragma once
// What a figure shows, as plain values: the matrix of a heatmap, the points of curves, the
// bars of a summary. Built by figures.h and the walkthrough, drawn by the views in ui/plots/.

#include "types.h"

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>
#include <utility>

namespace av {

struct HeatmapData
{
    QString title;                      ///< e.g. "Head 2 — attention weights, causal mask"
    attn::Matrix values;                ///< rows × cols, assumed finite (others are drawn grey)
    QStringList rowLabels, colLabels;   ///< token labels; empty: indices 1 … n
    QString rowAxisTitle, colAxisTitle; ///< e.g. "query", "key"
    bool diverging = false;             ///< true: blue–white–red centred on 0, range ±max|v|
    std::optional<std::pair<double, double>> range; ///< fixed colour range, e.g. {0, 1}
    attn::MaskMatrix masked; ///< empty, or rows × cols: 0 marks a cell as not allowed (hatched)
    bool squareCells = true; ///< false: cells take the plot's proportions (long, thin matrices)
};

/// One named curve of a CurvePlot.
struct Curve
{
    QString name;      ///< shown in the legend
    QVector<double> x; ///< same length as y
    QVector<double> y;
};

/// One series of a BarPlot: name, then one value per category (missing values are drawn as
/// 0, extra ones dropped).
using BarSeries = QPair<QString, QVector<double>>;

} // namespace av

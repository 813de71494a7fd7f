#include "heatmapscale.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace av {
namespace {

constexpr double kMinValueCellWidth = 26;  // px, below this printed values are unreadable
constexpr double kMinValueCellHeight = 16; // px

} // namespace

std::pair<double, double> colorRange(const HeatmapData& data, bool masked)
{
    double lower = std::numeric_limits<double>::infinity();
    double upper = -lower;
    if (data.range) {
        std::tie(lower, upper) = *data.range;
    } else {
        // Masked cells are left out: their scores are not shown. Column by column: memory order.
        for (Eigen::Index c = 0; c < data.values.cols(); ++c) {
            for (Eigen::Index r = 0; r < data.values.rows(); ++r) {
                const double v = data.values(r, c);
                if (std::isfinite(v) && (!masked || data.masked(r, c))) {
                    lower = std::min(lower, v);
                    upper = std::max(upper, v);
                }
            }
        }
        if (lower > upper) // nothing finite to show
            std::tie(lower, upper) = std::pair(0.0, 1.0);
        if (data.diverging) {
            upper = std::max(std::abs(lower), std::abs(upper));
            lower = -upper;
        }
    }
    if (!(upper > lower)) { // a constant matrix: a zero-width range would colour nothing
        const double pad = lower != 0 ? std::abs(lower) * 0.5 : 0.5;
        lower -= pad;
        upper += pad;
    }
    return {lower, upper};
}

int niceStep(double x)
{
    // Bounded: before the plot has a size, x can be about 1e10 (a cell 0 px wide).
    for (long long decade = 1; decade <= 100000000; decade *= 10)
        for (int m : {1, 2, 5})
            if (m * decade >= x)
                return int(m * decade);
    return 1000000000;
}

QStringList tickTexts(const QStringList& labels, int count, int maxChars)
{
    QStringList texts;
    texts.reserve(count);
    for (int i = 0; i < count; ++i) {
        QString text = i < labels.size() ? labels[i] : QString::number(i + 1);
        if (text.size() > maxChars)
            text = text.left(maxChars - 1) + QChar(0x2026);
        texts.append(text);
    }
    return texts;
}

QVector<int> thinnedTicks(const QStringList& texts, int step)
{
    step = std::max(step, 1);
    bool fromOne = step >= 5; // 1, 2, 4, 6 would crowd the first two
    for (int i = 0; i < texts.size() && fromOne; ++i)
        fromOne = texts[i] == QString::number(i + 1);
    QVector<int> ticks;
    if (fromOne) {
        ticks << 0; // "1", then step, 2 step, …
        for (int label = step; label <= texts.size(); label += step)
            ticks << label - 1;
    } else {
        for (int i = 0; i < texts.size(); i += step)
            ticks << i;
    }
    return ticks;
}

int tickStep(double extent, double cellPixels)
{
    return extent <= cellPixels ? 1 : niceStep(1.5 * extent / std::max(cellPixels, 1e-9));
}

double valueShrink(double cellWidth, double cellHeight, double textWidth, double lineHeight,
                   double minShrink)
{
    // Values are printed at up to 20 % below their font size (in steps of 5 %) rather than
    // not at all; smaller than that they would not be read.
    const double fit =
        std::min({1.0, (cellWidth - 6) / std::max(1.0, textWidth), (cellHeight - 2) / lineHeight});
    const double shrink = std::floor(fit * 20) / 20;
    const bool fits =
        cellWidth >= kMinValueCellWidth && cellHeight >= kMinValueCellHeight && shrink >= minShrink;
    return fits ? shrink : 0;
}

} // namespace av

#include "barplot.h"

#include "colormaps.h"
#include "numberformat.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <qcustomplot.h>
#include <utility>

namespace av {
namespace {

constexpr double kGroupWidth = 0.8; // of the 1.0 between categories, in plot coordinates
constexpr double kBarSpacing = 0.03;
constexpr double kValueFontScale = 0.95; // of the tick labels
constexpr double kHeadroom = 0.14;       // of the value span, above the bars for their labels

} // namespace

BarPlot::BarPlot(QWidget* parent) : PlotView(parent)
{
    m_group = new QCPBarsGroup(m_plot);
    m_group->setSpacingType(QCPBarsGroup::stPlotCoords);
    m_group->setSpacing(kBarSpacing);

    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->setTickLength(0, 4);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setPen(QPen(QColor(225, 225, 225)));
    m_plot->yAxis->grid()->setZeroLinePen(QPen(QColor(120, 120, 120)));

    connect(m_plot, &QCustomPlot::afterLayout, this, &BarPlot::fitValueLabels);
    applyStyle();
}

BarPlot::~BarPlot() = default;

void BarPlot::fitValueLabels()
{
    // Values that would run into each other (many bars, presentation font sizes) are not
    // all printed: the tallest bars' values first, then each one that overlaps none shown.
    const QFontMetricsF metrics(scaledFont(kValueFontScale));
    QVector<QCPItemText*> order(m_valueLabels.begin(), m_valueLabels.end());
    std::stable_sort(order.begin(), order.end(), [](QCPItemText* a, QCPItemText* b) {
        return std::abs(a->position->value()) > std::abs(b->position->value());
    });
    QVector<QRectF> shown;
    for (QCPItemText* label : order) {
        const QPointF anchor = label->position->pixelPosition();
        const QSizeF size(metrics.horizontalAdvance(label->text()) + 4, metrics.height() + 4);
        const bool above = label->position->value() >= 0;
        const QRectF rect(
            QPointF(anchor.x() - size.width() / 2, above ? anchor.y() - size.height() : anchor.y()),
            size);
        const bool free = std::none_of(shown.cbegin(), shown.cend(), [&rect](const QRectF& other) {
            return other.intersects(rect);
        });
        label->setVisible(free);
        if (free)
            shown << rect;
    }
}

void BarPlot::setData(const QString& title, const QStringList& categories,
                      const QVector<Series>& series)
{
    setTitle(title);
    const int n = int(categories.size());
    const int m = n > 0 ? int(series.size()) : 0;

    QList<QCPBars*> bars = m_group->bars();
    while (bars.size() > m)
        m_plot->removePlottable(bars.takeLast()); // also leaves the group
    while (bars.size() < m) {
        auto* added = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        added->setBarsGroup(m_group);
        bars.append(added);
    }
    for (QCPItemText* label : std::as_const(m_valueLabels))
        m_plot->removeItem(label);
    m_valueLabels.clear();

    // Bars of one category side by side, centred on the category's key.
    const double width = m > 0 ? (kGroupWidth - kBarSpacing * (m - 1)) / m : 0;
    QVector<double> keys(n);
    std::iota(keys.begin(), keys.end(), 0.0);
    double lowest = 0;
    double highest = 0;
    for (int k = 0; k < m; ++k) {
        QVector<double> values = series[k].second;
        values.resize(n); // missing values are 0
        bars[k]->setName(series[k].first);
        bars[k]->setWidth(width);
        bars[k]->setData(keys, values, true);
        for (int i = 0; i < n; ++i) {
            const double v = values[i];
            lowest = std::min(lowest, v);
            highest = std::max(highest, v);
            auto* label = new QCPItemText(m_plot);
            label->position->setCoords(i + (k - (m - 1) / 2.0) * (width + kBarSpacing), v);
            label->setPositionAlignment(Qt::AlignHCenter |
                                        (v >= 0 ? Qt::AlignBottom : Qt::AlignTop));
            label->setPadding(QMargins(0, 2, 0, 2));
            label->setText(formatSignificant(v, 3));
            label->setSelectable(false);
            label->setClipToAxisRect(false);
            m_valueLabels.append(label);
        }
    }

    auto ticker = m_plot->xAxis->ticker().staticCast<QCPAxisTickerText>();
    ticker->setTicks(keys, categories);
    m_plot->xAxis->setRange(-0.5, std::max(n, 1) - 0.5);
    if (highest == lowest) // all zero (lowest ≤ 0 ≤ highest)
        highest = 1;
    const double span = highest - lowest;
    m_plot->yAxis->setRange(lowest < 0 ? lowest - kHeadroom * span : 0,
                            highest > 0 ? highest + kHeadroom * span : 0);
    m_emptyMessage->setVisible(m == 0);
    m_plot->yAxis->setTickLabels(m > 0);
    applyStyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QSize BarPlot::sizeHint() const
{
    return QSize(640, 420);
}

void BarPlot::applyStyle()
{
    applyTextStyle(24);
    const QList<QCPBars*> bars = m_group->bars();
    for (int k = 0; k < bars.size(); ++k) {
        const QColor color = categoricalColor(k);
        bars[k]->setBrush(color);
        bars[k]->setPen(QPen(color.darker(140), 1));
    }
    const QFont valueFont = scaledFont(kValueFontScale);
    for (QCPItemText* label : std::as_const(m_valueLabels))
        label->setFont(valueFont);
}

} // namespace av

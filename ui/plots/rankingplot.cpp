#include "rankingplot.h"

#include "colormaps.h"
#include "numberformat.h"

#include <algorithm>
#include <numeric>
#include <qcustomplot.h>

namespace av {
namespace {

constexpr double kBarWidth = 0.7;        // of the 1.0 between bars, in plot coordinates
constexpr double kHeadroom = 0.22;       // of the largest value, right of it for its label
constexpr double kValueFontScale = 1.05; // of the tick labels: the numbers are the point

} // namespace

RankingPlot::RankingPlot(QWidget* parent) : PlotView(parent)
{
    // Keys run down the left axis (rank 0 at the top), values along the bottom axis.
    m_bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_bars->setWidth(kBarWidth);
    m_plot->legend->setVisible(false);
    m_plot->yAxis->setRangeReversed(true);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    m_plot->yAxis->setSubTicks(false);
    m_plot->yAxis->setTickLength(0, 4);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->xAxis->grid()->setPen(QPen(QColor(225, 225, 225)));
    applyStyle();
}

RankingPlot::~RankingPlot() = default;

void RankingPlot::setData(const QString& title, const QStringList& labels,
                          const QVector<double>& values, const QString& valueAxisTitle,
                          int decimals)
{
    setTitle(title);
    m_labels = labels;
    m_values = values;
    m_values.resize(labels.size());
    const int n = int(m_labels.size());
    QVector<double> keys(n);
    std::iota(keys.begin(), keys.end(), 0.0);
    m_bars->setData(keys, m_values, true);

    for (QCPItemText* label : std::as_const(m_valueLabels))
        m_plot->removeItem(label);
    m_valueLabels.clear();
    double highest = 0;
    for (int i = 0; i < n; ++i) {
        highest = std::max(highest, m_values[i]);
        auto* label = new QCPItemText(m_plot);
        label->position->setAxes(m_plot->xAxis, m_plot->yAxis);
        label->position->setCoords(std::max(m_values[i], 0.0), i);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setPadding(QMargins(6, 0, 0, 0));
        label->setText(formatDecimals(m_values[i], decimals, decimals));
        label->setSelectable(false);
        label->setClipToAxisRect(false);
        m_valueLabels << label;
    }
    auto ticker = m_plot->yAxis->ticker().staticCast<QCPAxisTickerText>();
    ticker->setTicks(keys, m_labels);
    m_plot->yAxis->setRange(-0.5, std::max(n, 1) - 0.5);
    m_plot->xAxis->setRange(0, (highest > 0 ? highest : 1) * (1 + kHeadroom));
    m_plot->xAxis->setLabel(valueAxisTitle);
    m_emptyMessage->setVisible(n == 0);
    m_plot->xAxis->setTickLabels(n > 0);
    applyStyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QStringList RankingPlot::valueTexts() const
{
    QStringList texts;
    for (const QCPItemText* label : m_valueLabels)
        texts << label->text();
    return texts;
}

QSize RankingPlot::sizeHint() const
{
    return QSize(480, 140 + 34 * std::max(int(m_labels.size()), 5));
}

void RankingPlot::applyStyle()
{
    applyTextStyle(24);
    const QColor color = categoricalColor(0);
    m_bars->setBrush(color);
    m_bars->setPen(QPen(color.darker(140), 1));
    // The token strings are what a reader looks for: a little larger than other ticks.
    m_plot->yAxis->setTickLabelFont(scaledFont(1.1));
    const QFont valueFont = scaledFont(kValueFontScale);
    for (QCPItemText* label : std::as_const(m_valueLabels))
        label->setFont(valueFont);
}

} // namespace av

#include "curveplot.h"

#include "colormaps.h"

#include <QFontMetricsF>
#include <algorithm>
#include <array>
#include <cmath>
#include <qcustomplot.h>

namespace av {
namespace {

// With the colours of categoricalColor(), a second cue that survives grey-scale print.
constexpr std::array<Qt::PenStyle, 5> kDashes = {Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                                 Qt::DashDotLine, Qt::DashDotDotLine};
constexpr std::array<QCPScatterStyle::ScatterShape, 5> kMarkers = {
    QCPScatterStyle::ssCircle, QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle,
    QCPScatterStyle::ssDiamond, QCPScatterStyle::ssCross};
constexpr int kMaxMarkedPoints = 30; // fewer points than this: each one gets a marker

} // namespace

CurvePlot::CurvePlot(QWidget* parent) : PlotView(parent)
{
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->grid()->setPen(QPen(QColor(225, 225, 225)));
        axis->grid()->setZeroLinePen(QPen(QColor(150, 150, 150)));
    }

    applyStyle();
}

CurvePlot::~CurvePlot() = default;

void CurvePlot::setData(const QString& title, const QString& xTitle, const QString& yTitle,
                        const QVector<Curve>& curves)
{
    setTitle(title);
    m_plot->xAxis->setLabel(xTitle);
    m_plot->yAxis->setLabel(yTitle);

    while (m_plot->graphCount() > curves.size())
        m_plot->removeGraph(m_plot->graphCount() - 1);
    while (m_plot->graphCount() < curves.size())
        m_plot->addGraph();
    bool anyPoint = false;
    for (int i = 0; i < curves.size(); ++i) {
        const Curve& curve = curves[i];
        const int n = int(std::min(curve.x.size(), curve.y.size()));
        QCPGraph* graph = m_plot->graph(i);
        graph->setName(curve.name);
        graph->setData(curve.x.first(n), curve.y.first(n));
        anyPoint = anyPoint || n > 0;
    }
    m_emptyMessage->setVisible(!anyPoint);
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis})
        axis->setTickLabels(anyPoint); // an empty frame rather than a made-up 0 … 1 scale

    if (anyPoint) {
        m_plot->rescaleAxes();
        QCPRange x = m_plot->xAxis->range();
        if (x.size() == 0)
            x = QCPRange(x.lower - 0.5, x.upper + 0.5);
        // Lines start and end at the frame; markers get room so that none is cut in half.
        int points = 0;
        for (int i = 0; i < m_plot->graphCount(); ++i)
            points = std::max(points, m_plot->graph(i)->dataCount());
        const double xPad = points <= kMaxMarkedPoints ? 0.03 * x.size() : 0;
        m_plot->xAxis->setRange(x.lower - xPad, x.upper + xPad);
        QCPRange y = m_plot->yAxis->range();
        const double pad = y.size() > 0 ? 0.06 * y.size() : std::max(0.5, std::abs(y.lower));
        m_plot->yAxis->setRange(y.lower - pad, y.upper + pad);
    } else {
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(0, 1);
    }
    applyStyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QSize CurvePlot::sizeHint() const
{
    return QSize(720, 480);
}

void CurvePlot::resizeEvent(QResizeEvent* event)
{
    PlotView::resizeEvent(event);
    updateLegendWrap();
}

void CurvePlot::applyStyle()
{
    applyTextStyle(40);
    // Room right of the axes for half of the last x tick label, which QCustomPlot would
    // rather hide than let the widget's edge cut.
    const QFontMetrics tickMetrics(m_plot->xAxis->tickLabelFont());
    m_plot->axisRect()->setMinimumMargins(
        QMargins(0, 0, tickMetrics.horizontalAdvance(QStringLiteral("00000")) / 2 + 6, 0));

    const double width = 2.2 * m_fontScale;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        QCPGraph* graph = m_plot->graph(i);
        const std::size_t style = std::size_t(i) % kDashes.size();
        QPen pen(categoricalColor(i), width, kDashes[style], Qt::FlatCap, Qt::RoundJoin);
        graph->setPen(pen);
        if (graph->dataCount() <= kMaxMarkedPoints)
            graph->setScatterStyle(
                QCPScatterStyle(kMarkers[style], pen.color(), pen.color(), 6 * m_fontScale));
        else
            graph->setScatterStyle(QCPScatterStyle());
    }
    updateLegendWrap();
}

void CurvePlot::updateLegendWrap()
{
    // As many legend entries per row as fit the width; the grid sizes columns by their
    // widest entry, so the widest entry decides.
    const int count = m_plot->graphCount();
    if (count == 0)
        return;
    const QFontMetricsF metrics(m_plot->legend->font());
    double widest = 0;
    for (int i = 0; i < count; ++i)
        widest = std::max(widest, metrics.horizontalAdvance(m_plot->graph(i)->name()));
    const double entry = widest + m_plot->legend->iconSize().width() + 24 * m_fontScale;
    const int perRow = std::clamp(int((width() - 20) / entry), 1, count);
    const int rows = (count + perRow - 1) / perRow;
    const int wrap = (count + rows - 1) / rows; // balanced rows: 3 + 3 rather than 5 + 1
    if (m_plot->legend->wrap() != wrap) {
        m_plot->legend->setWrap(wrap);
        m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true); // re-flows entries
    }
}

void CurvePlot::setLogarithmic(Qt::Orientation orientation, bool powerNotation)
{
    QCPAxis* axis = orientation == Qt::Horizontal ? m_plot->xAxis : m_plot->yAxis;
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    if (powerNotation) {
        // QCustomPlot writes powers as 10ⁿ only when the locale's exponent is a lower-case
        // "e"; the Chinese locale's "E" gave "1E+08".
        m_plot->setLocale(QLocale::c());
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    }
}

void CurvePlot::setRanges(double xLower, double xUpper, double yLower, double yUpper)
{
    m_plot->xAxis->setRange(xLower, xUpper);
    m_plot->yAxis->setRange(yLower, yUpper);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace av

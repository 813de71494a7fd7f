#include "curveplot.h"

#include "colormaps.h"
#include "plottitle.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QFontMetricsF>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

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

CurvePlot::CurvePlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setAntialiasedElements(QCP::aeAll);

    // Rows: title, axes, legend. The legend is flanked by stretching spacers so that it
    // takes only the width it needs, centred.
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString());
    m_plot->plotLayout()->addElement(0, 0, m_title);
    auto* legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(2, 0, legendRow);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    legendRow->addElement(0, 0, new QCPLayoutElement(m_plot));
    legendRow->addElement(0, 1, m_plot->legend);
    legendRow->addElement(0, 2, new QCPLayoutElement(m_plot));
    legendRow->setColumnStretchFactors({1, 0.001, 1});
    m_plot->plotLayout()->setRowStretchFactors({0.001, 1, 0.001});
    m_plot->legend->setVisible(true);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);

    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->grid()->setPen(QPen(QColor(225, 225, 225)));
        axis->grid()->setZeroLinePen(QPen(QColor(150, 150, 150)));
    }

    m_emptyMessage = new QCPItemText(m_plot);
    m_emptyMessage->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyMessage->position->setCoords(0.5, 0.5);
    m_emptyMessage->setText(tr("Nothing to plot"));
    m_emptyMessage->setColor(QColor(100, 100, 100));
    m_emptyMessage->setSelectable(false);

    applyStyle();
}

CurvePlot::~CurvePlot() = default;

void CurvePlot::setData(const QString& title, const QString& xTitle, const QString& yTitle,
                        const QVector<Curve>& curves)
{
    m_titleText = title;
    wrapTitle();
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

void CurvePlot::setFontScale(double scale)
{
    m_fontScale = scale;
    applyStyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString CurvePlot::title() const
{
    return m_titleText;
}

QSize CurvePlot::minimumSizeHint() const
{
    return QSize(300, 220);
}

QSize CurvePlot::sizeHint() const
{
    return QSize(720, 480);
}

void CurvePlot::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        applyStyle();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void CurvePlot::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateLegendWrap();
    wrapTitle();
}

void CurvePlot::wrapTitle()
{
    m_title->setText(wrappedTitle(m_titleText, m_title->font(), width() - 16));
}

QFont CurvePlot::scaledFont(double factor) const
{
    QFont f = font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * m_fontScale * factor);
    else
        f.setPixelSize(std::max(1, int(std::lround(f.pixelSize() * m_fontScale * factor))));
    return f;
}

void CurvePlot::applyStyle()
{
    QFont titleFont = scaledFont(1.25);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    wrapTitle();
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setTickLabelFont(scaledFont(1));
        axis->setLabelFont(scaledFont(1.1));
    }
    m_plot->legend->setFont(scaledFont(1));
    // Taller than the text: legend items clip to their rect, which would cut descenders.
    m_plot->legend->setIconSize(int(std::lround(40 * m_fontScale)),
                                QFontMetrics(m_plot->legend->font()).height() + 4);
    m_emptyMessage->setFont(scaledFont(1.3));
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

} // namespace av

#include "plotview.h"

#include "plottitle.h"

#include <QEvent>
#include <QFontMetrics>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace av {

PlotView::PlotView(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
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

    m_emptyMessage = new QCPItemText(m_plot);
    m_emptyMessage->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyMessage->position->setCoords(0.5, 0.5);
    m_emptyMessage->setText(tr("Nothing to plot"));
    m_emptyMessage->setColor(QColor(100, 100, 100));
    m_emptyMessage->setSelectable(false);
}

PlotView::~PlotView() = default;

void PlotView::setFontScale(double scale)
{
    m_fontScale = scale;
    applyStyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QSize PlotView::minimumSizeHint() const
{
    return QSize(300, 220);
}

void PlotView::applyTextStyle(int iconWidth)
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
    m_plot->legend->setIconSize(int(std::lround(iconWidth * m_fontScale)),
                                QFontMetrics(m_plot->legend->font()).height() + 4);
    m_emptyMessage->setFont(scaledFont(1.3));
}

QFont PlotView::scaledFont(double factor) const
{
    return av::scaledFont(font(), m_fontScale * factor);
}

void PlotView::setTitle(const QString& title)
{
    m_titleText = title;
    wrapTitle();
}

void PlotView::wrapTitle()
{
    m_title->setText(wrappedTitle(m_titleText, m_title->font(), width() - 16));
}

void PlotView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        applyStyle();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void PlotView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    wrapTitle();
}

} // namespace av

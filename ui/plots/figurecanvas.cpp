#include "figurecanvas.h"

#include "heatmapplot.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <qcustomplot.h>

namespace av {
namespace {

/// Lays the widgets out and draws every plot into painter, in logical units.
void paintPlots(QWidget* root, QGridLayout* grid, const QVector<QWidget*>& plots,
                QCPPainter& painter, bool transparent)
{
    root->show();
    grid->activate();
    QCoreApplication::sendPostedEvents();
    for (QWidget* w : plots) {
        QCustomPlot* plot = w->findChild<QCustomPlot*>();
        if (!plot)
            continue;
        plot->replot(QCustomPlot::rpImmediateRefresh);
        if (transparent)
            plot->setBackground(Qt::NoBrush);
        painter.save();
        painter.translate(w->mapTo(root, QPoint(0, 0)));
        plot->toPainter(&painter, plot->width(), plot->height());
        painter.restore();
    }
}

} // namespace

FigureCanvas::FigureCanvas(QSize size)
    : m_root(std::make_unique<QWidget>()), m_grid(new QGridLayout(m_root.get()))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(0);
    m_root->setAttribute(Qt::WA_DontShowOnScreen);
    m_root->resize(size);
}

FigureCanvas::~FigureCanvas() = default;

void FigureCanvas::addWidget(QWidget* plot, int row, int col)
{
    m_grid->addWidget(plot, row, col);
    m_plots << plot;
}

QSize FigureCanvas::size() const
{
    return m_root->size();
}

void FigureCanvas::setColorMap(ColorMapKind kind)
{
    for (QWidget* w : std::as_const(m_plots))
        if (auto* heatmap = qobject_cast<HeatmapPlot*>(w))
            heatmap->setColorMapKind(kind);
}

void FigureCanvas::setWidth(double width)
{
    if (width > 0)
        m_root->resize(QSizeF(m_root->size()).scaled(width, 1e9, Qt::KeepAspectRatio).toSize());
}

void FigureCanvas::paintRaster(QImage* image, double scale, bool transparent)
{
    QCPPainter painter(image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    if (scale > 1)
        painter.setMode(QCPPainter::pmNonCosmetic);
    painter.scale(scale, scale);
    paintPlots(m_root.get(), m_grid, m_plots, painter, transparent);
}

void FigureCanvas::paintVector(QPaintDevice* device)
{
    QCPPainter painter(device);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paintPlots(m_root.get(), m_grid, m_plots, painter, false);
}

QWidget* FigureCanvas::mouseTarget(QWidget* view)
{
    QWidget* target = view->findChild<QCustomPlot*>();
    return target ? target : view;
}

} // namespace av

// HeatmapPlot, cell by cell: the outlined cells, and the cell under the pointer (hover and
// click signals, tool tips).
#include "heatmapplot.h"

#include <QMouseEvent>
#include <QToolTip>
#include <cmath>
#include <qcustomplot.h>

namespace av {
namespace {

const QString kHighlightName = QStringLiteral("highlight");

} // namespace

void HeatmapPlot::setHighlightedCells(const QVector<QPoint>& cells)
{
    m_highlights = cells;
    syncHighlights();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapPlot::syncHighlights()
{
    for (QCPItemRect* item : std::as_const(m_highlightItems))
        m_plot->removeItem(item);
    m_highlightItems.clear();
    const double width = 3 * m_fontScale;
    for (const QPoint& cell : std::as_const(m_highlights)) {
        if (cell.x() < 0 || cell.y() < 0 || cell.x() >= m_cols || cell.y() >= m_rows)
            continue;
        // A white halo under a black outline: visible on every colour of every gradient.
        for (const bool halo : {true, false}) {
            auto* item = new QCPItemRect(m_plot);
            item->setLayer(QStringLiteral("highlights"));
            item->setObjectName(halo ? kHighlightName + QStringLiteral("Halo") : kHighlightName);
            item->setClipToAxisRect(false); // edge cells keep their whole outline
            item->setSelectable(false);
            item->setPen(QPen(halo ? Qt::white : Qt::black, halo ? width + 3 : width, Qt::SolidLine,
                              Qt::SquareCap, Qt::MiterJoin));
            item->setBrush(Qt::NoBrush);
            for (QCPItemPosition* corner : {item->topLeft, item->bottomRight})
                corner->setAxes(m_plot->xAxis2, m_plot->yAxis);
            item->topLeft->setCoords(cell.x() - 0.5, cell.y() - 0.5);
            item->bottomRight->setCoords(cell.x() + 0.5, cell.y() + 0.5);
            m_highlightItems.append(item);
        }
    }
}

std::pair<int, int> HeatmapPlot::cellAt(const QPointF& pixel) const
{
    if (m_rows == 0 || m_cols == 0 || !m_plot->axisRect()->rect().contains(pixel.toPoint()))
        return {-1, -1};
    const int col = int(std::lround(m_plot->xAxis2->pixelToCoord(pixel.x())));
    const int row = int(std::lround(m_plot->yAxis->pixelToCoord(pixel.y())));
    if (row < 0 || col < 0 || row >= m_rows || col >= m_cols)
        return {-1, -1};
    return {row, col};
}

void HeatmapPlot::setHoveredCell(int row, int col)
{
    if (m_hovered == std::pair(row, col))
        return;
    m_hovered = {row, col};
    emit cellHovered(row, col);
}

void HeatmapPlot::onMouseMove(QMouseEvent* event)
{
    const auto [row, col] = cellAt(event->position());
    const bool changed = m_hovered != std::pair(row, col);
    setHoveredCell(row, col);
    if (!m_toolTipProvider || !changed)
        return;
    if (row < 0) {
        QToolTip::hideText();
        return;
    }
    // The tip hides by itself once the pointer leaves this cell's rectangle.
    const QRect cellRect = QRectF(QPointF(m_plot->xAxis2->coordToPixel(col - 0.5),
                                          m_plot->yAxis->coordToPixel(row - 0.5)),
                                  QPointF(m_plot->xAxis2->coordToPixel(col + 0.5),
                                          m_plot->yAxis->coordToPixel(row + 0.5)))
                               .normalized()
                               .toAlignedRect();
    QToolTip::showText(event->globalPosition().toPoint(), m_toolTipProvider(row, col), m_plot,
                       cellRect);
}

void HeatmapPlot::onMousePress(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const auto [row, col] = cellAt(event->position());
    if (row >= 0)
        emit cellClicked(row, col);
}

} // namespace av

#pragma once
// The plot views of one exported figure, laid out off screen at the figure's logical size
// (1/96 inch units) and painted into an image, an SVG or a PDF. Export (ui/export/) builds
// figures with it without reaching into QCustomPlot.

#include "colormaps.h"

#include <QSize>
#include <QVector>
#include <QWidget>
#include <memory>

class QGridLayout;
class QImage;
class QPaintDevice;

namespace av {

class FigureCanvas
{
public:
    explicit FigureCanvas(QSize size);
    ~FigureCanvas();

    template <typename Plot> Plot* add(int row = 0, int col = 0)
    {
        auto* plot = new Plot;
        addWidget(plot, row, col);
        return plot;
    }

    QSize size() const;
    void setColorMap(ColorMapKind kind);
    /// A chosen width in logical units; the height keeps the figure's proportions.
    void setWidth(double width);

    /// Draws every plot into image, scaled from logical units by scale (dpi / 96).
    void paintRaster(QImage* image, double scale, bool transparent);
    /// Draws every plot into an SVG or PDF device in logical units, text as text.
    void paintVector(QPaintDevice* device);

    /// The widget inside a plot view that receives its mouse events (the context menu's
    /// target), or view itself.
    static QWidget* mouseTarget(QWidget* view);

private:
    void addWidget(QWidget* plot, int row, int col);

    std::unique_ptr<QWidget> m_root;
    QGridLayout* m_grid;
    QVector<QWidget*> m_plots;
};

} // namespace av

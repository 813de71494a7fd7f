#pragma once
// Every block × head of a model as a small heatmap (the "model view"): blocks are rows,
// heads columns. Drawn with QPainter from one small image per cell (n × n pixels, scaled
// without smoothing), so that 12 × 12 heads redraw at once; a HeatmapPlot per cell (a
// QCustomPlot each) costs far more. A pure view: it draws the numbers it is given.

#include "colormaps.h"
#include "modelfigures.h"

#include <QImage>
#include <QRect>
#include <QVector>
#include <QWidget>
#include <functional>
#include <utility>

namespace av {

class HeadGridView : public QWidget
{
    Q_OBJECT

public:
    explicit HeadGridView(QWidget* parent = nullptr);

    void setData(const ModelViewFigure& figure);
    const ModelViewFigure& data() const { return m_figure; }
    /// The block drawn highlighted (−1: none), e.g. the one the other panels show.
    void setHighlightedBlock(int block);
    int highlightedBlock() const { return m_highlighted; }
    void setColorMapKind(ColorMapKind kind);
    /// Multiplies every font size (presentation mode).
    void setFontScale(double scale);
    /// When set, hovering cell (block, head) shows provider(block, head) as a tool tip.
    void setToolTipProvider(std::function<QString(int block, int head)> provider);

    /// The cell (block, head) under a point of the widget, or (−1, −1).
    std::pair<int, int> cellAt(const QPoint& pos) const;
    /// Where cell (block, head) is drawn (empty outside the grid).
    QRect cellRect(int block, int head) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void cellClicked(int block, int head);
    /// A right click (or the menu key) on a cell, at global position.
    void cellMenuRequested(int block, int head, const QPoint& globalPos);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Geometry
    {
        int left = 0; ///< px, the width of the block labels
        int top = 0;  ///< px, the height of the title and the head labels
        int cell = 0; ///< px, side of one cell
        int gap = 0;  ///< px, between cells
    };
    Geometry geometry() const;
    QFont labelFont() const;
    void rebuildImages();

    ModelViewFigure m_figure;
    QVector<QImage> m_images; ///< blocks × heads, row-major, n × n pixels each
    QImage m_scaleImage;      ///< the colour scale, kLookupSize × 1 pixels
    int m_highlighted = -1;
    std::pair<int, int> m_hovered{-1, -1};
    ColorMapKind m_kind = ColorMapKind::Viridis;
    double m_fontScale = 1;
    std::function<QString(int, int)> m_toolTipProvider;
};

} // namespace av

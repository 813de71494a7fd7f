#pragma once
// A matrix drawn as a heatmap: attention weights, scores, Q, K, V. A pure view: it shows
// the numbers it is given and computes none of them.

#include "colormaps.h"
#include "figuredata.h"
#include "types.h"

#include <QPoint>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <functional>
#include <optional>
#include <utility>

class QCustomPlot;
class QCPAxis;
class QCPColorMap;
class QCPColorScale;
class QCPLayoutGrid;
class QCPItemRect;
class QCPItemText;
class QCPTextElement;
class QMouseEvent;

namespace av {

/// Row 0 at the top, columns left to right, column labels on top, a colour bar on the
/// right. Values are printed in the cells while they are large enough to read (and the
/// matrix has at most 24 × 24 cells).
class HeatmapPlot : public QWidget
{
    Q_OBJECT

public:
    explicit HeatmapPlot(QWidget* parent = nullptr);
    ~HeatmapPlot() override;

    /// Keeps the plottables and, when the shape is unchanged, the value labels.
    void setData(const HeatmapData& data);
    /// QPoint(x = col, y = row); each is outlined. Cells outside the matrix are ignored.
    void setHighlightedCells(const QVector<QPoint>& cells);
    QVector<QPoint> highlightedCells() const { return m_highlights; }
    /// Size of the printed cell values, relative to the tick labels.
    void setValueFontScale(double scale);
    /// Multiplies every font size (presentation mode, export at high dpi).
    void setFontScale(double scale);
    /// Without the colour bar the matrix gets its width (for views that print every value).
    void setColorBarVisible(bool visible);
    /// The gradient for data that is not diverging.
    void setColorMapKind(ColorMapKind kind);
    /// When set, hovering a cell shows provider(row, col) as a tool tip.
    void setToolTipProvider(std::function<QString(int row, int col)> provider);

    QCustomPlot* plot() const { return m_plot; }
    /// Lays the plot out at sizeHint() before it is first shown. QCustomPlot takes its
    /// viewport from resize events, which hidden widgets (the tabs not yet opened) do not
    /// get; the first size of a child widget, 100 × 30, leaves cells of no pixels, on which
    /// the label thinning does not terminate. The real size replaces this one on the first
    /// show.
    void setViewportToSizeHint();
    /// The value as stored in the colour map (NaN for a non-finite input).
    double cellValue(int row, int col) const;
    /// As given; drawn broken into lines when wider than the plot.
    QString title() const;
    int rowCount() const { return m_rows; }
    int columnCount() const { return m_cols; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

signals:
    /// −1, −1 when the pointer leaves the matrix.
    void cellHovered(int row, int col);
    void cellClicked(int row, int col);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QFont scaledFont(double factor) const;
    bool copyCells(const HeatmapData& data);
    void rebuildValueLabels();
    void applyFonts();
    void wrapTitle();
    void applyGradient();
    void applyColorRange(const HeatmapData& data, bool masked);
    void syncValueLabels();
    void syncHighlights();
    void setEmpty(bool empty);
    void relayout();
    void fitToAxisRect();
    bool updateTickLabels(bool columns, double cellPixels);
    std::pair<int, int> cellAt(const QPointF& pixel) const;
    void setHoveredCell(int row, int col);
    void onMouseMove(QMouseEvent* event);
    void onMousePress(QMouseEvent* event);

    QCustomPlot* m_plot = nullptr;
    QCPColorMap* m_map = nullptr;
    QCPColorScale* m_colorScale = nullptr;
    QCPTextElement* m_title = nullptr;
    QString m_titleText;
    QCPLayoutGrid* m_body = nullptr; ///< [matrix | colour bar]
    bool m_colorBarShown = true;
    QCPItemText* m_emptyMessage = nullptr;
    QCPItemRect* m_maskHatch = nullptr;     ///< drawn through masked cells
    QVector<QCPItemText*> m_valueLabels;    ///< rows × cols, row-major; empty above 24 × 24
    QVector<QCPItemRect*> m_highlightItems; ///< two per highlighted cell: halo, outline
    QVector<QPoint> m_highlights;

    int m_rows = 0;
    int m_cols = 0;
    QStringList m_rowTicks, m_colTicks; ///< one per row / column: elided labels or indices
    bool m_colTokens = false;           ///< column labels are tokens (may be turned 45°)
    double m_colTickWidth = 0;          ///< px, widest column label
    bool m_diverging = false;
    bool m_squareCells = true;
    double m_rangeLower = 0; ///< the colour range in use
    double m_rangeUpper = 1;
    ColorMapKind m_kind = ColorMapKind::Viridis;
    double m_fontScale = 1;
    double m_valueFontScale = 1;
    bool m_valuesFit = false; ///< cells are large enough for their printed value
    int m_valueTextWidth = 0; ///< px, widest printed value at the full value font size
    double m_valueShrink = 1; ///< value font size in use, relative to the full size
    std::pair<int, int> m_hovered{-1, -1};
    std::function<QString(int, int)> m_toolTipProvider;
};

} // namespace av

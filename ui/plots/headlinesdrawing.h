#pragma once
// The head view drawn with QPainter, for the window (HeadLinesView, which scrolls it) and
// for export (the whole of it at once): a header with the title and a swatch per head, and
// a body of two token columns joined by lines, queries left and keys right.

#include "headlinesfigure.h"

#include <QFont>
#include <QRect>
#include <QVector>
#include <utility>

class QPainter;

namespace av {

enum class LineSide
{
    None,
    Query,
    Key
};

/// The token whose lines alone are drawn, if any.
struct LineSelection
{
    LineSide side = LineSide::None;
    int token = -1;      ///< 0-based
    bool locked = false; ///< clicked: stays while the mouse moves on

    bool operator==(const LineSelection&) const = default;
};

class HeadLinesDrawing
{
public:
    void setFigure(HeadLinesFigure figure);
    const HeadLinesFigure& figure() const { return m_figure; }

    /// Lays out width pixels wide with rows pitch pixels apart, text in font.
    void layout(const QFont& font, int width, int pitch);
    int width() const { return m_width; }
    int pitch() const { return m_pitch; }
    /// The row pitch at which labels are drawn in font without overlapping.
    static int naturalPitch(const QFont& font);
    /// The width the figure asks for in font: both columns and room for the lines.
    int preferredWidth(const QFont& font) const;

    /// Where the drawing ends on the right (the key column's boxes), whatever the width.
    int contentWidth() const;
    int headerHeight() const { return m_headerHeight; }
    int bodyHeight() const;
    /// Where head h's swatch is, in header coordinates (empty for no such head).
    QRect swatchRect(int head) const;
    int swatchAt(const QPoint& header) const;
    /// Where token i's label is drawn on side (query or key), in body coordinates.
    QRect labelRect(LineSide side, int token) const;
    /// The token whose row and column a point of the body is in.
    std::pair<LineSide, int> tokenAt(const QPoint& body) const;
    int rowCentre(int token) const;
    /// Where the lines start (at the queries) and end (at the keys), in x.
    std::pair<int, int> linesSpan() const { return {m_linesLeft, m_linesRight}; }

    /// The title and the swatches, switched-off heads hatched, hidden ones hollow.
    void paintHeader(QPainter& painter, const QVector<bool>& shown) const;
    /// The rows whose band meets [top, bottom] (body coordinates) and the lines across it:
    /// every line of the shown heads, or only the selected token's, with the weights of each
    /// head on the opposite side as small boxes. With lineBudget > 0, lines at most that
    /// many pixels long together (their cost), the faintest left out first; returns how
    /// many lines were left out.
    int paintBody(QPainter& painter, const QVector<bool>& shown, const LineSelection& selection,
                  int top, int bottom, int lineBudget = 0) const;

private:
    int paintLines(QPainter& painter, const QVector<bool>& shown, const LineSelection& selection,
                   int top, int bottom, int budget) const;
    void paintBoxes(QPainter& painter, const QVector<bool>& shown, const LineSelection& selection,
                    int first, int last) const;

    HeadLinesFigure m_figure;
    /// Per head: the index of row i's first line in lines[h] (n + 1 entries, lines being
    /// ordered by row), and the lines' indices ordered by key.
    QVector<QVector<int>> m_rowStart, m_byKey;
    QFont m_font, m_titleFont, m_labelFont;
    int m_width = 0, m_pitch = 20, m_headerHeight = 0;
    int m_labelWidth = 0, m_box = 0, m_swatch = 14;
    int m_queryRight = 0, m_keyLeft = 0, m_linesLeft = 0, m_linesRight = 0;
    int m_labelEvery = 1;              ///< rows too close for every label show every k-th
    QRect m_titleRect, m_subtitleRect; ///< where the header's text goes, wrapped
    QVector<QRect> m_swatches;
};

} // namespace av

#pragma once
// The head view in the window: HeadLinesDrawing with its token rows scrolling under a fixed
// header. Hovering a token shows only its lines, a click keeps them (Esc or a second click
// lets go); a click on a head's swatch hides or shows it, a double-click shows it alone;
// Ctrl+wheel (or Ctrl +/−) zooms the rows. A pure view: it draws the figure it is given.

#include "headlinesdrawing.h"

#include <QAbstractScrollArea>
#include <QImage>

namespace av {

class HeadLinesView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit HeadLinesView(QWidget* parent = nullptr);

    /// Keeps which heads are shown when the figure has as many heads as before.
    void setData(HeadLinesFigure figure);
    const HeadLinesDrawing& drawing() const { return m_drawing; }

    QVector<bool> shownHeads() const { return m_shown; }
    void setShownHeads(const QVector<bool>& shown);
    /// Shows head alone, or every head again when it already is alone.
    void soloHead(int head);
    LineSelection selection() const { return m_selection; }
    void setSelection(const LineSelection& selection);

    int rowPitch() const { return m_drawing.pitch(); }
    void setRowPitch(int pitch);
    /// Where token's label is on side, in the viewport's coordinates.
    QRect labelRectInViewport(LineSide side, int token) const;
    QRect swatchRectInViewport(int head) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void shownHeadsChanged();
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void relayout();
    /// The point of the body under a viewport point (the header does not scroll).
    QPoint toBody(const QPoint& viewportPos) const;
    void zoomBy(double factor, int anchorY);
    void invalidate();

    HeadLinesDrawing m_drawing;
    QVector<bool> m_shown;
    LineSelection m_selection;
    int m_pitch = 0; ///< 0: the font's natural pitch
    /// The body with nothing selected, from body height m_cacheTop down, half a screen
    /// above and below the view as well: drawn again only after a change or a scroll out of it.
    QImage m_cache;
    int m_cacheTop = 0, m_cacheBottom = 0, m_cacheWidth = 0; ///< logical pixels
    qreal m_cacheDpr = 1;
    int m_omitted = 0; ///< lines of m_cache left out, over the budget
    QImage m_hover;    ///< the body with a token selected, drawn at every move
};

} // namespace av

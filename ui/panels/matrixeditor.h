#pragma once
// A matrix as an editable table: values tinted by sign and size, changed by typing,
// dragging or the mouse wheel. It shows the matrix it is given and asks for every change
// by signal; the owner (the document) applies it and calls setMatrix with the result.
// The cells' painting and typing are MatrixEditorDelegate's, the gestures' arithmetic is
// in scrubgesture.h.

#include "scrubgesture.h"
#include "types.h"

#include <QPersistentModelIndex>
#include <QPoint>
#include <QTimer>
#include <QWidget>
#include <functional>

class QKeyEvent;
class QMouseEvent;
class QTableView;
class QWheelEvent;

namespace av {

class MatrixEditorDelegate;
class MatrixModel;
class MatrixStatusLine;

class MatrixEditor : public QWidget
{
    Q_OBJECT

public:
    /// newGestureId hands out the ids of the editor's gestures: the document's
    /// Document::newGestureId, so that the document is their only source.
    explicit MatrixEditor(std::function<int()> newGestureId, QWidget* parent = nullptr);
    ~MatrixEditor() override;

    /// Shows values (rows × cols), rows named by rowLabels (token names for rows of X),
    /// columns by colLabels; missing labels show the 0-based index. With the shape
    /// unchanged only the changed cells repaint (new labels update the headers), so an
    /// edit, the selection, the scroll position or a drag in progress go on undisturbed.
    /// A new shape resets the table, keeping the current cell if it still exists. A drag or
    /// wheel burst whose cell changed to a value it did not ask for (an undo, another
    /// matrix) ends there.
    void setMatrix(const attn::Matrix& values, const QStringList& rowLabels = {},
                   const QStringList& colLabels = {});

    /// Read-only: no typing, dragging, wheel or Delete; the wheel scrolls; Ctrl+C copies.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const;

    /// Value change per wheel notch and per pixel of drag (Shift ×10, Ctrl ÷10).
    /// Must be finite and > 0; other values are ignored. Default 0.01.
    void setStep(double step);
    double step() const { return m_step; }

    QTableView* view() const { return m_view; }

signals:
    /// The user asks for value at (row, col). gestureId == 0: a single edit (a typed
    /// value, Delete); not sent when the value is unchanged. gestureId > 0: part of a
    /// gesture (one drag, or a burst of wheel notches on one cell with no pause over
    /// ~600 ms); all requests of a gesture share its id, so the receiver can merge them
    /// into one undo step. Ids come from the newGestureId given to the constructor.
    void cellEditRequested(int row, int col, double value, int gestureId);

    /// The gesture gestureId ended (mouse released, Escape, wheel pause, another cell).
    /// Sent once per gesture that sent at least one cellEditRequested.
    void gestureFinished(int gestureId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class DragState
    {
        Idle,
        Pressed,   ///< left button down on a cell, not moved enough to tell click from drag
        Scrubbing, ///< moving vertically: every move requests a value
        Cancelled  ///< Escape ended the scrub; moves are ignored until release
    };

    bool mousePress(QMouseEvent* event);
    bool mouseMove(QMouseEvent* event);
    bool mouseRelease(QMouseEvent* event);
    bool wheel(QWheelEvent* event);
    bool keyPress(QKeyEvent* event);
    bool overridesShortcut(QKeyEvent* event) const;

    void scrollWith(QWheelEvent* event);
    void cancelDrag();
    void finishDrag();
    void finishWheel();
    void finishGestures();
    void requestEdit(const QModelIndex& index, double value, int gestureId);
    void copySelection() const;
    void updateStatus();
    double valueAt(const QModelIndex& index) const;

    std::function<int()> m_newGestureId;
    MatrixModel* m_model = nullptr;
    MatrixEditorDelegate* m_delegate = nullptr;
    QTableView* m_view = nullptr;
    MatrixStatusLine* m_status = nullptr;
    double m_step = 0.01;

    DragState m_drag = DragState::Idle;
    QPersistentModelIndex m_dragCell;
    QPoint m_pressPos;
    ScrubGesture m_scrub; ///< its original() is what Escape restores
    int m_dragId = 0;
    bool m_dragSent = false;

    QTimer m_wheelPause;
    QPersistentModelIndex m_wheelCell;
    WheelSteps m_wheel;
    int m_wheelId = 0;
    bool m_wheelSent = false;
};

} // namespace av

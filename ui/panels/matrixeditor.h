#pragma once
// A matrix as an editable table: values tinted by sign and size, changed by typing,
// dragging or the mouse wheel. It shows the matrix it is given and asks for every change
// by signal; the owner (the document) applies it and calls setMatrix with the result.

#include "types.h"

#include <QPersistentModelIndex>
#include <QPoint>
#include <QTimer>
#include <QWidget>

class QLabel;
class QKeyEvent;
class QMouseEvent;
class QTableView;
class QWheelEvent;

namespace av {

class MatrixModel;

class MatrixEditor : public QWidget
{
    Q_OBJECT

public:
    explicit MatrixEditor(QWidget* parent = nullptr);
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
    /// The user asks for value at (row, col). scrubId == 0: a single edit (a typed
    /// value, Delete); not sent when the value is unchanged. scrubId > 0: part of a
    /// gesture (one drag, or a burst of wheel notches on one cell with no pause over
    /// ~600 ms); all requests of a gesture share its id, so the receiver can merge them
    /// into one undo step. Ids are unique across all MatrixEditors of the process.
    void cellEditRequested(int row, int col, double value, int scrubId);

    /// The gesture scrubId ended (mouse released, Escape, wheel pause, another cell).
    /// Sent once per gesture that sent at least one cellEditRequested.
    void gestureFinished(int scrubId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    class Delegate; // paints the cells, edits them in a QLineEdit

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
    void requestEdit(const QModelIndex& index, double value, int scrubId);
    void copySelection() const;
    void showError(const QString& message);
    void clearError();
    void updateStatus();
    double valueAt(const QModelIndex& index) const;

    MatrixModel* m_model = nullptr;
    Delegate* m_delegate = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_status = nullptr;
    QString m_error; ///< a refused input, shown in the status line until the next edit
    double m_step = 0.01;

    // The drag: value = start − (y − originY) · step · factor, rebased when the factor
    // (Shift, Ctrl) changes mid-drag.
    DragState m_drag = DragState::Idle;
    QPersistentModelIndex m_dragCell;
    QPoint m_pressPos;
    int m_originY = 0;
    double m_dragFactor = 1;
    double m_dragStart = 0;    ///< value at originY
    double m_dragOriginal = 0; ///< value when the scrub began, restored by Escape
    double m_dragLast = 0;     ///< last value requested
    int m_dragId = 0;
    bool m_dragSent = false;

    // The wheel burst: values accumulate from the value when the burst began, so a
    // document that applies requests later still gets one step per notch.
    QTimer m_wheelPause;
    QPersistentModelIndex m_wheelCell;
    double m_wheelValue = 0;
    int m_wheelRemainder = 0; ///< angle delta short of a whole notch (high-resolution wheels)
    int m_wheelId = 0;
    bool m_wheelSent = false;
};

} // namespace av

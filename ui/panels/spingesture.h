#pragma once
// Groups a spin box's edits into gestures, so that each gesture is one undo step: holding
// an arrow key (auto-repeat), holding the mouse on an arrow, a burst of wheel notches. A
// gesture ends when the key or the button is released, the wheel pauses, or the box loses
// the focus or finishes an edit (Enter). Typed numbers need keyboard tracking off, so that
// they arrive once, on Enter or focus-out.

#include <QObject>
#include <QTimer>
#include <functional>

class QAbstractSpinBox;

namespace av {

class SpinGesture : public QObject
{
    Q_OBJECT

public:
    /// newId hands out gesture ids (the document's). The gesture is a child of box.
    SpinGesture(QAbstractSpinBox* box, std::function<int()> newId);

    /// The id for an edit the user makes now: the gesture's, started if none is under way.
    int id();
    /// Ends the gesture under way, if any: the next edit starts a new one.
    void finish();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::function<int()> m_newId;
    int m_id = 0;
    QTimer m_wheelPause;
};

} // namespace av

#include "spingesture.h"

#include <QAbstractSpinBox>
#include <QEvent>
#include <QKeyEvent>

namespace av {
namespace {

constexpr int kWheelPauseMs = 600; ///< a longer pause ends a wheel burst, as in MatrixEditor

} // namespace

SpinGesture::SpinGesture(QAbstractSpinBox* box, std::function<int()> newId)
    : QObject(box), m_newId(std::move(newId))
{
    m_wheelPause.setSingleShot(true);
    m_wheelPause.setInterval(kWheelPauseMs);
    connect(&m_wheelPause, &QTimer::timeout, this, &SpinGesture::finish);
    // After valueChanged: a typed number (Enter, focus-out) is a gesture of its own.
    connect(box, &QAbstractSpinBox::editingFinished, this, &SpinGesture::finish);
    box->installEventFilter(this);
}

int SpinGesture::id()
{
    if (m_id == 0)
        m_id = m_newId();
    return m_id;
}

void SpinGesture::finish()
{
    m_wheelPause.stop();
    m_id = 0;
}

bool SpinGesture::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyRelease:
        // X11 sends an auto-repeated release before each auto-repeated press: the key is
        // still held.
        if (!static_cast<QKeyEvent*>(event)->isAutoRepeat())
            finish();
        break;
    case QEvent::MouseButtonRelease:
    case QEvent::FocusOut:
        finish();
        break;
    case QEvent::Wheel:
        m_wheelPause.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace av

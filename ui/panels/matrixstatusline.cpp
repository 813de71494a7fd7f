#include "matrixstatusline.h"

namespace av {

MatrixStatusLine::MatrixStatusLine(int margin, QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("statusLine"));
    setTextFormat(Qt::PlainText);
    setContentsMargins(margin, 0, margin, 0);
    // Ignored width: a long message is clipped rather than widening the editor.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setMinimumHeight(fontMetrics().height() + 2);
}

void MatrixStatusLine::setError(const QString& message)
{
    m_error = message;
    refresh();
}

void MatrixStatusLine::clearError()
{
    if (m_error.isEmpty())
        return;
    m_error.clear();
    refresh();
}

void MatrixStatusLine::setInfo(const QString& text)
{
    m_info = text;
    refresh();
}

void MatrixStatusLine::refresh()
{
    QPalette colours = palette();
    const bool error = !m_error.isEmpty();
    const QString text = error ? m_error : m_info;
    colours.setColor(QPalette::WindowText,
                     error            ? QColor(0xc6, 0x28, 0x28)
                     : parentWidget() ? parentWidget()->palette().color(QPalette::PlaceholderText)
                                      : palette().color(QPalette::PlaceholderText));
    setPalette(colours);
    setText(text);
    setToolTip(text); // the line may be too narrow for the whole message
}

} // namespace av

#pragma once
// What the MatrixEditor tests share: a stand-in for the document, a sample matrix, input
// as a user gives it, and a fixture that opens an editor in a window.
// Run the tests with QT_QPA_PLATFORM=offscreen.

#include "matrixeditor.h"

#include <QApplication>
#include <QLabel>
#include <QTableView>
#include <QTest>
#include <QWheelEvent>
#include <QtTest/qtestspontaneevent.h>
#include <memory>

namespace av::test {

/// Stands in for the document: applies each request and shows the result, as the real
/// one does through its undo stack.
struct EchoDocument
{
    attn::Matrix values;
    QStringList rowLabels;
    av::MatrixEditor* editor = nullptr;

    void connect()
    {
        QObject::connect(editor, &av::MatrixEditor::cellEditRequested, editor,
                         [this](int row, int col, double value, int) {
                             values(row, col) = value;
                             editor->setMatrix(values, rowLabels);
                         });
    }
};

inline attn::Matrix sample()
{
    attn::Matrix m(3, 4);
    m << 0.5, -1.0, 0.0, 0.25,       //
        2.0, 0.123456789, -0.5, 1.0, //
        -2.0, 0.1, 0.75, 0.0;
    return m;
}

inline QPoint centre(av::MatrixEditor& editor, int row, int col)
{
    return editor.view()->visualRect(editor.view()->model()->index(row, col)).center();
}

/// Presses on cell (row, col) and drags up to `height` px in steps of `step` px, button
/// still held; returns where the drag started.
inline QPoint dragUp(av::MatrixEditor& editor, int row, int col, int height, int step)
{
    QWidget* viewport = editor.view()->viewport();
    const QPoint start = centre(editor, row, col);
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    for (int dy = step; dy <= height; dy += step)
        QTest::mouseMove(viewport, start - QPoint(0, dy));
    return start;
}

inline QString statusText(av::MatrixEditor& editor)
{
    return editor.findChild<QLabel*>(QStringLiteral("statusLine"))->text();
}

inline QColor statusColour(av::MatrixEditor& editor)
{
    return editor.findChild<QLabel*>(QStringLiteral("statusLine"))
        ->palette()
        .color(QPalette::WindowText);
}

/// Types into whatever has the focus, as a keyboard does (the first key opens the editor,
/// which then takes the focus).
inline void type(const QString& text)
{
    for (QChar c : text)
        QTest::keyClick(QApplication::focusWidget(), c.toLatin1());
}

/// Enter in the cell editor: the delegate commits through a queued call.
inline void pressEnter()
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCoreApplication::processEvents();
}

/// A wheel event as the window system delivers it: spontaneous, so that Qt propagates it to
/// the parent when the target ignores it (QTest has no wheel function for widgets).
inline void turnWheel(QWidget* target, QPoint pos, QPoint angle,
                      Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent event(pos, target->mapToGlobal(pos), QPoint(), angle, Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QSpontaneKeyEvent::setSpontaneous(&event);
    QApplication::sendEvent(target, &event);
}

inline void turnWheel(QWidget* target, QPoint pos, int angle, Qt::KeyboardModifiers modifiers = {})
{
    turnWheel(target, pos, QPoint(0, angle), modifiers);
}

/// Opens an editor (a fresh one per test: call resetEditor() in cleanup()). Gesture ids
/// come from a counter, as they come from the document in the program.
class MatrixEditorFixture : public QObject
{
protected:
    std::unique_ptr<av::MatrixEditor> m_editor;
    int m_lastGestureId = 0; ///< stands in for the document's gesture ids
    EchoDocument m_document;

    av::MatrixEditor& open(const attn::Matrix& values, bool echo = false)
    {
        m_editor = std::make_unique<av::MatrixEditor>([this] { return ++m_lastGestureId; });
        m_editor->setMatrix(values,
                            {QStringLiteral("I"), QStringLiteral("love"), QStringLiteral("NLP")});
        m_editor->resize(600, 300);
        m_editor->show();
        m_editor->activateWindow();
        if (!QTest::qWaitForWindowActive(m_editor.get()))
            qWarning("window not active");
        m_editor->view()->setFocus();
        if (echo) {
            m_document.values = values;
            m_document.rowLabels = {QStringLiteral("I"), QStringLiteral("love"),
                                    QStringLiteral("NLP")};
            m_document.editor = m_editor.get();
            m_document.connect();
        }
        return *m_editor;
    }

    void setCurrent(int row, int col)
    {
        m_editor->view()->setCurrentIndex(m_editor->view()->model()->index(row, col));
    }

    void resetEditor() { m_editor.reset(); }
};

} // namespace av::test

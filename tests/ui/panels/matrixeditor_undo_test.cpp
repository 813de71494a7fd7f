// The matrix editor in the weights panel, on a real document: a scrub cancelled with Escape
// leaves no undo step, and the gestures' ids are the document's.

#include "bitcompare.h"
#include "document.h"
#include "matrixeditor.h"
#include "weightspanel.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>
#include <QtTest/qtestspontaneevent.h>

using namespace av;
using av::test::sameBits;

namespace {

QPoint centre(MatrixEditor* editor, int row, int col)
{
    return editor->view()->visualRect(editor->view()->model()->index(row, col)).center();
}

void turnWheel(QWidget* target, QPoint pos, int angle)
{
    QWheelEvent event(pos, target->mapToGlobal(pos), QPoint(), QPoint(0, angle), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QSpontaneKeyEvent::setSpontaneous(&event);
    QApplication::sendEvent(target, &event);
}

/// A vertical drag on (row, col) of dy pixels, still held.
void dragFrom(MatrixEditor* editor, int row, int col, int dy)
{
    QWidget* viewport = editor->view()->viewport();
    const QPoint start = centre(editor, row, col);
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    for (int step = 1; step <= 6; ++step)
        QTest::mouseMove(viewport, start - QPoint(0, dy * step / 6));
}

void release(MatrixEditor* editor, int row, int col)
{
    QTest::mouseRelease(editor->view()->viewport(), Qt::LeftButton, {}, centre(editor, row, col));
}

} // namespace

class MatrixEditorUndoTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Document> m_document;
    std::unique_ptr<WeightsPanel> m_panel;

    MatrixEditor* open()
    {
        m_document = std::make_unique<Document>();
        m_panel = std::make_unique<WeightsPanel>(m_document.get());
        m_panel->resize(600, 400);
        m_panel->show();
        m_panel->activateWindow();
        if (!QTest::qWaitForWindowActive(m_panel.get()))
            qWarning("window not active");
        m_panel->showMatrix({attn::MatrixKind::WQ, 0});
        m_panel->editor()->view()->setFocus();
        return m_panel->editor();
    }

private slots:
    void cleanup()
    {
        m_panel.reset();
        m_document.reset();
    }

    void escapeDuringAScrubLeavesNoStep()
    {
        MatrixEditor* editor = open();
        const attn::Session start = m_document->latestSession();
        dragFrom(editor, 1, 1, 30);
        QVERIFY(!(m_document->latestSession() == start));
        QCOMPARE(m_document->undoStack()->count(), 1);
        QTest::keyClick(editor->view(), Qt::Key_Escape);
        release(editor, 1, 1);
        QVERIFY(sameBits(m_document->latestSession(), start));
        QCOMPARE(m_document->undoStack()->count(), 0);
        QVERIFY(!m_document->isModified());
        QVERIFY(!m_document->undoStack()->canUndo());

        // After a step of its own, an Escaped scrub leaves that step alone.
        m_document->setTemperature(2);
        const attn::Session second = m_document->latestSession();
        dragFrom(editor, 0, 2, -30);
        QTest::keyClick(editor->view(), Qt::Key_Escape);
        release(editor, 0, 2);
        QVERIFY(sameBits(m_document->latestSession(), second));
        QCOMPARE(m_document->undoStack()->count(), 1);
    }

    void theEditorsGestureIdsAreTheDocuments()
    {
        MatrixEditor* editor = open();
        for (int i = 0; i < 10; ++i) // the document's ids move on; the editor must follow
            m_document->newGestureId();
        const int last = m_document->newGestureId();
        QSignalSpy edits(editor, &MatrixEditor::cellEditRequested);
        QSignalSpy finished(editor, &MatrixEditor::gestureFinished);
        dragFrom(editor, 1, 1, 30);
        release(editor, 1, 1);
        QVERIFY(!edits.isEmpty());
        for (const QVariantList& edit : edits)
            QCOMPARE(edit[3].toInt(), last + 1);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished[0][0].toInt(), last + 1);

        edits.clear();
        turnWheel(editor->view()->viewport(), centre(editor, 0, 0), 120);
        turnWheel(editor->view()->viewport(), centre(editor, 0, 0), 120);
        QCOMPARE(edits.count(), 2);
        QCOMPARE(edits[0][3].toInt(), last + 2);
        QCOMPARE(edits[1][3].toInt(), last + 2);
        QCOMPARE(m_document->newGestureId(), last + 3); // handed out by the document, once
        QCOMPARE(m_document->undoStack()->count(), 2);  // the drag, the burst
    }
};

QTEST_MAIN(MatrixEditorUndoTest)
#include "matrixeditor_undo_test.moc"

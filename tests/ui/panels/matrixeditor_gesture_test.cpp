// MatrixEditor's gestures: dragging a cell, the wheel over it, Escape, an undo mid-gesture,
// driven through the view as a user would.

#include "matrixeditortesting.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>

using namespace av::test;

class MatrixEditorGestureTest : public MatrixEditorFixture
{
    Q_OBJECT

private slots:
    void cleanup() { resetEditor(); }

    void dragUpIncreases()
    {
        av::MatrixEditor& editor = open(sample(), true);
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        QSignalSpy finished(&editor, &av::MatrixEditor::gestureFinished);
        QWidget* viewport = editor.view()->viewport();
        const QPoint start = centre(editor, 1, 1);
        QTest::mousePress(viewport, Qt::LeftButton, {}, start);
        for (int dy = 4; dy <= 40; dy += 4) {
            QTest::mouseMove(viewport, start - QPoint(0, dy));
            if (dy == 20)
                QCOMPARE(viewport->cursor().shape(), Qt::SizeVerCursor);
        }
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, start - QPoint(0, 40));

        QVERIFY(edits.count() >= 5);
        const int id = edits[0][3].toInt();
        QVERIFY(id > 0);
        double previous = 0.123456789;
        for (const QVariantList& edit : edits) {
            QCOMPARE(edit[0].toInt(), 1);
            QCOMPARE(edit[1].toInt(), 1);
            QCOMPARE(edit[3].toInt(), id);
            QVERIFY(edit[2].toDouble() > previous);
            previous = edit[2].toDouble();
        }
        // 1 px = 1 step, counted from where the move passed the drag threshold.
        const int scrubbed = 40 - QApplication::startDragDistance();
        QVERIFY(std::abs(previous - (0.123456789 + 0.01 * scrubbed)) <= 0.04 + 1e-12);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished[0][0].toInt(), id);
        QVERIFY(viewport->cursor().shape() != Qt::SizeVerCursor);
        // The pressed cell stays the selection, not the one the pointer ended over.
        QCOMPARE(editor.view()->currentIndex(), editor.view()->model()->index(1, 1));
        QCOMPARE(editor.view()->selectionModel()->selectedIndexes().size(), 1);

        // The next drag is a new gesture, downward decreases.
        edits.clear();
        QTest::mousePress(viewport, Qt::LeftButton, {}, start);
        for (int dy = 4; dy <= 24; dy += 4)
            QTest::mouseMove(viewport, start + QPoint(0, dy));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, start + QPoint(0, 24));
        QVERIFY(!edits.isEmpty());
        QVERIFY(edits[0][3].toInt() > id);
        QVERIFY(edits.last()[2].toDouble() < previous);
        QCOMPARE(finished.count(), 2);
    }

    void clickWithoutMovementSelects()
    {
        av::MatrixEditor& editor = open(sample());
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        QSignalSpy finished(&editor, &av::MatrixEditor::gestureFinished);
        QTest::mouseClick(editor.view()->viewport(), Qt::LeftButton, {}, centre(editor, 2, 3));
        QCOMPARE(editor.view()->currentIndex(), editor.view()->model()->index(2, 3));
        QCOMPARE(edits.count(), 0);
        QCOMPARE(finished.count(), 0);
    }

    void horizontalDragSelectsARange()
    {
        av::MatrixEditor& editor = open(sample());
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        QWidget* viewport = editor.view()->viewport();
        const QPoint from = centre(editor, 0, 0);
        const QPoint to = centre(editor, 0, 2);
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        for (int x = from.x() + 10; x <= to.x(); x += 10)
            QTest::mouseMove(viewport, QPoint(x, from.y()));
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
        QCOMPARE(edits.count(), 0);
        QCOMPARE(editor.view()->selectionModel()->selectedIndexes().size(), 3);
    }

    void escapeCancelsDrag()
    {
        av::MatrixEditor& editor = open(sample(), true);
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        QSignalSpy finished(&editor, &av::MatrixEditor::gestureFinished);
        QWidget* viewport = editor.view()->viewport();
        const QPoint start = dragUp(editor, 0, 0, 30, 5);
        QTest::keyClick(editor.view(), Qt::Key_Escape);
        QTest::mouseMove(viewport, start - QPoint(0, 50)); // ignored until release
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, start - QPoint(0, 50));
        QVERIFY(edits.count() >= 2);
        QCOMPARE(edits.last()[2].toDouble(), 0.5); // back to the start, same gesture
        QCOMPARE(edits.last()[3], edits.first()[3]);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(m_document.values(0, 0), 0.5);
    }

    void wheelStepsInOneBurst()
    {
        av::MatrixEditor& editor = open(sample(), true);
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        QSignalSpy finished(&editor, &av::MatrixEditor::gestureFinished);
        QWidget* viewport = editor.view()->viewport();
        const QPoint cell = centre(editor, 0, 0); // 0.5
        turnWheel(viewport, cell, 120);
        turnWheel(viewport, cell, 120);
        turnWheel(viewport, cell, -120);
        turnWheel(viewport, cell, 120, Qt::ShiftModifier);
        turnWheel(viewport, cell, -120, Qt::ControlModifier);
        turnWheel(viewport, cell, 60); // half a notch (high-resolution wheel): nothing yet
        QCOMPARE(edits.count(), 5);
        const QList<double> expected{0.51, 0.52, 0.51, 0.61, 0.609};
        const int id = edits[0][3].toInt();
        QVERIFY(id > 0);
        for (int i = 0; i < edits.count(); ++i) {
            QCOMPARE(edits[i][0].toInt(), 0);
            QCOMPARE(edits[i][1].toInt(), 0);
            QCOMPARE(edits[i][2].toDouble(), expected[i]); // exact: no 0.51000000000000001
            QCOMPARE(edits[i][3].toInt(), id);
        }
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(2000)); // the pause ends the burst
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished[0][0].toInt(), id);

        turnWheel(viewport, cell, 120); // a new burst, a new id
        QCOMPARE(edits.last()[3].toInt(), id + 1);
        QCOMPARE(edits.last()[2].toDouble(), 0.619);
        turnWheel(viewport, centre(editor, 0, 1), 120); // another cell ends it at once
        QCOMPARE(finished.count(), 2);
        QCOMPARE(edits.last()[3].toInt(), id + 2);
        QCOMPARE(edits.last()[2].toDouble(), -0.99);

        // Another matrix of the same shape shown mid-burst (or an undo) ends the burst: the
        // next notch starts from the value now shown, not from the old one.
        attn::Matrix other = attn::Matrix::Constant(3, 4, 5.0);
        editor.setMatrix(other, m_document.rowLabels);
        QCOMPARE(finished.count(), 3);
        m_document.values = other;
        turnWheel(viewport, centre(editor, 0, 1), 120);
        QCOMPARE(edits.last()[3].toInt(), id + 3);
        QCOMPARE(edits.last()[2].toDouble(), 5.01);
    }

    void undoMidDragEndsTheScrub()
    {
        av::MatrixEditor& editor = open(sample(), true);
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        QSignalSpy finished(&editor, &av::MatrixEditor::gestureFinished);
        QWidget* viewport = editor.view()->viewport();
        const QPoint start = dragUp(editor, 0, 0, 30, 5);
        const qsizetype sent = edits.count();
        QVERIFY(sent > 0);
        m_document.values(0, 0) = 0.5; // the document undoes the gesture
        editor.setMatrix(m_document.values, m_document.rowLabels);
        QCOMPARE(finished.count(), 1);
        QTest::mouseMove(viewport, start - QPoint(0, 40)); // ignored until release
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, start - QPoint(0, 40));
        QCOMPARE(edits.count(), sent);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(m_document.values(0, 0), 0.5);
    }

    void wheelOverCellsDoesNotScroll()
    {
        attn::Matrix big = attn::Matrix::Random(200, 6);
        av::MatrixEditor& editor = open(big);
        QScrollBar* bar = editor.view()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QWidget* viewport = editor.view()->viewport();
        turnWheel(viewport, centre(editor, 2, 2), -120);
        QCOMPARE(bar->value(), 0);
        turnWheel(viewport, centre(editor, 2, 2), -120, Qt::AltModifier);
        QVERIFY(bar->value() > 0);
        const int scrolled = bar->value();
        // X11 delivers Alt+wheel as a sideways turn.
        turnWheel(viewport, centre(editor, 2, 2), QPoint(-120, 0), Qt::AltModifier);
        QVERIFY(bar->value() > scrolled);
        // So does the plain wheel over the row headers (which pass it on to the viewport).
        QSignalSpy headerEdits(&editor, &av::MatrixEditor::cellEditRequested);
        QWidget* header = editor.view()->verticalHeader()->viewport();
        const int beforeHeader = bar->value();
        turnWheel(header, header->rect().center(), -120);
        QVERIFY(bar->value() > beforeHeader);
        QCOMPARE(headerEdits.count(), 0);

        editor.setReadOnly(true); // nothing to edit: the wheel scrolls
        const int before = bar->value();
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        turnWheel(viewport, viewport->rect().center(), -120);
        QVERIFY(bar->value() > before);
        QCOMPARE(edits.count(), 0);
    }

    void stepIsConfigurable()
    {
        av::MatrixEditor& editor = open(sample());
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        editor.setStep(0.5);
        editor.setStep(-1);                                       // ignored
        editor.setStep(std::numeric_limits<double>::quiet_NaN()); // ignored
        QCOMPARE(editor.step(), 0.5);
        turnWheel(editor.view()->viewport(), centre(editor, 0, 0), 120);
        QCOMPARE(edits.count(), 1);
        QCOMPARE(edits[0][2].toDouble(), 1.0);
    }
};

QTEST_MAIN(MatrixEditorGestureTest)
#include "matrixeditor_gesture_test.moc"

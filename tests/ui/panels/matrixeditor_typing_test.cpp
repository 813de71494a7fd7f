// MatrixEditor typed into: the cell editor, refused input and its message, Delete, copy,
// read-only, driven through the view as a user would.

#include "matrixeditortesting.h"

#include <QClipboard>
#include <QLineEdit>
#include <QSignalSpy>

using namespace av::test;

class MatrixEditorTypingTest : public MatrixEditorFixture
{
    Q_OBJECT

private slots:
    void cleanup() { resetEditor(); }

    void typingEmitsOneEdit()
    {
        av::MatrixEditor& editor = open(sample());
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        setCurrent(0, 1);
        type(QStringLiteral("0.75")); // the first key opens the editor and replaces the value
        auto* edit = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(edit);
        QCOMPARE(edit->text(), QStringLiteral("0.75"));
        pressEnter();
        QCOMPARE(edits.count(), 1);
        QCOMPARE(edits[0], (QVariantList{0, 1, 0.75, 0}));
        QCOMPARE(QApplication::focusWidget(), editor.view());
    }

    void editKeyShowsFullPrecisionAndTakesAComma()
    {
        av::MatrixEditor& editor = open(sample());
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        setCurrent(1, 1);
        QTest::keyClick(editor.view(), Qt::Key_F2);
        auto* edit = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(edit);
        QCOMPARE(edit->text(), QStringLiteral("0.123456789"));
        edit->selectAll();
        type(QStringLiteral("-0,5e-1"));
        pressEnter();
        QCOMPARE(edits.count(), 1);
        QCOMPARE(edits[0], (QVariantList{1, 1, -0.05, 0}));
    }

    void enterAndDoubleClickOpenTheEditor()
    {
        av::MatrixEditor& editor = open(sample());
        setCurrent(2, 2);
        QTest::keyClick(editor.view(), Qt::Key_Return);
        QVERIFY(qobject_cast<QLineEdit*>(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(QApplication::focusWidget(), editor.view());

        // QTest's double click is the second click alone: press and release first.
        QTest::mouseClick(editor.view()->viewport(), Qt::LeftButton, {}, centre(editor, 1, 3));
        QTest::mouseDClick(editor.view()->viewport(), Qt::LeftButton, {}, centre(editor, 1, 3));
        auto* edit = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(edit);
        QCOMPARE(edit->text(), QStringLiteral("1"));
    }

    void typingTextIsRefused()
    {
        av::MatrixEditor& editor = open(sample());
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        setCurrent(0, 0);
        type(QStringLiteral("abc"));
        pressEnter();
        QCOMPARE(edits.count(), 0);
        QCOMPARE(statusText(editor), QStringLiteral("\"abc\" is not a number"));
        const QColor colour = statusColour(editor);
        QVERIFY(colour.red() > 150 && colour.green() < 80 && colour.blue() < 80);
        // The editor stays open on the typo; fixing it commits and clears the message.
        auto* edit = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(edit);
        edit->selectAll();
        type(QStringLiteral("nan"));
        pressEnter();
        QCOMPARE(statusText(editor), QStringLiteral("\"nan\" is not a finite number"));
        edit->selectAll();
        type(QStringLiteral("1e400"));
        pressEnter();
        QVERIFY(statusText(editor).startsWith(QStringLiteral("\"1e400\" is too large")));
        edit->selectAll();
        type(QStringLiteral("2"));
        pressEnter();
        QCOMPARE(edits.count(), 1);
        QCOMPARE(edits[0], (QVariantList{0, 0, 2.0, 0}));
        QVERIFY(statusText(editor).startsWith(QStringLiteral("row I, column 1")));
    }

    void emptyInputIsRefused()
    {
        av::MatrixEditor& editor = open(sample());
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        setCurrent(0, 0);
        QTest::keyClick(editor.view(), Qt::Key_F2);
        auto* edit = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClick(edit, Qt::Key_Tab); // refused like Enter: the editor stays
        QCOMPARE(QApplication::focusWidget(), edit);
        QCOMPARE(statusText(editor), QStringLiteral("Type a number (the input is empty)"));
        // Clicking another cell closes the editor; the message stays until the next edit.
        QTest::mouseClick(editor.view()->viewport(), Qt::LeftButton, {}, centre(editor, 2, 2));
        QCoreApplication::processEvents();
        QVERIFY(!qobject_cast<QLineEdit*>(QApplication::focusWidget()));
        QCOMPARE(edits.count(), 0);
        QCOMPARE(statusText(editor), QStringLiteral("Type a number (the input is empty)"));
        QTest::keyClick(editor.view(), Qt::Key_Delete);
        QCOMPARE(edits.count(), 1);
        QVERIFY(statusText(editor).startsWith(QStringLiteral("row NLP, column 3")));
    }

    void unchangedValueIsNoEdit()
    {
        av::MatrixEditor& editor = open(sample());
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        setCurrent(1, 1);
        QTest::keyClick(editor.view(), Qt::Key_F2);
        pressEnter();
        QCOMPARE(edits.count(), 0);
    }

    void deleteSetsZero()
    {
        av::MatrixEditor& editor = open(sample());
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        setCurrent(1, 0);
        QTest::keyClick(editor.view(), Qt::Key_Delete);
        QCOMPARE(edits.count(), 1);
        QCOMPARE(edits[0], (QVariantList{1, 0, 0.0, 0}));
        setCurrent(0, 2); // already 0
        QTest::keyClick(editor.view(), Qt::Key_Delete);
        QCOMPARE(edits.count(), 1);
    }

    void copyPutsTabSeparatedText()
    {
        av::MatrixEditor& editor = open(sample());
        QTableView* view = editor.view();
        view->selectionModel()->select(
            QItemSelection(view->model()->index(0, 0), view->model()->index(1, 1)),
            QItemSelectionModel::ClearAndSelect);
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("0.5\t-1\n2\t0.123456789\n"));
    }

    void echoKeepsWhatIsBeingTyped()
    {
        av::MatrixEditor& editor = open(sample());
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        setCurrent(1, 2);
        type(QStringLiteral("0.7"));
        attn::Matrix next = sample();
        next(1, 2) = 9; // the document changes the very cell under the editor
        editor.setMatrix(next, {"I", "love", "NLP"});
        next(1, 3) = 8;
        editor.setMatrix(next, {"I", "love", "NLP"});
        auto* edit = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(edit);
        QCOMPARE(edit->text(), QStringLiteral("0.7"));
        pressEnter();
        QCOMPARE(edits.count(), 1);
        QCOMPARE(edits[0], (QVariantList{1, 2, 0.7, 0}));
    }

    void readOnlyRefusesEdits()
    {
        av::MatrixEditor& editor = open(sample());
        QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
        setCurrent(0, 0);
        type(QStringLiteral("3")); // an open editor is discarded, not committed
        QVERIFY(qobject_cast<QLineEdit*>(QApplication::focusWidget()));
        editor.setReadOnly(true);
        QCoreApplication::processEvents();
        QVERIFY(!qobject_cast<QLineEdit*>(QApplication::focusWidget()));
        QCOMPARE(editor.view()->model()->data(editor.view()->currentIndex()).toString(),
                 QStringLiteral("0.5"));
        editor.view()->setFocus();
        QTest::keyClick(editor.view(), Qt::Key_Delete);
        type(QStringLiteral("3"));
        QTest::keyClick(editor.view(), Qt::Key_Return);
        QWidget* viewport = editor.view()->viewport();
        const QPoint start = centre(editor, 0, 0);
        QTest::mousePress(viewport, Qt::LeftButton, {}, start);
        QTest::mouseMove(viewport, start - QPoint(0, 30));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, start - QPoint(0, 30));
        turnWheel(viewport, start, 120);
        QCOMPARE(edits.count(), 0);
        QVERIFY(!qobject_cast<QLineEdit*>(QApplication::focusWidget()));
        QTest::keyClick(editor.view(), Qt::Key_C, Qt::ControlModifier); // copying still works
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("0.5\n"));
    }
};

QTEST_MAIN(MatrixEditorTypingTest)
#include "matrixeditor_typing_test.moc"

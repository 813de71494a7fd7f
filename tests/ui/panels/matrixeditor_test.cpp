// MatrixEditor, its model and parseNumber, driven through the view as a user would.
// Run with QT_QPA_PLATFORM=offscreen.

#include "matrixeditor.h"
#include "matrixmodel.h"
#include "numberparser.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QWheelEvent>
#include <QtTest/qtestspontaneevent.h>

#include <memory>

namespace {

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

attn::Matrix sample()
{
    attn::Matrix m(3, 4);
    m << 0.5, -1.0, 0.0, 0.25,       //
        2.0, 0.123456789, -0.5, 1.0, //
        -2.0, 0.1, 0.75, 0.0;
    return m;
}

QPoint centre(av::MatrixEditor& editor, int row, int col)
{
    return editor.view()->visualRect(editor.view()->model()->index(row, col)).center();
}

QString statusText(av::MatrixEditor& editor)
{
    return editor.findChild<QLabel*>(QStringLiteral("statusLine"))->text();
}

QColor statusColour(av::MatrixEditor& editor)
{
    return editor.findChild<QLabel*>(QStringLiteral("statusLine"))
        ->palette()
        .color(QPalette::WindowText);
}

/// Types into whatever has the focus, as a keyboard does (the first key opens the editor,
/// which then takes the focus).
void type(const QString& text)
{
    for (QChar c : text)
        QTest::keyClick(QApplication::focusWidget(), c.toLatin1());
}

/// Enter in the cell editor: the delegate commits through a queued call.
void pressEnter()
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCoreApplication::processEvents();
}

/// A wheel event as the window system delivers it: spontaneous, so that Qt propagates it to
/// the parent when the target ignores it (QTest has no wheel function for widgets).
void turnWheel(QWidget* target, QPoint pos, QPoint angle, Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent event(pos, target->mapToGlobal(pos), QPoint(), angle, Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QSpontaneKeyEvent::setSpontaneous(&event);
    QApplication::sendEvent(target, &event);
}

void turnWheel(QWidget* target, QPoint pos, int angle, Qt::KeyboardModifiers modifiers = {})
{
    turnWheel(target, pos, QPoint(0, angle), modifiers);
}

} // namespace

class MatrixEditorTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<av::MatrixEditor> m_editor;
    EchoDocument m_document;

    av::MatrixEditor& open(const attn::Matrix& values, bool echo = false)
    {
        m_editor = std::make_unique<av::MatrixEditor>();
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

private slots:
    void cleanup() { m_editor.reset(); }

    void parseAccepts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("expected");
        QTest::newRow("decimal") << "0.5" << 0.5;
        QTest::newRow("leading point") << ".5" << 0.5;
        QTest::newRow("trailing point") << "5." << 5.0;
        QTest::newRow("exponent") << "-1e-3" << -1e-3;
        QTest::newRow("capital exponent") << "2.5E+2" << 250.0;
        QTest::newRow("spaces") << "  2 " << 2.0;
        QTest::newRow("plus") << "+3" << 3.0;
        QTest::newRow("decimal comma") << "0,5" << 0.5;
        QTest::newRow("negative comma") << "-0,25" << -0.25;
        QTest::newRow("lone comma is decimal") << "1,000" << 1.0;
        QTest::newRow("full-width") << QStringLiteral("０．５") << 0.5;
        QTest::newRow("full-width comma") << QStringLiteral("－１，５") << -1.5;
        QTest::newRow("ideographic full stop") << QStringLiteral("0。5") << 0.5;
        QTest::newRow("minus sign") << QStringLiteral("−2") << -2.0;
        QTest::newRow("no-break space") << QStringLiteral("\u00a03\u00a0") << 3.0;
        QTest::newRow("negative zero") << "-0" << 0.0;
        QTest::newRow("largest double") << "1.7976931348623157e308" << 1.7976931348623157e308;
        QTest::newRow("underflow rounds to 0") << "1e-400" << 0.0;
        QTest::newRow("subnormal") << "4e-320" << 4e-320;
    }

    void parseAccepts()
    {
        QFETCH(QString, text);
        QFETCH(double, expected);
        const av::ParsedNumber parsed = av::parseNumber(text);
        QVERIFY2(parsed.value.has_value(), qPrintable(parsed.error));
        QCOMPARE(*parsed.value, expected);
        QVERIFY(!std::signbit(*parsed.value) || expected < 0);
        QVERIFY(parsed.error.isEmpty());
    }

    void parseRefuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << ""
                               << "Type a number (the input is empty)";
        QTest::newRow("blank") << "   "
                               << "Type a number (the input is empty)";
        QTest::newRow("text") << "abc"
                              << "\"abc\" is not a number";
        QTest::newRow("trimmed in message") << " abc "
                                            << "\"abc\" is not a number";
        QTest::newRow("nan") << "nan"
                             << "\"nan\" is not a finite number";
        QTest::newRow("NaN") << "NaN"
                             << "\"NaN\" is not a finite number";
        QTest::newRow("inf") << "inf"
                             << "\"inf\" is not a finite number";
        QTest::newRow("-inf") << "-inf"
                              << "\"-inf\" is not a finite number";
        QTest::newRow("Infinity") << "+Infinity"
                                  << "\"+Infinity\" is not a finite number";
        QTest::newRow("overflow") << "1e400"
                                  << "\"1e400\" is too large (a double holds at most ±1.8e308)";
        QTest::newRow("negative overflow")
            << "-1e400"
            << "\"-1e400\" is too large (a double holds at most ±1.8e308)";
        QTest::newRow("long overflow") << "2" + QString(400, u'0')
                                       << "\"20000000000000000000000…\" is too large (a double "
                                          "holds at most ±1.8e308)";
        QTest::newRow("huge exponent")
            << "1e99999999999999999999"
            << "\"1e99999999999999999999\" is too large (a double holds at most ±1.8e308)";
        QTest::newRow("grouping") << "1,000.5"
                                  << "\"1,000.5\" is not a number: use one decimal separator, "
                                     "as in 0.5 or 0,5";
        QTest::newRow("two commas") << "1,2,3"
                                    << "\"1,2,3\" is not a number: use one decimal separator, "
                                       "as in 0.5 or 0,5";
        QTest::newRow("two points") << "1.2.3"
                                    << "\"1.2.3\" is not a number";
        QTest::newRow("space inside") << "1 000"
                                      << "\"1 000\" is not a number";
        QTest::newRow("hex") << "0x10"
                             << "\"0x10\" is not a number";
        QTest::newRow("bare exponent") << "1e"
                                       << "\"1e\" is not a number";
        QTest::newRow("no digits") << "-."
                                   << "\"-.\" is not a number";
        QTest::newRow("double sign") << "--1"
                                     << "\"--1\" is not a number";
        QTest::newRow("arabic digits")
            << QStringLiteral("٣") << QStringLiteral("\"٣\" is not a number");
    }

    void parseRefuses()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const av::ParsedNumber parsed = av::parseNumber(text);
        QVERIFY(!parsed.value.has_value());
        QCOMPARE(parsed.error, message);
    }

    void formatsCells()
    {
        QCOMPARE(av::formatShort(0.123456789), QStringLiteral("0.1235"));
        QCOMPARE(av::formatShort(-0.0), QStringLiteral("0"));
        QCOMPARE(av::formatShort(12345.678), QStringLiteral("1.235e+04"));
        QCOMPARE(av::formatExact(0.1), QStringLiteral("0.1"));
        QCOMPARE(av::formatExact(0.123456789), QStringLiteral("0.123456789"));
        QCOMPARE(av::formatShort(-std::numeric_limits<double>::infinity()), QStringLiteral("−∞"));
        QCOMPARE(av::tintFor(0.0, 2.0), QColor(Qt::white));
        QCOMPARE(av::tintFor(2.0, 2.0), QColor(0xb2, 0x18, 0x2b));
        QCOMPARE(av::tintFor(-2.0, 2.0), QColor(0x21, 0x66, 0xac));
        const QColor halfRed = av::tintFor(1.0, 2.0);
        QVERIFY(halfRed.red() > halfRed.blue() && halfRed.blue() > 0x2b);

        av::MatrixModel model;
        model.setMatrix(sample(), {QStringLiteral("I")}, {});
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("I"));
        QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("2"));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("1"));
        const QModelIndex cell = model.index(1, 1);
        QCOMPARE(model.data(cell).toString(), QStringLiteral("0.1235"));
        QVERIFY(model.data(cell, Qt::ToolTipRole).toString().contains("0.123456789"));
        QCOMPARE(model.data(cell, Qt::EditRole).toString(), QStringLiteral("0.123456789"));
        QVERIFY(model.flags(cell) & Qt::ItemIsEditable);
        QVERIFY(model.data(cell, Qt::ToolTipRole).toString().contains("Alt+wheel scrolls"));
        model.setReadOnly(true);
        QVERIFY(!(model.flags(cell) & Qt::ItemIsEditable));
        QVERIFY(!model.data(cell, Qt::ToolTipRole).toString().contains("wheel"));
    }

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
        const QPoint start = centre(editor, 0, 0);
        QTest::mousePress(viewport, Qt::LeftButton, {}, start);
        for (int dy = 5; dy <= 30; dy += 5)
            QTest::mouseMove(viewport, start - QPoint(0, dy));
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
        const QPoint start = centre(editor, 0, 0);
        QTest::mousePress(viewport, Qt::LeftButton, {}, start);
        for (int dy = 5; dy <= 30; dy += 5)
            QTest::mouseMove(viewport, start - QPoint(0, dy));
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

    void sameShapeKeepsCurrentAndSelection()
    {
        av::MatrixEditor& editor = open(sample());
        QTableView* view = editor.view();
        QSignalSpy resets(view->model(), &QAbstractItemModel::modelReset);
        QSignalSpy changes(view->model(), &QAbstractItemModel::dataChanged);
        view->setCurrentIndex(view->model()->index(2, 1));
        view->selectionModel()->select(
            QItemSelection(view->model()->index(1, 1), view->model()->index(2, 3)),
            QItemSelectionModel::Select);
        const QModelIndexList selected = view->selectionModel()->selectedIndexes();

        attn::Matrix next = sample();
        next(0, 3) = 0.3;
        editor.setMatrix(next, {"I", "love", "NLP"});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes[0][0].toModelIndex(), view->model()->index(0, 3)); // only that cell
        QCOMPARE(changes[0][1].toModelIndex(), view->model()->index(0, 3));
        QCOMPARE(view->currentIndex(), view->model()->index(2, 1));
        QCOMPARE(view->selectionModel()->selectedIndexes(), selected);
        QCOMPARE(view->model()->data(view->model()->index(0, 3)).toString(), QStringLiteral("0.3"));

        editor.setMatrix(next, {"I", "love", "NLP"}); // identical: no signal at all
        QCOMPARE(changes.count(), 1);
        editor.setMatrix(next, {"You", "love", "NLP"}); // new label: headers only
        QCOMPARE(resets.count(), 0);
        QCOMPARE(view->model()->headerData(0, Qt::Vertical).toString(), QStringLiteral("You"));
        QCOMPARE(view->selectionModel()->selectedIndexes(), selected);
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

    void newShapeKeepsCurrentCell()
    {
        av::MatrixEditor& editor = open(sample());
        setCurrent(1, 2);
        attn::Matrix bigger = attn::Matrix::Zero(4, 4);
        editor.setMatrix(bigger, {"I", "love", "NLP", "!"});
        QCOMPARE(editor.view()->model()->rowCount(), 4);
        QCOMPARE(editor.view()->currentIndex(), editor.view()->model()->index(1, 2));
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

    void destroyedWhileEditingOrScrubbing()
    {
        {
            av::MatrixEditor& editor = open(sample());
            QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
            setCurrent(0, 0);
            type(QStringLiteral("7"));
            QVERIFY(qobject_cast<QLineEdit*>(QApplication::focusWidget()));
            m_editor.reset(); // no commit, no call into the half-destroyed editor
            QCOMPARE(edits.count(), 0);
        }
        {
            av::MatrixEditor& editor = open(sample());
            QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
            turnWheel(editor.view()->viewport(), centre(editor, 1, 1), 120);
            QCOMPARE(edits.count(), 1);
            m_editor.reset();
            QTest::qWait(700); // the wheel pause timer died with it
        }
    }

    void largeMatrixStaysFast()
    {
        attn::Matrix big = attn::Matrix::Random(768, 64);
        av::MatrixEditor& editor = open(big);
        editor.resize(1200, 800);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 200; ++i) { // a drag's worth of echoes
            big(i, i % 64) += 0.01;
            editor.setMatrix(big);
        }
        const qint64 updates = timer.elapsed();
        editor.grab(); // the first paint loads fonts
        timer.restart();
        editor.grab();
        const qint64 paint = timer.elapsed();
        qInfo("768×64: 200 setMatrix in %lld ms, one full paint in %lld ms", updates, paint);
        // Generous bounds (Debug builds, busy machines): they catch per-cell widgets or a
        // model reset per update, not small regressions.
        QVERIFY(updates < 5000);
        QVERIFY(paint < 2000);
    }
};

QTEST_MAIN(MatrixEditorTest)
#include "matrixeditor_test.moc"

// The input panel's spin boxes make one undo step per gesture: holding an arrow key (auto-
// repeat), holding the mouse on an arrow, a burst of wheel notches, or typing a number and
// pressing Enter. One undo returns exactly to the session before the gesture.

#include "bitcompare.h"
#include "document.h"
#include "inputpanel.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>
#include <QtTest/qtestspontaneevent.h>

using namespace av;
using av::test::sameBits;

namespace {

/// An arrow key held down: a press, auto-repeated presses (with the auto-repeated releases
/// X11 sends between them), and the release.
void holdKey(QWidget* target, Qt::Key key, int repeats)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
    QApplication::sendEvent(target, &press);
    for (int i = 0; i < repeats; ++i) {
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(), true);
        QApplication::sendEvent(target, &release);
        QKeyEvent again(QEvent::KeyPress, key, Qt::NoModifier, QString(), true);
        QApplication::sendEvent(target, &again);
    }
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier);
    QApplication::sendEvent(target, &release);
}

void turnWheel(QWidget* target, int angle)
{
    const QPoint pos = target->rect().center();
    QWheelEvent event(pos, target->mapToGlobal(pos), QPoint(), QPoint(0, angle), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QSpontaneKeyEvent::setSpontaneous(&event);
    QApplication::sendEvent(target, &event);
}

} // namespace

class InputPanelUndoTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Document> m_document;
    std::unique_ptr<InputPanel> m_panel;

    /// The box named, with the document set up so that the box is enabled and its arrows
    /// step through accepted values.
    QAbstractSpinBox* box(const QString& name)
    {
        m_document = std::make_unique<Document>();
        if (name == "heads")
            m_document->setDModel(12);
        if (name == "base")
            m_document->setPositional(attn::PeKind::Sinusoidal);
        if (name == "radius")
            m_document->setMaskKind(attn::MaskKind::Window);
        m_panel = std::make_unique<InputPanel>(m_document.get());
        m_panel->show();
        m_panel->activateWindow();
        if (!QTest::qWaitForWindowActive(m_panel.get()))
            qWarning("window not active");
        QAbstractSpinBox* box = m_panel->maskRadiusSpin();
        if (name == "temperature")
            box = m_panel->temperatureSpin();
        else if (name == "base")
            box = m_panel->positionalBaseSpin();
        else if (name == "dModel")
            box = m_panel->dModelSpin();
        else if (name == "heads")
            box = m_panel->headsSpin();
        else if (name == "seed")
            box = m_panel->seedSpin();
        box->setFocus();
        return box;
    }

    static void boxes()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("typed");
        QTest::newRow("temperature") << "temperature"
                                     << "25";
        QTest::newRow("positional base") << "base"
                                         << "20000";
        QTest::newRow("d_model") << "dModel"
                                 << "16";
        QTest::newRow("heads") << "heads"
                               << "3";
        QTest::newRow("seed") << "seed"
                              << "10000";
        QTest::newRow("mask radius") << "radius"
                                     << "12";
    }

private slots:
    void cleanup()
    {
        m_panel.reset();
        m_document.reset();
    }

    void holdingAnArrowKeyIsOneStep_data() { boxes(); }
    void holdingAnArrowKeyIsOneStep()
    {
        QFETCH(QString, name);
        QAbstractSpinBox* spin = box(name);
        const attn::Session start = m_document->latestSession();
        const int steps = m_document->undoStack()->count();
        holdKey(spin, Qt::Key_Up, 6);
        QVERIFY(!(m_document->latestSession() == start));
        QCOMPARE(m_document->undoStack()->count(), steps + 1);
        m_document->undoStack()->undo();
        QVERIFY(sameBits(m_document->latestSession(), start));

        // Released in between: two gestures, two steps.
        holdKey(spin, Qt::Key_Up, 0);
        holdKey(spin, Qt::Key_Up, 0);
        QCOMPARE(m_document->undoStack()->count(), steps + 2);
    }

    void typingANumberIsOneStep_data() { boxes(); }
    void typingANumberIsOneStep()
    {
        QFETCH(QString, name);
        QFETCH(QString, typed);
        QAbstractSpinBox* spin = box(name);
        const attn::Session start = m_document->latestSession();
        const int steps = m_document->undoStack()->count();
        spin->selectAll();
        QTest::keyClicks(spin, typed);
        QTest::keyClick(spin, Qt::Key_Return);
        QCOMPARE(spin->text().toDouble(), typed.toDouble()); // what was typed, not a prefix
        QCOMPARE(m_document->undoStack()->count(), steps + 1);
        m_document->undoStack()->undo();
        QVERIFY(sameBits(m_document->latestSession(), start));

        // The arrow after typing is a gesture of its own.
        m_document->undoStack()->redo();
        holdKey(spin, Qt::Key_Down, 2);
        QCOMPARE(m_document->undoStack()->count(), steps + 2);
    }

    void holdingTheMouseOnAnArrowIsOneStep()
    {
        QAbstractSpinBox* spin = box("temperature");
        const int steps = m_document->undoStack()->count();
        // The up arrow: the top of the buttons at the right edge.
        const QPoint arrow(spin->width() - 6, spin->height() / 4);
        QTest::mousePress(spin, Qt::LeftButton, {}, arrow);
        QTest::qWait(900); // auto-repeat starts after ~500 ms, then steps every ~100 ms
        QTest::mouseRelease(spin, Qt::LeftButton, {}, arrow);
        QVERIFY2(m_document->latestSession().temperature > 1.1,
                 qPrintable(QString::number(m_document->latestSession().temperature)));
        QCOMPARE(m_document->undoStack()->count(), steps + 1);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->latestSession().temperature, 1.0);
    }

    void aBurstOfWheelNotchesIsOneStep()
    {
        QAbstractSpinBox* spin = box("temperature");
        const int steps = m_document->undoStack()->count();
        for (int i = 0; i < 5; ++i)
            turnWheel(spin, 120);
        QVERIFY(m_document->latestSession().temperature > 1.2);
        QCOMPARE(m_document->undoStack()->count(), steps + 1);
        QTest::qWait(1000); // the pause ends the burst
        turnWheel(spin, -120);
        QCOMPARE(m_document->undoStack()->count(), steps + 2);
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(m_document->latestSession().temperature, 1.0);
    }
};

QTEST_MAIN(InputPanelUndoTest)
#include "inputpanel_undo_test.moc"

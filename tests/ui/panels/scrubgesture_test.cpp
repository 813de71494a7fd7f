// The matrix editor's gesture arithmetic, without a widget: rates, rounding, the drag's
// value per pixel, the wheel's per notch.

#include "scrubgesture.h"

#include <QTest>
#include <limits>

using namespace av;

class ScrubGestureTest : public QObject
{
    Q_OBJECT

private slots:
    void ratesFollowShiftAndCtrl()
    {
        QCOMPARE(stepFactor(Qt::NoModifier), 1.0);
        QCOMPARE(stepFactor(Qt::ShiftModifier), 10.0);
        QCOMPARE(stepFactor(Qt::ControlModifier), 0.1);
        QCOMPARE(stepFactor(Qt::ShiftModifier | Qt::ControlModifier), 1.0);
        QCOMPARE(stepFactor(Qt::AltModifier), 1.0);
    }

    void offsetsAreRoundedTo15Digits()
    {
        QCOMPARE(offsetBy(0.1, 1, 0.01), 0.11); // not 0.11000000000000001
        QCOMPARE(offsetBy(0.5, -3, 0.01), 0.47);
        QCOMPARE(offsetBy(1e308, 10, 1e307), 1e308 + 1e308); // overflows: ∞, not rounded
    }

    void aPressBecomesAClickAScrubOrSomethingElse()
    {
        QCOMPARE(classifyPress(2, -3, 4), PressMove::Click);
        QCOMPARE(classifyPress(1, -4, 4), PressMove::Scrub);
        QCOMPARE(classifyPress(0, 9, 4), PressMove::Scrub);
        QCOMPARE(classifyPress(5, 5, 4), PressMove::Other); // a diagonal selects
        QCOMPARE(classifyPress(-8, 2, 4), PressMove::Other);
    }

    void aDragStepsPerPixelAndRebasesOnANewRate()
    {
        ScrubGesture drag;
        drag.begin(0.5, 100, 1);
        QCOMPARE(drag.moveTo(90, 1, 0.01), std::optional<double>(0.6)); // up increases
        QCOMPARE(drag.moveTo(90, 1, 0.01), std::nullopt);               // no change, no value
        QCOMPARE(drag.moveTo(95, 1, 0.01), std::optional<double>(0.55));
        // Shift from here: ten steps per pixel, counted from 0.55 at y = 95.
        QCOMPARE(drag.moveTo(95, 10, 0.01), std::nullopt);
        QCOMPARE(drag.moveTo(94, 10, 0.01), std::optional<double>(0.65));
        QCOMPARE(drag.moveTo(94, 0.1, 0.01), std::nullopt);
        QCOMPARE(drag.moveTo(104, 0.1, 0.01), std::optional<double>(0.64));
        QCOMPARE(drag.original(), 0.5);
        QCOMPARE(drag.last(), 0.64);
        drag.begin(std::numeric_limits<double>::max(), 0, 1);
        QCOMPARE(drag.moveTo(-1, 1, 1e300), std::nullopt); // beyond the largest double
    }

    void theWheelStepsPerWholeNotch()
    {
        WheelSteps wheel;
        wheel.begin(0.5);
        QCOMPARE(wheel.turn(120, 0.01), std::optional<double>(0.51));
        QCOMPARE(wheel.turn(60, 0.01), std::nullopt); // half a notch
        QCOMPARE(wheel.turn(60, 0.01), std::optional<double>(0.52));
        QCOMPARE(wheel.turn(-240, 0.1), std::optional<double>(0.32));
        QCOMPARE(wheel.turn(360, 0.01), std::optional<double>(0.35));
        QCOMPARE(wheel.value(), 0.35);
        wheel.begin(2);
        QCOMPARE(wheel.turn(-30, 1), std::nullopt);
        QCOMPARE(wheel.turn(-90, 1), std::optional<double>(1.0)); // the remainder began anew
    }
};

QTEST_MAIN(ScrubGestureTest)
#include "scrubgesture_test.moc"

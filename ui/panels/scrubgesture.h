#pragma once
// The arithmetic of the matrix editor's gestures, apart from any widget: a vertical drag
// (one step per pixel) and a burst of wheel notches (one step per notch), each at a rate
// that Shift (×10) and Ctrl (÷10) change.

#include <Qt>
#include <optional>

namespace av {

/// The rate of a gesture: ×10 with Shift, ÷10 with Ctrl (×1 with both).
double stepFactor(Qt::KeyboardModifiers modifiers);

/// start + steps · step, rounded to 15 significant digits: decimal steps in binary leave
/// noise (0.1 + 0.01 is 0.11000000000000001) that the tooltip and the editor would show.
double offsetBy(double start, double steps, double step);

/// What the pointer's move since the press (dx, dy) makes of it, with threshold the
/// platform's drag distance: still a click, a vertical scrub, or something else (a
/// horizontal move selects a range).
enum class PressMove
{
    Click,
    Scrub,
    Other
};
PressMove classifyPress(int dx, int dy, int threshold);

/// A vertical drag: value = start − (y − originY) · step · factor, up increases. When the
/// factor changes mid-drag (Shift or Ctrl pressed), it goes on from the last value at the
/// new rate.
class ScrubGesture
{
public:
    void begin(double value, int y, double factor);
    /// The value for the pointer at y, or nothing when it is the last value already given
    /// (or not finite).
    std::optional<double> moveTo(int y, double factor, double step);
    double original() const { return m_original; } ///< the value when the drag began
    double last() const { return m_last; }         ///< the last value given

private:
    int m_originY = 0;
    double m_factor = 1;
    double m_start = 0; ///< the value at m_originY
    double m_original = 0;
    double m_last = 0;
};

/// A burst of wheel notches on one cell. Values accumulate from the value when the burst
/// began, so that a document that applies the requests later still gets one step per
/// notch; the parts of a notch that high-resolution wheels report add up.
class WheelSteps
{
public:
    static constexpr int kNotch = 120; ///< QWheelEvent::angleDelta of one notch, in 1/8°

    void begin(double value);
    /// Turns by angleDelta; step is the change per notch (the rate included). The new
    /// value, or nothing when no whole notch was turned or the value did not change.
    std::optional<double> turn(int angleDelta, double step);
    double value() const { return m_value; }

private:
    double m_value = 0;
    int m_remainder = 0; ///< angle short of a whole notch
};

} // namespace av

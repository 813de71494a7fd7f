#include "scrubgesture.h"

#include <QString>
#include <cmath>
#include <cstdlib>

namespace av {

double stepFactor(Qt::KeyboardModifiers modifiers)
{
    double factor = 1;
    if (modifiers & Qt::ShiftModifier)
        factor *= 10;
    if (modifiers & Qt::ControlModifier)
        factor /= 10;
    return factor;
}

double offsetBy(double start, double steps, double step)
{
    const double raw = start + steps * step;
    const double clean = QString::number(raw, 'g', 15).toDouble();
    return std::isfinite(clean) ? clean : raw;
}

PressMove classifyPress(int dx, int dy, int threshold)
{
    if (std::abs(dx) < threshold && std::abs(dy) < threshold)
        return PressMove::Click;
    return std::abs(dx) >= std::abs(dy) ? PressMove::Other : PressMove::Scrub;
}

void ScrubGesture::begin(double value, int y, double factor)
{
    m_original = m_start = m_last = value;
    m_originY = y;
    m_factor = factor;
}

std::optional<double> ScrubGesture::moveTo(int y, double factor, double step)
{
    if (factor != m_factor) {
        m_factor = factor;
        m_start = m_last;
        m_originY = y;
    }
    const double value = offsetBy(m_start, m_originY - y, step * m_factor);
    if (!std::isfinite(value) || value == m_last)
        return std::nullopt;
    m_last = value;
    return value;
}

void WheelSteps::begin(double value)
{
    m_value = value;
    m_remainder = 0;
}

std::optional<double> WheelSteps::turn(int angleDelta, double step)
{
    m_remainder += angleDelta;
    const int notches = m_remainder / kNotch;
    m_remainder -= notches * kNotch;
    if (notches == 0)
        return std::nullopt;
    const double value = offsetBy(m_value, notches, step);
    if (!std::isfinite(value) || value == m_value)
        return std::nullopt;
    m_value = value;
    return value;
}

} // namespace av

#pragma once
// How a widget asks presentation mode (ui/window/presentation.h) for special treatment,
// without depending on the window: a dynamic property that Presentation reads.

#include <QWidget>

namespace av {

/// Widgets with this property (a factor) get text that many times larger while presenting.
inline constexpr const char* kLargerWhilePresentingProperty = "av_largerWhilePresenting";
/// The usual factor: the demonstrations' explanations, checks and tables have room for it.
inline constexpr double kLargerTextFactor = 1.25;

/// Text that has room to be larger than the rest while presenting (explanations, checks,
/// tables).
inline void enlargeWhilePresenting(QWidget* widget)
{
    widget->setProperty(kLargerWhilePresentingProperty, kLargerTextFactor);
}

} // namespace av

#pragma once
// The titles of the plot views, broken into lines when wider than the plot (a narrow
// view, presentation font sizes) rather than cut off at both ends.

#include <QFont>
#include <QString>

namespace av {

/// text broken at spaces so that no line is wider than width pixels in font; a word
/// wider than width keeps a line of its own. Unchanged when it fits or width ≤ 0.
QString wrappedTitle(const QString& text, const QFont& font, double width);

} // namespace av

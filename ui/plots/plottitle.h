#pragma once
// The text of the plot views: titles broken into lines when wider than the plot (a narrow
// view, presentation font sizes) rather than cut off at both ends, and scaled fonts.

#include <QFont>
#include <QString>

namespace av {

/// text broken at spaces so that no line is wider than width pixels in font; a word
/// wider than width keeps a line of its own. Unchanged when it fits or width ≤ 0.
QString wrappedTitle(const QString& text, const QFont& font, double width);

/// font factor times larger, in points or in pixels, whichever it is given in.
QFont scaledFont(QFont font, double factor);

} // namespace av

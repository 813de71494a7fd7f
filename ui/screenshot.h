#pragma once

#include <QSize>
#include <QString>

namespace av {

class Document;

/// Renders the main window for document off screen at size and writes it as a PNG.
/// Returns an empty string, or a message naming the file and the reason.
/// present: in presentation mode (full screen: the screen's size, not size).
QString saveWindowScreenshot(Document* document, const QString& path, QSize size = {1600, 1000},
                             bool present = false);

} // namespace av

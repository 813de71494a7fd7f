#pragma once

#include "imagefile.h"

#include <QSize>
#include <QString>
#include <optional>

namespace av {

class Document;

struct ScreenshotOptions
{
    QSize size{1600, 1000}; ///< the window's size; presenting: the size of the screen it fills
    bool present = false;   ///< in presentation mode
    int step = -1; ///< the Walkthrough dock in front at this step (from 0); −1: as it opens
    QString demo;  ///< a name of DemosWindow::demoNames(): that demonstration's window instead
    QString view;  ///< a name of ModelDocks::viewNames(): that dock in front (with a model)
    /// An image whose session the document holds: the picture view shown, query 0-based
    /// (−1: the middle patch).
    std::optional<ImageSession> image;
    int query = -1;
};

/// Renders the main window for document (or its demonstrations' window) off screen and
/// writes it as a PNG. Returns an empty string, or a message naming the file and the reason.
QString saveWindowScreenshot(Document* document, const QString& path,
                             const ScreenshotOptions& options = {});

} // namespace av

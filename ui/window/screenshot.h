#pragma once

#include <QSize>
#include <QString>

namespace av {

class Document;

struct ScreenshotOptions
{
    QSize size{1600, 1000}; ///< the window's size; presenting: the size of the screen it fills
    bool present = false;   ///< in presentation mode
    int step = -1; ///< the Walkthrough dock in front at this step (from 0); −1: as it opens
    QString demo;  ///< a name of DemosWindow::demoNames(): that demonstration's window instead
    QString view;  ///< a name of ModelDocks::viewNames(): that dock in front (with a model)
};

/// Renders the main window for document (or its demonstrations' window) off screen and
/// writes it as a PNG. Returns an empty string, or a message naming the file and the reason.
QString saveWindowScreenshot(Document* document, const QString& path,
                             const ScreenshotOptions& options = {});

} // namespace av

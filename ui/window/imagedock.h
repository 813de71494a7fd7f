#pragma once
// The picture view's dock and File ▸ Open Image…: an image file opened as a session of its
// patches (ui/model/imagefile.h), shown in the Picture tab beside the pipeline. Hidden
// until an image is opened.

#include "imagefile.h"

#include <QObject>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace av {

class Document;
class ImagePanel;

class ImageDock : public QObject
{
    Q_OBJECT

public:
    ImageDock(QMainWindow* window, Document* document, QDockWidget* beside);

    ImagePanel* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }
    /// File ▸ Open Image…: a file and a patch size asked for, then opened.
    void addMenuAction(QMenu* file);
    /// Resets the document to image's session and shows the picture view in front.
    void show(ImageSession image, int query = -1);

private:
    void ask();

    QMainWindow* m_window;
    Document* m_document;
    ImagePanel* m_panel;
    QDockWidget* m_dock;
};

} // namespace av

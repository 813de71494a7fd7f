#pragma once
// The picture view (--image, File ▸ Open Image…): the image with its patch grid; a click on
// a patch shows its attention over the image for the head chosen, live as weights change.
// It shows the image last opened while the document is that image's session.

#include "imagefigure.h"
#include "imagefile.h"

#include <QWidget>
#include <memory>

class QLabel;
class QMenu;
class QSpinBox;
class QStackedWidget;

namespace av {

class Document;
class ExportController;
class ImageAttentionView;

class ImagePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ImagePanel(Document* document, QWidget* parent = nullptr);

    /// The image the document was just reset to; query (0-based) −1: the middle patch.
    void setImage(ImageSession image, int query = -1);
    bool hasImage() const;
    ImageAttentionView* view() const { return m_view; }
    QSpinBox* headChoice() const { return m_head; }
    int query() const { return m_query; }
    /// Gives the picture a context menu: export or copy the head shown, or every head.
    void setExportController(ExportController* controller);
    /// The query patch's attention over the image: the head chosen alone, or every head
    /// (what --export writes as image-attention). Needs hasImage().
    ImageAttentionFigure figure(bool everyHead) const;
    /// The file stem figure(everyHead) exports as: image-attention or image-attention-head-k.
    QString figureName(bool everyHead) const;
    /// Adds the picture's export and copy actions to menu (nothing without an image).
    void fillMenu(QMenu* menu);

private:
    void showDocument();

    Document* m_document;
    std::shared_ptr<const ImageSession> m_image;
    int m_query = 0;
    QSpinBox* m_head;
    QStackedWidget* m_stack;
    QLabel* m_hint;
    ImageAttentionView* m_view;
    ExportController* m_export = nullptr;
};

} // namespace av

#include "imagedock.h"

#include "document.h"
#include "imagepanel.h"
#include "modeldocks.h"
#include "sessionerror.h"

#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>

namespace av {

ImageDock::ImageDock(QMainWindow* window, Document* document, QDockWidget* beside)
    : QObject(window), m_window(window), m_document(document), m_panel(new ImagePanel(document)),
      m_dock(addPanelDock(window, m_panel, tr("Picture"), "PictureDock", Qt::RightDockWidgetArea))
{
    window->tabifyDockWidget(beside, m_dock);
    m_dock->hide();
}

void ImageDock::addMenuAction(QMenu* file)
{
    file->addAction(tr("Open &Image…"), this, &ImageDock::ask);
}

void ImageDock::ask()
{
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open an image: its patches become the tokens"),
                                     {}, tr("Images (*.png *.jpg *.jpeg)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const int patch = QInputDialog::getInt(
        m_window, tr("Patch size"),
        tr("Pixels a patch side (1: one pixel a token; each patch's R, G, B values are its "
           "embedding, d_model = 3·P²):"),
        1, 1, 64, 1, &ok);
    if (!ok)
        return;
    try {
        show(readImageSession(path, patch));
    } catch (const attn::SessionError& e) {
        QMessageBox::warning(m_window, tr("Could not open the image"),
                             QString::fromStdString(e.what()));
    }
}

void ImageDock::show(ImageSession image, int query)
{
    const attn::Session session = image.session;
    m_document->reset(session);
    m_panel->setImage(std::move(image), query);
    m_dock->show();
    m_dock->raise();
}

} // namespace av

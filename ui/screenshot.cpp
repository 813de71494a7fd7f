#include "screenshot.h"

#include "document.h"
#include "mainwindow.h"
#include "presentation.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPixmap>

#include "sessionfile.h"

namespace av {

QString saveWindowScreenshot(Document* document, const QString& path, QSize size, bool present)
{
    document->waitUntilComputed(); // a large session's pass, before anything is drawn
    MainWindow window(document, /*persistent=*/false);
    window.resize(size);
    window.show();
    if (present)
        window.presentation()->setActive(true);
    // Plots replot on the event loop (queued replots); let them draw before grabbing.
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    const QPixmap pixmap = window.grab();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!pixmap.save(&buffer, "PNG"))
        return QStringLiteral("%1: the window could not be rendered").arg(path);
    return writeFileAtomically(path, png);
}

} // namespace av

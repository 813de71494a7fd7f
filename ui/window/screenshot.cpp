#include "screenshot.h"

#include "demoswindow.h"
#include "document.h"
#include "mainwindow.h"
#include "presentation.h"
#include "sessionfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPixmap>

namespace av {
namespace {

/// Plots replot on the event loop (queued replots) and a window system applies full
/// screen asynchronously: let both happen before grabbing.
void settle()
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 250)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

} // namespace

QString saveWindowScreenshot(Document* document, const QString& path,
                             const ScreenshotOptions& options)
{
    document->waitUntilComputed(); // a large session's pass, before anything is drawn
    MainWindow window(document, /*persistent=*/false);
    window.resize(options.size);
    window.show();
    // Full screen fills whatever screen the platform has (the offscreen one is 800 × 800)
    // and refuses other sizes: the requested size stands for the screen, so that a
    // projector's 1920 × 1080 can be rendered anywhere. A window without a frame at the
    // screen's size looks as full screen does.
    const QRect screen(QPoint(0, 0), options.size);
    const auto fillScreen = [&screen](QWidget* w) {
        w->setWindowState(w->windowState() & ~Qt::WindowFullScreen);
        w->setGeometry(screen);
    };
    if (options.present) {
        window.presentation()->setActive(true);
        fillScreen(&window);
    }
    if (options.image)
        window.showImage(*options.image, options.query);
    if (options.step >= 0)
        window.showWalkthroughStep(options.step);
    if (!options.view.isEmpty()) {
        settle(); // the model's docks are shown after the window's first events
        window.raiseModelView(options.view);
    }
    QWidget* shown = &window;
    if (!options.demo.isEmpty()) {
        shown = window.showDemonstrations(options.demo);
        if (options.present)
            fillScreen(shown);
        else
            shown->resize(options.size);
        settle(); // shown: a large session's demonstration starts its computation
        if (auto* demos = qobject_cast<DemosWindow*>(shown))
            demos->waitUntilComputed();
    }
    settle();
    const QPixmap pixmap = shown->grab();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!pixmap.save(&buffer, "PNG"))
        return QStringLiteral("%1: the window could not be rendered").arg(path);
    return writeFileAtomically(path, png);
}

} // namespace av

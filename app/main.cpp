// attnviz: the window, or --headless (docs/command-line.md).

#include "autosave.h"
#include "commandline.h"
#include "document.h"
#include "headless.h"
#include "imagefile.h"
#include "language.h"
#include "mainwindow.h"
#include "memorypolicy.h"
#include "presentation.h"
#include "recovery.h"
#include "recoverydialog.h"
#include "sessionerror.h"
#include "sessionfile.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>
#include <unistd.h>

namespace {

QStringList rawArguments(int argc, char* argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

/// Headless runs render figures without a display, and say nothing on standard error
/// but their own messages (Qt warns when XDG_RUNTIME_DIR is unset).
void prepareHeadlessEnvironment()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString dir = QDir::tempPath() + QStringLiteral("/attnviz-runtime-%1").arg(getuid());
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir));
    }
}

/// In headless runs standard error carries only AttnViz's own messages: the offscreen
/// platform's notes about window features it lacks are dropped.
void quietPlatformMessages(QtMsgType type, const QMessageLogContext& context,
                           const QString& message)
{
    if (type != QtFatalMsg && message.startsWith(QLatin1String("This plugin does not support")))
        return;
    QTextStream(stderr) << qFormatLogMessage(type, context, message) << Qt::endl;
}

} // namespace

int main(int argc, char* argv[])
{
    attn::keepFreedMemory(); // before any pass: see memorypolicy.h
    QCoreApplication::setApplicationName(QStringLiteral("AttnViz"));
    QCoreApplication::setOrganizationName(QStringLiteral("AttnViz"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATTNVIZ_VERSION));

    // Parsed before QApplication exists: QGuiApplication swallows "--session" (X11 session
    // management), and --help or a bad option must work without a display.
    av::CommandLineExit exit;
    const auto cmd = av::parseCommandLine(rawArguments(argc, argv), exit);
    if (!cmd && exit.help) {
        // The help in the interface's language: that needs an application and a translator.
        QCoreApplication core(argc, argv);
        av::installLanguage(av::chooseLanguage(exit.language));
        av::parseCommandLine(rawArguments(argc, argv), exit);
    }
    if (!cmd) {
        QTextStream(exit.status == 0 ? stdout : stderr)
            << (exit.status == 0 ? "" : "attnviz: ") << exit.text
            << (exit.text.endsWith('\n') ? "" : "\n");
        return exit.status;
    }
    if (cmd->headless) {
        prepareHeadlessEnvironment();
        qInstallMessageHandler(quietPlatformMessages);
    }

    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.attnviz.AttnViz"));
    QApplication app(argc, argv);
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("io.github.attnviz.AttnViz"),
                         QIcon(QStringLiteral(":/icons/io.github.attnviz.AttnViz.svg"))));
    av::installLanguage(av::chooseLanguage(cmd->language));
    if (cmd->headless)
        return av::runHeadless(*cmd);

    av::Document document;
    // Declared after the document, so destroyed before it: a normal return from main()
    // removes this instance's recovery files; a crash or a kill leaves them for next time.
    av::Autosave autosave(&document);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &autosave, &av::Autosave::discard);
    av::MainWindow window(&document);
    QString openError;
    try {
        // An empty path reads the default lesson (through the overrides, which may make it
        // a whole transformer).
        if (!cmd->imagePath.isEmpty()) // the picture view needs the image, not only its session
            window.showImage(av::readImageSession(cmd->imagePath, cmd->patch, cmd->overrides),
                             cmd->query - 1);
        else
            document.reset(av::readCommandLineSession(*cmd), cmd->sessionPath);
    } catch (const attn::SessionError& e) {
        openError = QString::fromStdString(e.what());
    }
    // Work a crashed or killed instance left behind replaces what was just opened, if the
    // user says so; asked before the window shows that document.
    av::RecoveryDialog::offer(nullptr, &document, autosave.folder(), &autosave);
    window.show();
    if (cmd->present)
        window.presentation()->setActive(true);
    if (cmd->step > 0)
        window.showWalkthroughStep(cmd->step - 1);
    // After presenting starts: the demonstration then opens full screen over the window.
    if (!cmd->demo.isEmpty())
        window.showDemonstrations(cmd->demo);
    // Queued: after the model's docks are shown with the model view in front.
    if (!cmd->view.isEmpty())
        QTimer::singleShot(0, &window,
                           [&window, view = cmd->view] { window.raiseModelView(view); });
    if (!openError.isEmpty()) // the window stays on the worked example; the message says why
        QMessageBox::warning(
            &window, QCoreApplication::translate("av::MainWindow", "Could not open the session"),
            openError);
    return app.exec();
}

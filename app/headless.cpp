#include "headless.h"

#include "attention.h"
#include "commandline.h"
#include "document.h"
#include "exporter.h"
#include "imagefigure.h"
#include "imagefile.h"
#include "modelheadless.h"
#include "npzdump.h"
#include "npzwriter.h"
#include "screenshot.h"
#include "sessionerror.h"
#include "sessionfile.h"
#include "trainheadless.h"

#include <QByteArray>
#include <QDir>
#include <QTextStream>
#include <cstdio>

namespace av {

void printError(const QString& message)
{
    QTextStream(stderr) << "attnviz: " << message << Qt::endl;
}

/// Writes to a file atomically, or to standard output for "-".
QString writeOutput(const QString& path, const QByteArray& data)
{
    if (path != QLatin1String("-"))
        return writeFileAtomically(path, data);
    if (std::fwrite(data.constData(), 1, data.size(), stdout) !=
            static_cast<std::size_t>(data.size()) ||
        std::fflush(stdout) != 0)
        return QStringLiteral("standard output: cannot be written");
    return {};
}

QString sourceName(const CommandLine& cmd)
{
    if (!cmd.modelDir.isEmpty())
        return QDir::toNativeSeparators(cmd.modelDir);
    if (!cmd.imagePath.isEmpty())
        return QDir::toNativeSeparators(cmd.imagePath);
    return cmd.sessionPath.isEmpty() ? QStringLiteral("the default lesson")
                                     : QDir::toNativeSeparators(cmd.sessionPath);
}

int writeText(const CommandLine& cmd, const QString& path, const std::function<std::string()>& make)
{
    if (path.isEmpty())
        return kDone;
    std::string text;
    try {
        text = make();
    } catch (const attn::SessionError& e) {
        printError(sourceName(cmd) + QStringLiteral(": ") + QString::fromStdString(e.what()));
        return kBadInput;
    }
    if (const QString error = writeOutput(path, QByteArray::fromStdString(text));
        !error.isEmpty()) {
        printError(error);
        return kWriteFailed;
    }
    return kDone;
}

int writeNpz(const CommandLine& cmd, const std::function<void(const std::string&)>& write)
{
    if (cmd.npzPath.isEmpty())
        return kDone;
    try {
        write(QDir::toNativeSeparators(cmd.npzPath).toStdString());
    } catch (const attn::SessionError& e) {
        printError(sourceName(cmd) + QStringLiteral(": ") + QString::fromStdString(e.what()));
        return kBadInput;
    } catch (const attn::NpzError& e) {
        printError(QString::fromStdString(e.what()));
        return kWriteFailed;
    }
    return kDone;
}

ExportOptions exportOptions(const CommandLine& cmd)
{
    ExportOptions options;
    options.format = cmd.format;
    options.dpi = cmd.dpi;
    options.widthInches = cmd.figureWidth;
    options.colorMap = cmd.colorMap;
    return options;
}

int runHeadless(const CommandLine& cmd)
{
    try {
        return runHeadlessOrThrow(cmd);
    } catch (const std::bad_alloc&) {
        printError(sourceName(cmd) +
                   QStringLiteral(": not enough memory for this session (fewer tokens, heads or "
                                  "blocks)"));
        return kWriteFailed;
    }
}

/// With --image and --export: image-attention.EXT, the query patch's attention over the image.
int writeImageAttention(const CommandLine& cmd, const ImageSession& image,
                        const attn::ForwardResult& result)
{
    const int query = cmd.query > 0 ? cmd.query - 1 : image.tokens.middle();
    const ExportOptions options = exportOptions(cmd);
    const QString path =
        QDir(cmd.exportDir).filePath(QStringLiteral("image-attention.") + options.format);
    const QByteArray bytes = imageAttentionFile(
        imageAttentionFigure(image.session, result, image.image, image.tokens, query), options);
    const QString error = bytes.isEmpty() ? path + QStringLiteral(": the figure could not be drawn")
                                          : writeFileAtomically(path, bytes);
    if (!error.isEmpty()) {
        printError(error);
        return kWriteFailed;
    }
    return kDone;
}

int writeScreenshot(const CommandLine& cmd, const attn::AnySession& session,
                    const std::optional<ImageSession>& image)
{
    if (cmd.screenshotPath.isEmpty())
        return kDone;
    Document document;
    document.reset(session, cmd.sessionPath);
    if (cmd.layer > 0)
        document.setBlock(cmd.layer - 1);
    ScreenshotOptions options;
    options.size = cmd.screenshotSize;
    options.present = cmd.present;
    options.step = cmd.step - 1;
    options.demo = cmd.demo;
    options.view = cmd.view;
    if (image) {
        options.image = image;
        options.query = cmd.query - 1;
    }
    if (const QString error = saveWindowScreenshot(&document, cmd.screenshotPath, options);
        !error.isEmpty()) {
        printError(error);
        return kWriteFailed;
    }
    return kDone;
}

attn::AnySession readCommandLineSession(const CommandLine& cmd)
{
    if (!cmd.modelDir.isEmpty())
        return readModelFolder(cmd.modelDir, cmd.text, cmd.overrides);
    return readAnySessionFile(cmd.sessionPath, cmd.overrides);
}

int runHeadlessOrThrow(const CommandLine& cmd)
{
    if (!cmd.train.isEmpty())
        return runTrainHeadless(cmd);
    attn::AnySession any;
    std::optional<ImageSession> image; // read once: the session, image-attention, the screenshot
    try {
        if (!cmd.imagePath.isEmpty()) {
            image = readImageSession(cmd.imagePath, cmd.patch, cmd.overrides);
            any = image->session;
        } else {
            any = readCommandLineSession(cmd);
        }
    } catch (const attn::SessionError& e) {
        printError(QString::fromStdString(e.what()));
        return kBadInput;
    }
    if (image && cmd.query > image->tokens.n()) {
        const attn::ImageTokens& t = image->tokens;
        printError(QStringLiteral("--query: the image has %1 patches (%2 × %3), got %4")
                       .arg(t.n())
                       .arg(t.cols)
                       .arg(t.rows)
                       .arg(cmd.query));
        return kBadInput;
    }
    if (const auto* model = std::get_if<attn::Model>(&any))
        return runModelHeadless(cmd, *model);
    const attn::Session session = std::get<attn::Session>(std::move(any));
    if (cmd.layer > 1) {
        printError(
            QStringLiteral("--layer: a version 1 session has one block, got %1").arg(cmd.layer));
        return kBadInput;
    }
    if (cmd.float32.value_or(false)) {
        printError(QStringLiteral("--precision: a version 1 session computes in float64 (its dump "
                                  "v1 keeps the worked example's digits); float32 applies to "
                                  "version 2 sessions and model folders"));
        return kBadInput;
    }

    // Only a dump or an export needs the pass here (the screenshot's document computes
    // its own): at 2048 tokens a second copy of every n × n matrix is 400 MB.
    attn::ForwardResult result;
    if (!cmd.dumpPath.isEmpty() || !cmd.npzPath.isEmpty() || !cmd.exportDir.isEmpty())
        result = attn::forward(session);
    if (const int status = writeText(cmd, cmd.dumpPath,
                                     [&] {
                                         return attn::writeDump(
                                             session, result); // refuses a number JSON cannot hold
                                     });
        status != kDone)
        return status;
    if (const int status = writeNpz(
            cmd, [&](const std::string& path) { attn::writeSessionNpz(path, session, result); });
        status != kDone)
        return status;
    if (const int status =
            writeText(cmd, cmd.saveSessionPath, [&] { return attn::writeSession(session); });
        status != kDone)
        return status;
    if (!cmd.exportDir.isEmpty()) {
        if (const QString error = exportAll(session, result, cmd.exportDir, exportOptions(cmd));
            !error.isEmpty()) {
            printError(error);
            return kWriteFailed;
        }
        if (image)
            if (const int status = writeImageAttention(cmd, *image, result); status != kDone)
                return status;
    }
    result = {}; // the screenshot's document computes its own
    return writeScreenshot(cmd, session, image);
}

} // namespace av

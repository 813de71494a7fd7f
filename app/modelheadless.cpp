#include "modelheadless.h"

#include "commandline.h"
#include "exporter.h"
#include "headless.h"
#include "npzdump.h"
#include "npzwriter.h"
#include "sessionerror.h"
#include "sessionio.h"

#include <QByteArray>
#include <QDir>

namespace av {

int runModelHeadless(const CommandLine& cmd, const attn::Model& model)
{
    // Checked before anything is written: a refused command writes nothing.
    if (cmd.layer > model.layerCount()) {
        printError(QStringLiteral("--layer: the session has %1 blocks, got %2")
                       .arg(model.layerCount())
                       .arg(cmd.layer));
        return kBadInput;
    }
    if (!cmd.screenshotPath.isEmpty()) {
        printError(QStringLiteral("--screenshot: the window shows version 1 sessions in this "
                                  "version; a version 2 session (a whole transformer) is "
                                  "dumped and exported with --headless"));
        return kBadInput;
    }
    // Only a dump or an export needs the pass: without them a run checks the file.
    attn::ModelResult result;
    if (!cmd.dumpPath.isEmpty() || !cmd.npzPath.isEmpty() || !cmd.exportDir.isEmpty())
        result = attn::forwardModel(model, cmd.topK);
    if (!cmd.dumpPath.isEmpty()) {
        std::string dump;
        try {
            dump = attn::writeModelDump(model, result);
        } catch (const attn::SessionError& e) {
            printError(sourceName(cmd) + QStringLiteral(": ") + QString::fromStdString(e.what()));
            return kBadInput;
        }
        if (const QString error = writeOutput(cmd.dumpPath, QByteArray::fromStdString(dump));
            !error.isEmpty()) {
            printError(error);
            return kWriteFailed;
        }
    }
    if (!cmd.npzPath.isEmpty()) {
        try {
            attn::writeModelNpz(QDir::toNativeSeparators(cmd.npzPath).toStdString(), model, result);
        } catch (const attn::SessionError& e) {
            printError(sourceName(cmd) + QStringLiteral(": ") + QString::fromStdString(e.what()));
            return kBadInput;
        } catch (const attn::NpzError& e) {
            printError(QString::fromStdString(e.what()));
            return kWriteFailed;
        }
    }
    if (!cmd.saveSessionPath.isEmpty()) {
        const std::string text = attn::writeModelSession(model);
        if (const QString error = writeOutput(cmd.saveSessionPath, QByteArray::fromStdString(text));
            !error.isEmpty()) {
            printError(error);
            return kWriteFailed;
        }
    }
    if (!cmd.exportDir.isEmpty()) {
        const attn::AttentionView view = attn::attentionView(model, result, cmd.layer - 1);
        if (const QString error = exportAll(view.session, view.result, cmd.exportDir,
                                            exportOptions(cmd));
            !error.isEmpty()) {
            printError(error);
            return kWriteFailed;
        }
    }
    return kDone;
}

} // namespace av

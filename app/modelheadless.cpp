#include "modelheadless.h"

#include "commandline.h"
#include "document.h"
#include "exporter.h"
#include "headless.h"
#include "modelforward.h"
#include "modelwriter.h"
#include "names.h"
#include "npzdump.h"
#include "npzwriter.h"
#include "sessionerror.h"
#include "sessionio.h"

#include <QByteArray>
#include <QDir>

namespace av {
namespace {

/// The v1 figures whose titles hold for a block of a model (the pipeline's formulas are
/// v1's: Q = (X + P) W_Q, without the block's norm and biases).
const QStringList kBlockFigures = {QStringLiteral("attention-heads"),
                                   QStringLiteral("mask"),
                                   QStringLiteral("head-summary"),
                                   QStringLiteral("output"),
                                   QStringLiteral("positional-encoding-curves"),
                                   QStringLiteral("positional-encoding-heatmap")};

/// Block --layer under the v1 names (attention-head-k, scores-head-k and kBlockFigures),
/// attention-layer-L-head-k of every block, and the model's own figures (model-view,
/// predictions). All or nothing.
QString exportModel(const CommandLine& cmd, const attn::Model& model,
                    const attn::ModelResult& result)
{
    if (!QDir().mkpath(cmd.exportDir))
        return QStringLiteral("%1: the folder cannot be created")
            .arg(QDir::toNativeSeparators(cmd.exportDir));
    const ExportOptions options = exportOptions(cmd);
    QVector<QPair<QString, QByteArray>> files;
    const auto add = [&](const attn::AttentionView& view, const QString& figure,
                         const QString& file) {
        files.append({QDir(cmd.exportDir).filePath(file + QLatin1Char('.') + options.format),
                      figureFile(view.session, view.result, figure, options)});
        return !files.last().second.isEmpty();
    };
    for (int l = 0; l < model.layerCount(); ++l) {
        attn::AttentionView view = attn::attentionView(model, result, l);
        view.session.tokens = shownTokens(model); // GPT-2's tokens as text, as on screen
        for (int h = 1; h <= model.heads(); ++h) {
            const QString head = QStringLiteral("attention-head-%1").arg(h);
            bool drawn =
                add(view, head, QStringLiteral("attention-layer-%1-head-%2").arg(l + 1).arg(h));
            if (l == cmd.layer - 1)
                drawn = drawn && add(view, head, head) &&
                        add(view, QStringLiteral("scores-head-%1").arg(h),
                            QStringLiteral("scores-head-%1").arg(h));
            if (!drawn)
                return QStringLiteral("%1: the figure could not be drawn").arg(files.last().first);
        }
        if (l == cmd.layer - 1)
            for (const QString& figure : kBlockFigures)
                if (!add(view, figure, figure))
                    return QStringLiteral("%1: the figure could not be drawn")
                        .arg(files.last().first);
    }
    for (const QString& figure : modelFigureNames(model, result)) {
        files.append({QDir(cmd.exportDir).filePath(figure + QLatin1Char('.') + options.format),
                      modelFigureFile(model, result, figure, options)});
        if (files.last().second.isEmpty())
            return QStringLiteral("%1: the figure could not be drawn").arg(files.last().first);
    }
    return writeAllOrNothing(files);
}

/// --dump-json and --dump-npz of the pass in Scalar (`computed`: that pass, when done).
template <typename Scalar>
int writeDumps(const CommandLine& cmd, const attn::BasicModel<Scalar>& model,
               const attn::BasicModelResult<Scalar>* computed = nullptr)
{
    attn::BasicModelResult<Scalar> own;
    if (!computed)
        own = attn::forwardModel(model, cmd.topK);
    const attn::BasicModelResult<Scalar>& result = computed ? *computed : own;
    if (const int status =
            writeText(cmd, cmd.dumpPath, [&] { return attn::writeModelDump(model, result); });
        status != kDone)
        return status;
    return writeNpz(cmd,
                    [&](const std::string& path) { attn::writeModelNpz(path, model, result); });
}

} // namespace

int runModelHeadless(const CommandLine& cmd, const attn::Model& model)
{
    // Checked before anything is written: a refused command writes nothing.
    if (cmd.layer > model.layerCount()) {
        printError(QStringLiteral("--layer: the session has %1 blocks, got %2")
                       .arg(model.layerCount())
                       .arg(cmd.layer));
        return kBadInput;
    }
    // Only a dump or an export needs the pass: without them a run checks the file. The
    // figures draw the double pass; the dumps are of the pass in --precision.
    const bool float32 = cmd.float32.value_or(!model.folder.empty());
    const bool dumps = !cmd.dumpPath.isEmpty() || !cmd.npzPath.isEmpty();
    attn::ModelResult result;
    if ((dumps && !float32) || !cmd.exportDir.isEmpty())
        result = attn::forwardModel(model, cmd.topK);
    if (dumps) {
        const int status = float32 ? writeDumps(cmd, attn::castModel<float>(model))
                                   : writeDumps(cmd, model, &result);
        if (status != kDone)
            return status;
    }
    if (const int status = writeText(cmd, cmd.saveSessionPath,
                                     [&] {
                                         // A model folder's session refers to it, relative to where
                                         // it is written.
                                         return Document::fileText(model, cmd.saveSessionPath);
                                     });
        status != kDone)
        return status;
    if (!cmd.exportDir.isEmpty()) {
        if (const QString error = exportModel(cmd, model, result); !error.isEmpty()) {
            printError(error);
            return kWriteFailed;
        }
    }
    // Checked here: the screenshot's document takes a copy of the model (1 GB for GPT-2).
    if (cmd.screenshotPath.isEmpty())
        return kDone;
    return writeScreenshot(cmd, model);
}

} // namespace av

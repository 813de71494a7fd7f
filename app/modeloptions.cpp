#include "modeloptions.h"

#include "commandline.h"
#include "tasks.h"
#include "tokenisation.h"
#include "trainer.h"

#include <QCommandLineParser>
#include <QStringList>

namespace av {
namespace {

/// "1.2,2.1" → {(0, 1), (1, 0)}: on screen and on the command line blocks and heads count
/// from 1, in files from 0.
bool parseAblation(const QString& text, std::vector<std::pair<int, int>>& out, QString& error)
{
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList parts = item.trimmed().split(QLatin1Char('.'));
        bool okBlock = false, okHead = false;
        const int block = parts.value(0).toInt(&okBlock);
        const int head = parts.value(1).toInt(&okHead);
        if (parts.size() != 2 || !okBlock || !okHead || block < 1 || head < 1) {
            error = QStringLiteral("--ablate: expected BLOCK.HEAD pairs counted from 1 "
                                   "(e.g. 1.2,2.1), got \"%1\"")
                        .arg(item);
            return false;
        }
        out.emplace_back(block - 1, head - 1);
    }
    return true;
}

} // namespace

bool parseModelOptions(const QCommandLineParser& parser, CommandLine& cmd, QString& error)
{
    attn::SessionOverrides& o = cmd.overrides;
    std::optional<int> layer, topK;
    if (!parseInt(parser, "layers", 1, attn::kMaxLayers, o.layers, error) ||
        !parseInt(parser, "ffn", 0, 16 * attn::kMaxDModel, o.ffn, error) ||
        !parseInt(parser, "layer", 1, attn::kMaxLayers, layer, error) ||
        !parseInt(parser, "top-k", 1, attn::kMaxVocabulary, topK, error))
        return false;
    cmd.layer = layer.value_or(cmd.layer);
    cmd.modelDir = parser.value("model");
    if (parser.isSet("model") && !cmd.sessionPath.isEmpty()) {
        error = QStringLiteral("--model: open a model folder or a session file, not both");
        return false;
    }
    if (parser.isSet("text") && parser.isSet("tokens")) {
        error = QStringLiteral("--text: give --text or --tokens, not both");
        return false;
    }
    // Null without --text: a model folder then opens on its short sentence.
    cmd.text = parser.isSet("text") ? parser.value("text") : QString();
    if (parser.isSet("text") && !parser.isSet("model"))
        cmd.overrides.tokens = attn::splitTokens(cmd.text.toStdString());
    cmd.topK = topK.value_or(cmd.topK);
    if (parser.value("dump-npz") == QLatin1String("-")) {
        error =
            QStringLiteral("--dump-npz: an archive is written to a file, not to standard output");
        return false;
    }
    if (parser.isSet("norm")) {
        o.norm = attn::parseNormPlacement(parser.value("norm").toStdString());
        if (!o.norm) {
            error = QStringLiteral("--norm: expected pre, post or none, got \"%1\"")
                        .arg(parser.value("norm"));
            return false;
        }
    }
    if (parser.isSet("residual")) {
        const QString value = parser.value("residual");
        if (value != QLatin1String("on") && value != QLatin1String("off")) {
            error = QStringLiteral("--residual: expected on or off, got \"%1\"").arg(value);
            return false;
        }
        o.residual = value == QLatin1String("on");
    }
    if (parser.isSet("precision")) {
        const QString value = parser.value("precision");
        if (value != QLatin1String("float32") && value != QLatin1String("float64")) {
            error =
                QStringLiteral("--precision: expected float32 or float64, got \"%1\"").arg(value);
            return false;
        }
        cmd.float32 = value == QLatin1String("float32");
    }
    if (parser.isSet("ablate")) {
        std::vector<std::pair<int, int>> pairs;
        if (!parseAblation(parser.value("ablate"), pairs, error))
            return false;
        o.ablate = pairs;
    }
    return true;
}

bool parseTrainOptions(const QCommandLineParser& parser, CommandLine& cmd, QString& error)
{
    std::optional<int> steps, batch;
    std::optional<double> rate;
    if (!parseInt(parser, "steps", 1, attn::kMaxTrainingSteps, steps, error) ||
        !parseInt(parser, "batch", 1, attn::kMaxBatch, batch, error) ||
        !parsePositive(parser, "learning-rate", rate, error))
        return false;
    const bool trainingOption = steps || batch || rate || parser.isSet("corpus");
    if (!parser.isSet("train")) {
        if (trainingOption)
            error = QStringLiteral("--steps, --batch, --learning-rate and --corpus apply to "
                                   "--train");
        return !trainingOption;
    }
    cmd.train = parser.value("train");
    const bool text = cmd.train == QLatin1String("text");
    if (!text && !attn::defaultTask(cmd.train.toStdString())) {
        QStringList names;
        for (const std::string& name : attn::taskNames())
            names << QString::fromStdString(name);
        error = QStringLiteral("--train: unknown task \"%1\" (known: %2, text)")
                    .arg(cmd.train, names.join(QStringLiteral(", ")));
        return false;
    }
    cmd.corpusPath = parser.value("corpus");
    if (text != !cmd.corpusPath.isEmpty()) {
        error = text ? QStringLiteral("--train text needs --corpus FILE (a UTF-8 text file)")
                     : QStringLiteral("--corpus applies to --train text");
        return false;
    }
    if (!cmd.headless) {
        error = QStringLiteral("--train needs --headless (in the window: the Train panel)");
        return false;
    }
    cmd.trainSteps = steps.value_or(cmd.trainSteps);
    cmd.trainOptions.batch = batch.value_or(cmd.trainOptions.batch);
    cmd.trainOptions.learningRate = rate.value_or(cmd.trainOptions.learningRate);
    return true;
}

} // namespace av

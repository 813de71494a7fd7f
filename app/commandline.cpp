#include "commandline.h"

#include "demoswindow.h"
#include "modeldocks.h"
#include "modeloptions.h"
#include "walkthrough.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMap>

namespace av {
namespace {

/// The last --step accepted: one attention layer's walk has 11 steps (kWalkStepCount), a
/// block of a whole transformer more (its norms, sums, FFN and, last, the predictions). A
/// step past the walk's end shows its last step.
constexpr int kMaxWalkStep = 40;

constexpr int kBadInput = 2;

/// An option's value that must be one of the format's kind names.
template <typename Kind, typename Parse>
bool parseKind(const QCommandLineParser& parser, const QString& name, Parse parse,
               std::optional<Kind>& out, QString& error)
{
    if (!parser.isSet(name))
        return true;
    const QString value = parser.value(name);
    if (const auto kind = parse(value.toStdString())) {
        out = *kind;
        return true;
    }
    error = QStringLiteral("--%1: unknown value \"%2\"").arg(name, value);
    return false;
}

} // namespace

bool parsePositive(const QCommandLineParser& parser, const QString& name,
                   std::optional<double>& out, QString& error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(value) || value <= 0) {
        error =
            QStringLiteral("--%1: expected a number > 0, got \"%2\"").arg(name, parser.value(name));
        return false;
    }
    out = value;
    return true;
}

namespace {

/// The options of docs/command-line.md; value: the placeholder of an option that
/// takes one, empty for a switch.
struct OptionText
{
    const char* name;
    const char* description;
    const char* value;
};

constexpr const char* kSessionArgument =
    QT_TRANSLATE_NOOP("av::CommandLine", "Session file (.attn.json) to open.");

constexpr OptionText kOptions[] = {
    {"headless",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "No window: compute, dump, export or take a screenshot, then exit."),
     ""},
    {"session", QT_TRANSLATE_NOOP("av::CommandLine", "Load a session file."), "FILE"},
    {"tokens", QT_TRANSLATE_NOOP("av::CommandLine", "Tokens, split on white space."), "TEXT"},
    {"d-model", QT_TRANSLATE_NOOP("av::CommandLine", "Model width d_model."), "N"},
    {"heads", QT_TRANSLATE_NOOP("av::CommandLine", "Number of heads (must divide d_model)."), "N"},
    {"seed", QT_TRANSLATE_NOOP("av::CommandLine", "Seed for derived embeddings and weights."), "N"},
    {"pe", QT_TRANSLATE_NOOP("av::CommandLine", "Positional encoding: none|sinusoidal."), "KIND"},
    {"pe-base",
     QT_TRANSLATE_NOOP("av::CommandLine", "Base of the sinusoidal encoding (default 10000)."), "B"},
    {"score",
     QT_TRANSLATE_NOOP("av::CommandLine", "Score function: scaled_dot|dot|cosine|additive."),
     "KIND"},
    {"mask", QT_TRANSLATE_NOOP("av::CommandLine", "Mask: none|causal|window|causal_window."),
     "KIND"},
    {"window", QT_TRANSLATE_NOOP("av::CommandLine", "Radius of the window masks."), "R"},
    {"normalizer", QT_TRANSLATE_NOOP("av::CommandLine", "Normalizer: softmax|relu."), "KIND"},
    {"temperature", QT_TRANSLATE_NOOP("av::CommandLine", "Temperature (> 0)."), "T"},
    {"lang", QT_TRANSLATE_NOOP("av::CommandLine", "Interface language: en|zh_CN."), "LANG"},
    {"present",
     QT_TRANSLATE_NOOP("av::CommandLine", "Start in presentation mode (full screen, large fonts); "
                                          "with --screenshot, render it."),
     ""},
    {"step",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Open the walkthrough at step N (1-11 for one attention layer; up to 40 for "
                       "a block of a whole transformer); with --screenshot, render it."),
     "N"},
    {"demo",
     QT_TRANSLATE_NOOP(
         "av::CommandLine",
         "Open a demonstration: scaling|shuffle|relative-position|masks|cost|compare; "
         "with --screenshot, render its window."),
     "NAME"},
    {"view",
     QT_TRANSLATE_NOOP(
         "av::CommandLine",
         "With a whole transformer: that view's tab in front, "
         "model-view|head-lines|predictions|rollout|head-roles|encoder-decoder; with --screenshot, "
         "render it."),
     "NAME"},
    {"image",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Open a PNG or JPEG image: its patches, in reading order, are the tokens, "
                       "each patch's RGB values (0-1) its embedding."),
     "FILE"},
    {"patch",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "With --image: patches of P × P pixels (default 1, one pixel a token); "
                       "d_model = 3·P² unless --d-model projects them."),
     "P"},
    {"query",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "With --image: the patch (from 1, reading order) whose attention the "
                       "image-attention figure shows (default: the middle one)."),
     "I"},
    {"model",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Open a GPT-2 checkpoint folder (config.json, model.safetensors, "
                       "vocab.json, merges.txt)."),
     "DIR"},
    {"text",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Text split into tokens by the model's tokenizer (with --model), or on "
                       "white space."),
     "TEXT"},
    {"layers",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Number of transformer blocks (default 1: a version 1 session)."),
     "N"},
    {"norm", QT_TRANSLATE_NOOP("av::CommandLine", "Layer norms of every block: pre|post|none."),
     "KIND"},
    {"ffn",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Width d_ff of every block's feed-forward network (0: none)."),
     "N"},
    {"residual",
     QT_TRANSLATE_NOOP("av::CommandLine", "Residual connections of every block: on|off."), "ON"},
    {"ablate",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Switch off head H of block L (both from 1), e.g. 1.2,2.1."),
     "L.H"},
    {"layer",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "The block (from 1) whose attention the per-head figures show (default 1)."),
     "L"},
    {"top-k",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Next-token predictions per token in a dump (default 10)."),
     "K"},
    {"train",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Train the session's model (or, without one, the task's default model) "
                       "on a task: induction|copy|reverse|previous-token|text; with --headless."),
     "TASK"},
    {"corpus",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "With --train text: the UTF-8 text file to train on, character by "
                       "character."),
     "FILE"},
    {"steps", QT_TRANSLATE_NOOP("av::CommandLine", "Training steps for --train (default 600)."),
     "N"},
    {"batch", QT_TRANSLATE_NOOP("av::CommandLine", "Sequences per training step (default 16)."),
     "N"},
    {"learning-rate",
     QT_TRANSLATE_NOOP("av::CommandLine", "Adam's learning rate for --train (default 0.003)."),
     "LR"},
    {"precision",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "What a dump of a version 2 session is computed in: float32|float64 "
                       "(default float32 for a model folder, float64 for a session file)."),
     "KIND"},
    {"dump-npz",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Write every intermediate matrix as a NumPy .npz archive."),
     "FILE"},
    {"dump-json",
     QT_TRANSLATE_NOOP("av::CommandLine", "Write every intermediate matrix (dump v1; v2 for a "
                                          "version 2 session); - for standard output."),
     "FILE"},
    {"save-session",
     QT_TRANSLATE_NOOP("av::CommandLine", "Write the session as built, every weight included."),
     "FILE"},
    {"export", QT_TRANSLATE_NOOP("av::CommandLine", "Write one file per figure into DIR."), "DIR"},
    {"format",
     QT_TRANSLATE_NOOP("av::CommandLine", "Format of exported figures: png|svg|pdf (default png)."),
     "FORMAT"},
    {"dpi", QT_TRANSLATE_NOOP("av::CommandLine", "Resolution of exported PNGs (default 144)."),
     "N"},
    {"figure-width",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Width of exported figures in inches (default: each figure's own)."),
     "INCHES"},
    {"colormap",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Colour map of exported heatmaps: viridis|cividis|gray (default viridis; "
                       "signed data stays blue-white-red)."),
     "NAME"},
    {"screenshot",
     QT_TRANSLATE_NOOP("av::CommandLine",
                       "Render the main window off screen at 1600×1000 to a PNG."),
     "FILE"},
    {"screenshot-size",
     QT_TRANSLATE_NOOP("av::CommandLine", "Window size for --screenshot (default 1600x1000)."),
     "WxH"},
};

} // namespace

bool parseInt(const QCommandLineParser& parser, const QString& name, int lo, int hi,
              std::optional<int>& out, QString& error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < lo || value > hi) {
        error = QStringLiteral("--%1: expected a whole number from %2 to %3, got \"%4\"")
                    .arg(name)
                    .arg(lo)
                    .arg(hi)
                    .arg(parser.value(name));
        return false;
    }
    out = value;
    return true;
}

std::optional<CommandLine> parseCommandLine(const QStringList& arguments, CommandLineExit& exit)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "AttnViz: see, edit and export every step of multi-head self-attention."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    // Translated when a translator is installed: main.cpp installs one before it parses
    // again for --help (the first parse runs before any QCoreApplication exists).
    const auto text = [](const char* source) {
        return QCoreApplication::translate("av::CommandLine", source);
    };
    parser.addPositionalArgument("SESSION", text(kSessionArgument), "[SESSION]");
    for (const OptionText& option : kOptions)
        parser.addOption(QCommandLineOption(QString::fromLatin1(option.name),
                                            text(option.description),
                                            QString::fromLatin1(option.value)));

    if (!parser.parse(arguments)) {
        exit = {parser.errorText(), kBadInput};
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        // The usage line names the program as typed (argv[0], once main.cpp's second parse
        // has a QCoreApplication) or not at all (the first): "attnviz", as in the man page.
        QString text = parser.helpText();
        const QString typed = QCoreApplication::instance() ? QCoreApplication::arguments().value(0)
                                                           : QStringLiteral("<executable_name>");
        if (const qsizetype at = typed.isEmpty() ? -1 : text.indexOf(typed); at >= 0)
            text.replace(at, typed.size(), QStringLiteral("attnviz"));
        exit = {text, 0};
        exit.help = true;
        exit.language = parser.value("lang");
        return std::nullopt;
    }
    if (parser.isSet(version)) {
        exit = {QCoreApplication::applicationName() + ' ' + QCoreApplication::applicationVersion() +
                    '\n',
                0};
        return std::nullopt;
    }

    CommandLine cmd;
    QString error;
    cmd.headless = parser.isSet("headless");
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet("session"))) {
        exit = {QStringLiteral("only one session can be opened"), kBadInput};
        return std::nullopt;
    }
    cmd.sessionPath = parser.isSet("session") ? parser.value("session") : positional.value(0);

    attn::SessionOverrides& o = cmd.overrides;
    if (parser.isSet("tokens"))
        o.tokens = attn::splitTokens(parser.value("tokens").toStdString());
    std::optional<int> seed;
    std::optional<int> dpi;
    std::optional<attn::PeKind> pe;
    std::optional<int> step;
    bool ok = parseInt(parser, "d-model", 1, attn::kMaxDModel, o.dModel, error) &&
              parseInt(parser, "heads", 1, attn::kMaxDModel, o.heads, error) &&
              parseInt(parser, "seed", 0, std::numeric_limits<int>::max(), seed, error) &&
              parseKind(parser, "pe", attn::parsePeKind, pe, error) &&
              parsePositive(parser, "pe-base", o.peBase, error) &&
              parseKind(parser, "score", attn::parseScoreKind, o.score, error) &&
              parseKind(parser, "mask", attn::parseMaskKind, o.mask, error) &&
              parseInt(parser, "window", 0, attn::kMaxTokens, o.window, error) &&
              parseKind(parser, "normalizer", attn::parseNormalizerKind, o.normalizer, error) &&
              parsePositive(parser, "temperature", o.temperature, error) &&
              parseInt(parser, "dpi", 36, 1200, dpi, error) &&
              parseInt(parser, "step", 1, kMaxWalkStep, step, error);
    if (ok && pe == attn::PeKind::Learned) {
        error = QStringLiteral("--pe: \"learned\" needs a matrix; give it in a session file");
        ok = false;
    }
    if (ok && o.mask == attn::MaskKind::Custom) {
        error = QStringLiteral("--mask: \"custom\" needs a matrix; give it in a session file");
        ok = false;
    }
    cmd.format = parser.value("format").isEmpty() ? QStringLiteral("png") : parser.value("format");
    if (ok && !QStringList{"png", "svg", "pdf"}.contains(cmd.format)) {
        error = QStringLiteral("--format: expected png, svg or pdf, got \"%1\"").arg(cmd.format);
        ok = false;
    }
    cmd.language = parser.value("lang");
    cmd.present = parser.isSet("present");
    if (ok && !cmd.language.isEmpty() && !QStringList{"en", "zh_CN"}.contains(cmd.language)) {
        error = QStringLiteral("--lang: expected en or zh_CN, got \"%1\"").arg(cmd.language);
        ok = false;
    }
    const QMap<QString, ColorMapKind> colorMaps = {
        {QStringLiteral("viridis"), ColorMapKind::Viridis},
        {QStringLiteral("cividis"), ColorMapKind::Cividis},
        {QStringLiteral("gray"), ColorMapKind::Gray}};
    if (ok && parser.isSet("colormap")) {
        const QString name = parser.value("colormap");
        if (colorMaps.contains(name)) {
            cmd.colorMap = colorMaps.value(name);
        } else {
            error = QStringLiteral("--colormap: expected viridis, cividis or gray, got \"%1\"")
                        .arg(name);
            ok = false;
        }
    }
    cmd.demo = parser.value("demo");
    if (ok && parser.isSet("demo") && !DemosWindow::demoNames().contains(cmd.demo)) {
        error = QStringLiteral("--demo: expected one of %1, got \"%2\"")
                    .arg(DemosWindow::demoNames().join(QStringLiteral(", ")), cmd.demo);
        ok = false;
    }
    std::optional<int> patch, query;
    ok = ok && parseInt(parser, "patch", 1, 64, patch, error) &&
         parseInt(parser, "query", 1, attn::kMaxTokens, query, error);
    cmd.imagePath = parser.value("image");
    cmd.patch = patch.value_or(1);
    cmd.query = query.value_or(0);
    if (ok && !parser.isSet("image") && (patch || query)) {
        error = QStringLiteral("--%1 applies to --image").arg(patch ? "patch" : "query");
        ok = false;
    }
    if (ok && parser.isSet("image") &&
        (!cmd.sessionPath.isEmpty() || parser.isSet("model") || parser.isSet("tokens") ||
         parser.isSet("text"))) {
        error = QStringLiteral("--image: the image's patches are the tokens; give no session, "
                               "model, --tokens or --text with it");
        ok = false;
    }
    cmd.view = parser.value("view");
    if (ok && parser.isSet("view") && !ModelDocks::viewNames().contains(cmd.view)) {
        error = QStringLiteral("--view: expected one of %1, got \"%2\"")
                    .arg(ModelDocks::viewNames().join(QStringLiteral(", ")), cmd.view);
        ok = false;
    }
    ok = ok && parseModelOptions(parser, cmd, error) && parseTrainOptions(parser, cmd, error);
    if (!ok) {
        exit = {error, kBadInput};
        return std::nullopt;
    }
    if (seed)
        o.seed = static_cast<std::uint64_t>(*seed);
    o.pe = pe;
    if (dpi)
        cmd.dpi = *dpi;
    cmd.step = step.value_or(0);
    std::optional<double> width;
    if (!parsePositive(parser, "figure-width", width, error) || (width && *width > 100)) {
        exit = {error.isEmpty() ? QStringLiteral("--figure-width: at most 100 inches") : error,
                kBadInput};
        return std::nullopt;
    }
    cmd.figureWidth = width.value_or(0);
    cmd.dumpPath = parser.value("dump-json");
    cmd.npzPath = parser.value("dump-npz");
    cmd.saveSessionPath = parser.value("save-session");
    cmd.exportDir = parser.value("export");
    cmd.screenshotPath = parser.value("screenshot");
    if (parser.isSet("screenshot-size")) {
        const QStringList wh = parser.value("screenshot-size").split(QLatin1Char('x'));
        const int w = wh.value(0).toInt(), h = wh.value(1).toInt();
        if (wh.size() != 2 || w < 320 || h < 240 || w > 7680 || h > 4320) {
            exit = {QStringLiteral(
                        "--screenshot-size: expected WxH between 320x240 and 7680x4320, got \"%1\"")
                        .arg(parser.value("screenshot-size")),
                    kBadInput};
            return std::nullopt;
        }
        cmd.screenshotSize = QSize(w, h);
    }
    const bool wantsOutput = !cmd.dumpPath.isEmpty() || !cmd.npzPath.isEmpty() ||
                             !cmd.saveSessionPath.isEmpty() || !cmd.exportDir.isEmpty() ||
                             !cmd.screenshotPath.isEmpty();
    if (wantsOutput && !cmd.headless) {
        exit = {QStringLiteral("--dump-json, --dump-npz, --save-session, --export and --screenshot "
                               "need --headless"),
                kBadInput};
        return std::nullopt;
    }
    if (parser.isSet("colormap") && cmd.exportDir.isEmpty()) {
        exit = {QStringLiteral("--colormap applies to --export (in the window: View ▸ Colour map)"),
                kBadInput};
        return std::nullopt;
    }
    if (cmd.float32 && cmd.dumpPath.isEmpty() && cmd.npzPath.isEmpty()) {
        exit = {QStringLiteral("--precision applies to --dump-json and --dump-npz (the window, "
                               "the figures and the screenshot compute in float64)"),
                kBadInput};
        return std::nullopt;
    }
    return cmd;
}

} // namespace av

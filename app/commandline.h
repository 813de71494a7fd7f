#pragma once
// The command line of docs/command-line.md, parsed with QCommandLineParser.

#include "colormaps.h"
#include "sessionio.h"
#include "trainer.h"

#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace av {

struct CommandLine
{
    bool headless = false;
    QString sessionPath; ///< --session FILE or the positional SESSION; empty: the default lesson
    attn::SessionOverrides overrides;
    QString modelDir;  ///< --model DIR: a GPT-2 checkpoint folder instead of a session
    QString text;      ///< --text TEXT, tokenised by the model's tokeniser (with --model)
    QString imagePath; ///< --image FILE: the image's patches as the tokens
    int patch = 1;     ///< --patch P: pixels a patch side
    int query = 0;     ///< --query I (from 1): the patch image-attention follows; 0: the middle
    QString dumpPath;  ///< --dump-json FILE, "-" for standard output
    QString npzPath;   ///< --dump-npz FILE
    int layer = 1;     ///< --layer L (from 1): the block the per-head figures show
    int topK = 10;     ///< --top-k K: predictions per token in a dump
    /// --precision float32|float64: what a version 2 pass computes in for --dump-json and
    /// --dump-npz. Unset: float32 for a model folder (as its weights are stored), float64
    /// for a session file (a lesson's exact digits).
    std::optional<bool> float32;
    QString saveSessionPath;
    QString exportDir;
    QString format = QStringLiteral("png");
    int dpi = 144;
    double figureWidth = 0;                        ///< --figure-width INCHES, 0: each figure's own
    ColorMapKind colorMap = ColorMapKind::Viridis; ///< --colormap NAME, for --export
    QString screenshotPath;
    QSize screenshotSize{1600, 1000}; ///< --screenshot-size WxH
    QString language;                 ///< --lang, empty: the system locale
    bool present = false; ///< --present: start in presentation mode (also for --screenshot)
    int step = 0;         ///< --step N: open the walkthrough at step N (from 1); 0: not asked
    QString demo;         ///< --demo NAME: open that demonstration (DemosWindow::demoNames())
    QString view;         ///< --view NAME: that model view's tab in front (ModelDocks::viewNames())
    QString train;        ///< --train TASK, empty: no training
    int trainSteps = 600; ///< --steps N
    QString corpusPath;   ///< --corpus FILE, for --train text
    attn::TrainingOptions trainOptions; ///< --batch, --learning-rate (the seed: the model's)
};

/// What parsing decided when it does not yield a CommandLine: print text and exit.
struct CommandLineExit
{
    CommandLineExit() = default;
    CommandLineExit(QString text, int status) : text(std::move(text)), status(status) {}

    QString text;
    int status = 0;    ///< 0 for --help and --version (text to standard output), 2 for bad input
    bool help = false; ///< --help: main.cpp parses again with the language installed
    QString language;  ///< with help: the --lang given, if any
};

/// Parses arguments (argv, program name first). Either a CommandLine or an exit.
std::optional<CommandLine> parseCommandLine(const QStringList& arguments, CommandLineExit& exit);

} // namespace av

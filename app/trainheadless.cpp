#include "trainheadless.h"

#include "commandline.h"
#include "headless.h"
#include "modelheadless.h"
#include "sessionerror.h"
#include "textcorpus.h"
#include "trainer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace av {
namespace {

/// Fresh sequences a finished run is judged on (a generator of their own).
constexpr int kEvaluationSequences = 200;

/// --corpus FILE as the text task; the alphabet and length of a model trained on it
/// before (its training field), so that the ids stay those of its vocabulary.
attn::TaskSpec corpusTask(const CommandLine& cmd, const attn::Model* model)
{
    const QString path = QDir::toNativeSeparators(cmd.corpusPath);
    QFile file(cmd.corpusPath);
    if (!file.open(QIODevice::ReadOnly))
        throw attn::SessionError(path.toStdString(),
                                 "cannot be read: " + file.errorString().toStdString());
    const std::string text = file.readAll().toStdString();
    attn::TaskSpec before; // of a model trained on text before: its ids must stay
    before.length = attn::kTextLength;
    if (model)
        attn::readTaskFields(model->trainingJson, "text", before);
    try {
        return attn::textTask(QFileInfo(cmd.corpusPath).fileName().toStdString(), text,
                              before.length, before.alphabet);
    } catch (const attn::SessionError& e) {
        throw e.withSource(path.toStdString());
    }
}

attn::Model modelToTrain(const CommandLine& cmd, attn::TaskSpec& task)
{
    const std::string name = cmd.train.toStdString();
    const bool text = name == "text";
    if (cmd.sessionPath.isEmpty() && cmd.modelDir.isEmpty()) {
        task = text ? corpusTask(cmd, nullptr) : attn::taskFor(name, {});
        return attn::taskModel(task, cmd.overrides.seed.value_or(1));
    }
    attn::AnySession any = readCommandLineSession(cmd);
    auto* model = std::get_if<attn::Model>(&any);
    if (!model)
        throw attn::SessionError(
            "--train", "a version 1 session has no vocabulary to predict; train a version 2 "
                       "session, or give no session to train the task's default model");
    try {
        task = text ? corpusTask(cmd, model) : attn::taskFor(name, model->trainingJson);
    } catch (const attn::SessionError& e) {
        throw e.withSource(sourceName(cmd).toStdString());
    }
    return std::move(*model);
}

} // namespace

int runTrainHeadless(const CommandLine& cmd)
{
    QTextStream err(stderr);
    attn::TaskSpec task;
    std::optional<attn::Trainer> trainer;
    try {
        attn::Model model = modelToTrain(cmd, task);
        attn::TrainingOptions options = cmd.trainOptions;
        options.seed = model.settings.seed;
        try {
            trainer.emplace(std::move(model), task, options);
        } catch (const attn::SessionError& e) { // the model's field, in the session's file
            throw e.withSource(sourceName(cmd).toStdString());
        }
    } catch (const attn::SessionError& e) {
        printError(QString::fromStdString(e.what()));
        return kBadInput;
    }
    QElapsedTimer clock;
    clock.start();
    const int every = std::max(1, cmd.trainSteps / 20);
    try {
        for (int s = 1; s <= cmd.trainSteps; ++s) {
            const attn::StepRecord r = trainer->step();
            if (s % every == 0 || s == 1 || s == cmd.trainSteps)
                err << QStringLiteral("step %1/%2  loss %3  accuracy %4")
                           .arg(r.step)
                           .arg(cmd.trainSteps)
                           .arg(r.loss, 0, 'f', 4)
                           .arg(r.accuracy, 0, 'f', 3)
                    << Qt::endl;
        }
    } catch (const attn::SessionError& e) {
        printError(QStringLiteral("--train %1: %2; nothing written")
                       .arg(cmd.train, QString::fromStdString(e.what())));
        return kBadInput;
    }
    const double seconds = clock.elapsed() / 1000.0;
    const attn::Real accuracy =
        trainer->evaluate(kEvaluationSequences, trainer->options().seed + 1);
    err << QStringLiteral("trained %1 for %2 steps in %3 s; accuracy %4 on %5 fresh sequences")
               .arg(cmd.train)
               .arg(cmd.trainSteps)
               .arg(seconds, 0, 'f', 1)
               .arg(accuracy, 0, 'f', 3)
               .arg(kEvaluationSequences)
        << Qt::endl;
    return runModelHeadless(cmd, trainer->trainedModel());
}

} // namespace av

#include "trainrun.h"

#include "document.h"
#include "sessionerror.h"

#include <QMutexLocker>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>
#include <chrono>

namespace av {

TrainRun::TrainRun(Document* document, QObject* parent) : QObject(parent), m_document(document)
{
    m_frames.setInterval(kFrameMs);
    connect(&m_frames, &QTimer::timeout, this, &TrainRun::showLatest);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &TrainRun::finishRun);
    // An edit, undo or redo while a run goes on stops it: the document applies it to the
    // weights before the run (Document::previewModel), and the run's weights are dropped.
    // Any change of the history not ours also means the trainer's model is not the
    // document's any more.
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (m_committing)
            return;
        m_committedIndex = -1;
        if (m_running)
            abandon(tr("Training stopped: the model was changed while it ran; the run's "
                       "weights were dropped."));
    });
    connect(m_document, &Document::replacing, this, [this] {
        m_committedIndex = -1;
        if (m_running)
            abandon(tr("Training stopped: another session was opened."));
        m_trainer.reset();
    });
}

void TrainRun::abandon(const QString& message)
{
    m_before.reset(); // nothing of the run is committed or shown any more
    m_stop = true;
    m_watcher.waitForFinished(); // a step of a lesson-sized model takes milliseconds
    {
        const QMutexLocker lock(&m_mutex);
        m_error = message;
        m_latest.reset();
    }
    finishRun();
}

TrainRun::~TrainRun()
{
    m_stop = true;
    m_watcher.waitForFinished();
}

QString TrainRun::task() const
{
    return m_trainer ? QString::fromStdString(m_trainer->task().task) : QString();
}

void TrainRun::newModel(const Settings& settings)
{
    if (m_running)
        return;
    const std::uint64_t seed = m_document->hasModel() ? m_document->model().settings.seed : 1;
    try {
        const attn::TaskSpec task = attn::taskFor(settings.task.toStdString(), {});
        m_document->replaceModel(tr("New model for %1").arg(settings.task),
                                 attn::taskModel(task, seed, settings.shape));
    } catch (const attn::SessionError& e) {
        emit failed(QString::fromStdString(e.what()));
        return;
    }
    m_trainer.reset();
    m_history.clear();
    m_headScores.clear();
    emit progressed();
}

bool TrainRun::prepare(const Settings& settings)
{
    if (!m_document->hasModel()) {
        emit failed(tr("Open a transformer, or make a new model for the task, to train it."));
        return false;
    }
    const bool same = m_trainer && m_committedIndex == m_document->undoStack()->index() &&
                      settings.task == task() &&
                      settings.options.batch == m_trainer->options().batch &&
                      settings.options.learningRate == m_trainer->options().learningRate;
    if (same)
        return true;
    try {
        const attn::Model& model = m_document->model();
        const attn::TaskSpec spec = attn::taskFor(settings.task.toStdString(), model.trainingJson);
        attn::TrainingOptions options = settings.options;
        options.seed = model.settings.seed;
        m_trainer = std::make_unique<attn::Trainer>(model, spec, options);
    } catch (const attn::SessionError& e) {
        m_trainer.reset();
        emit failed(tr("Cannot train this model on %1: %2")
                        .arg(settings.task, QString::fromStdString(e.what())));
        return false;
    }
    m_history = m_trainer->history();
    m_headScores = m_trainer->headScores();
    return true;
}

bool TrainRun::start(const Settings& settings)
{
    if (m_running || !prepare(settings))
        return false;
    m_before = m_document->model();
    m_stop = false;
    {
        const QMutexLocker lock(&m_mutex);
        m_error.clear();
        m_latest.reset();
    }
    m_running = true;
    attn::Trainer* trainer = m_trainer.get();
    m_watcher.setFuture(QtConcurrent::run([this, trainer] {
        using Clock = std::chrono::steady_clock;
        auto shown = Clock::now() - std::chrono::seconds(1);
        while (!m_stop) {
            try {
                trainer->step();
            } catch (const std::exception& e) { // a loss no longer finite, or memory
                const QMutexLocker lock(&m_mutex);
                m_error = QString::fromStdString(e.what());
                break;
            }
            const bool last = m_stop;
            if (last || Clock::now() - shown >= std::chrono::milliseconds(kFrameMs)) {
                const QMutexLocker lock(&m_mutex);
                m_latest = trainer->model();
                m_latestHistory = trainer->history();
                m_latestScores = trainer->headScores();
                shown = Clock::now();
            }
        }
        const QMutexLocker lock(&m_mutex);
        m_latest = trainer->model();
        m_latestHistory = trainer->history();
        m_latestScores = trainer->headScores();
    }));
    m_frames.start();
    emit runningChanged(true);
    return true;
}

void TrainRun::pause()
{
    if (!m_running)
        return;
    m_stop = true;
    m_watcher.waitForFinished(); // a step of a lesson-sized model takes milliseconds
    finishRun();
}

bool TrainRun::step(const Settings& settings)
{
    if (m_running || !prepare(settings))
        return false;
    m_before = m_document->model();
    try {
        m_trainer->step();
    } catch (const std::exception& e) {
        m_before.reset();
        emit failed(QString::fromStdString(e.what()));
        return false;
    }
    m_latest = m_trainer->model();
    m_history = m_trainer->history();
    m_headScores = m_trainer->headScores();
    commit();
    emit progressed();
    return true;
}

void TrainRun::showLatest()
{
    std::optional<attn::Model> latest;
    {
        const QMutexLocker lock(&m_mutex);
        latest.swap(m_latest);
        if (latest) {
            m_history = m_latestHistory;
            m_headScores = m_latestScores;
        }
    }
    if (!latest || !m_before) // stopped by a change of the model: it stays as changed
        return;
    // While the run goes on the indexChanged above is not ours: preview pushes nothing.
    m_document->previewModel(*latest);
    emit progressed();
}

void TrainRun::finishRun()
{
    if (!m_running)
        return;
    m_frames.stop();
    showLatest();
    m_running = false;
    if (m_before)
        commit();
    else
        m_trainer.reset(); // its weights were not kept: the next run starts from the model
    QString error;
    {
        const QMutexLocker lock(&m_mutex);
        error = m_error;
    }
    emit runningChanged(false);
    if (!error.isEmpty())
        emit failed(error);
}

void TrainRun::commit()
{
    attn::Model after = m_trainer->trainedModel();
    after.settings.tokens = m_trainer->model().settings.tokens; // the sentence shown stays
    const int steps = int(m_history.size());
    m_committing = true;
    m_document->commitModel(tr("Train %1 (to step %2)").arg(task()).arg(steps), *m_before,
                            std::move(after));
    m_committing = false;
    m_committedIndex = m_document->undoStack()->index();
    m_before.reset();
}

} // namespace av

#pragma once
// Training in the window (docs/training.md): an attn::Trainer on a worker thread, its
// weights shown in the document at most 30 times a second, and each run (Start to Pause,
// or one Step) one undo step. The window stays responsive: the GUI thread only copies the
// latest weights and redraws.

#include "trainer.h"

#include <QFutureWatcher>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>

namespace av {

class Document;

class TrainRun : public QObject
{
    Q_OBJECT

public:
    /// What the Train panel sets: the task and options of a run, and the shape of a new model.
    struct Settings
    {
        QString task = QStringLiteral("induction");
        attn::TaskModelShape shape;
        attn::TrainingOptions options;
    };

    explicit TrainRun(Document* document, QObject* parent = nullptr);
    ~TrainRun() override;

    /// Replaces the document's model by the task's default model of settings' shape, its
    /// weights derived from the model's seed (1 without a model): one undo step.
    void newModel(const Settings& settings);
    /// Trains the document's model on the worker until pause(). False, with failed()
    /// emitted, when the model cannot be trained on the task (a vocabulary without the
    /// task's tokens, …); nothing changes then.
    bool start(const Settings& settings);
    /// Stops after the step under way; the run becomes one undo step.
    void pause();
    /// One step on the GUI thread, one undo step.
    bool step(const Settings& settings);
    bool isRunning() const { return m_running; }

    /// The run's steps and head scores so far (the GUI's copy, as last shown).
    const std::vector<attn::StepRecord>& history() const { return m_history; }
    const std::vector<attn::HeadScoreRecord>& headScores() const { return m_headScores; }
    /// The task of the run's trainer ("" before the first run).
    QString task() const;

    /// How often the views are refreshed while a run goes on, at most.
    static constexpr int kFrameMs = 33;

signals:
    /// New weights, history and head scores are shown.
    void progressed();
    void runningChanged(bool running);
    /// A run could not start, or stopped: a loss that is no longer finite, an edit of the
    /// model while it ran. The message says why; the weights shown are the last good ones.
    void failed(const QString& message);

private:
    /// A trainer for the document's model, kept when it is the model the last run left.
    bool prepare(const Settings& settings);
    void showLatest();
    /// Stops a run without keeping its weights, with message for failed().
    void abandon(const QString& message);
    void finishRun();
    void commit();

    Document* m_document;
    std::unique_ptr<attn::Trainer> m_trainer;
    QFutureWatcher<void> m_watcher;
    std::atomic<bool> m_stop = false;
    bool m_running = false;
    bool m_committing = false; ///< our own undo step is being pushed
    QTimer m_frames;
    int m_committedIndex = -1; ///< the undo stack's index when the trainer's model was shown

    /// The run's model before it began, for its undo step.
    std::optional<attn::Model> m_before;

    /// Written by the worker, read by the GUI thread, under m_mutex.
    QMutex m_mutex;
    std::optional<attn::Model> m_latest;
    std::vector<attn::StepRecord> m_latestHistory;
    std::vector<attn::HeadScoreRecord> m_latestScores;
    QString m_error;

    std::vector<attn::StepRecord> m_history;
    std::vector<attn::HeadScoreRecord> m_headScores;
};

} // namespace av

#pragma once
// A training run (docs/training.md): Adam on the mean cross-entropy of a batch of a task's
// sequences per step, from a seeded generator, so that the same seed gives the same
// weights bit for bit. The model stays a plain Model: after a run it edits as before.

#include "gradient.h"
#include "tasks.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attn {

struct TrainingOptions
{
    int batch = 16;
    double learningRate = 3e-3;
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8; ///< Adam's usual defaults
    std::uint64_t seed = 1;                            ///< the data's generator
};

/// Bounds the window and the command line share.
inline constexpr int kMaxTrainingSteps = 1000000;
inline constexpr int kMaxBatch = 4096;
inline constexpr int kMaxTaskLength = 256;

/// One step's mean loss and accuracy over its batch's target positions.
struct StepRecord
{
    int step = 0; ///< from 1
    Real loss = 0;
    Real accuracy = 0;
};

/// Every head's previous-token and prefix-matching scores (headroles.h) at one step, on the
/// run's scoring sequence (a fresh one of the task, the same throughout the run), blocks
/// first: what shows which head becomes the induction head, and when.
struct HeadScoreRecord
{
    int step = 0; ///< 0: before the first step
    std::vector<Real> previousToken, prefixMatching;
};

/// How often a run scores its heads (every step would cost a pass each).
inline constexpr int kHeadScoreInterval = 10;

/// What a model's `training` field records of its run: the loss and accuracy of each step
/// and the head scores; empty where the field has none (a session trained elsewhere).
struct TrainingHistory
{
    std::string task;
    std::vector<StepRecord> steps;
    std::vector<HeadScoreRecord> headScores;
};
TrainingHistory readTrainingHistory(const std::string& trainingJson);

class Trainer
{
public:
    /// Throws SessionError naming the field when the model cannot be trained, the task is
    /// unknown, or an option is out of range (training.batch, training.learning_rate, …).
    Trainer(Model model, TaskSpec task, TrainingOptions options);

    /// One step of Adam on a fresh batch. Throws SessionError when the loss or a gradient
    /// is not finite; the model then keeps the weights before the step.
    StepRecord step();

    /// Accuracy on `sequences` fresh sequences of a generator of its own (seeded by seed),
    /// never the ones a step trains on.
    Real evaluate(int sequences, std::uint64_t seed) const;

    const Model& model() const { return m_model; }
    const TaskSpec& task() const { return m_task; }
    const TrainingOptions& options() const { return m_options; }
    const std::vector<StepRecord>& history() const { return m_history; }
    const std::vector<HeadScoreRecord>& headScores() const { return m_headScores; }

    /// The model with its `training` field (task, alphabet, prefix, length, steps, seed,
    /// batch, learning rate, the loss and accuracy of every step) and one fresh sequence
    /// of the task as its tokens.
    Model trainedModel() const;

private:
    Model m_model;
    TaskSpec m_task;
    TrainingOptions m_options;
    std::vector<std::string> m_vocabulary; ///< the model's, for the targets' ids
    std::mt19937_64 m_random;
    std::vector<std::vector<Real>> m_first, m_second; ///< Adam's moments, per parameter
    Model m_gradient; ///< where each step's gradient accumulates (the model's shape)
    std::vector<StepRecord> m_history;
    std::vector<std::string> m_scoring; ///< the scoring sequence's tokens
    std::vector<HeadScoreRecord> m_headScores;

    void scoreHeads();
};

} // namespace attn

#include "trainer.h"

#include "headroles.h"
#include "modelforward.h"
#include "sessionerror.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace attn {
namespace {

/// The training generator's seed and the evaluation's differ: a run is never scored on the
/// sequences it trained on.
constexpr std::uint64_t kShownSequence = 0x5eedULL;
constexpr std::uint64_t kScoringSequence = 0x5c0eULL;

void check(bool ok, const std::string& field, const std::string& problem)
{
    if (!ok)
        throw SessionError(field, problem);
}

} // namespace

Trainer::Trainer(Model model, TaskSpec task, TrainingOptions options)
    : m_model(std::move(model)), m_task(std::move(task)), m_options(options), m_random(options.seed)
{
    check(defaultTask(m_task.task).has_value() || (m_task.task == "text" && m_task.text),
          "training.task",
          "unknown task \"" + m_task.task +
              "\" (known: induction, copy, reverse, previous-token, text)");
    check(m_task.length >= 1 && m_task.length <= kMaxTaskLength, "training.length",
          "expected 1 to " + std::to_string(kMaxTaskLength) + ", got " +
              std::to_string(m_task.length));
    check(!m_task.alphabet.empty(), "training.alphabet", "needs at least one symbol");
    check(m_options.batch >= 1 && m_options.batch <= kMaxBatch, "training.batch",
          "expected 1 to " + std::to_string(kMaxBatch) + ", got " +
              std::to_string(m_options.batch));
    check(std::isfinite(m_options.learningRate) && m_options.learningRate > 0,
          "training.learning_rate", "expected a finite number above 0");
    if (const std::string reason = untrainableReason(m_model); !reason.empty())
        throw SessionError("", reason);
    m_vocabulary = m_model.vocabulary;
    for (const std::string& token : taskVocabulary(m_task))
        check(std::find(m_vocabulary.begin(), m_vocabulary.end(), token) != m_vocabulary.end(),
              "vocabulary", "lacks \"" + token + "\", which the task " + m_task.task + " uses");
    const int n = taskSequenceLength(m_task);
    if (m_model.settings.positional.kind == PeKind::Learned)
        check(m_model.learnedPositions.rows() >= n, "positional_encoding.matrix",
              std::to_string(m_model.learnedPositions.rows()) + " rows, fewer than the " +
                  std::to_string(n) + " tokens of the task's sequences");
    check(m_model.settings.mask.kind != MaskKind::Custom, "mask",
          "a custom mask is drawn for one length; the task's sequences have " + std::to_string(n) +
              " tokens");
    for (std::span<Real> p : parameters(m_model)) {
        m_first.emplace_back(p.size(), 0.0);
        m_second.emplace_back(p.size(), 0.0);
    }
    std::mt19937_64 scoring(m_options.seed ^ kScoringSequence);
    m_scoring = makeExample(m_task, m_vocabulary, scoring).tokens;
    scoreHeads();
}

void Trainer::scoreHeads()
{
    Model m = m_model;
    m.settings.tokens = m_scoring;
    HeadScoreRecord record;
    record.step = static_cast<int>(m_history.size());
    for (const HeadRole& role : headRoles(m, forwardModel(m, 0))) {
        record.previousToken.push_back(role.previousToken);
        record.prefixMatching.push_back(role.prefixMatching);
    }
    m_headScores.push_back(std::move(record));
}

StepRecord Trainer::step()
{
    if (m_gradient.layers.empty())
        m_gradient = zeroGradient(m_model);
    Model& grad = m_gradient;
    for (std::span<Real> g : parameters(grad)) // the same arrays each step: no allocation
        std::fill(g.begin(), g.end(), 0.0);
    const std::vector<std::string> shown = m_model.settings.tokens;
    LossSum total;
    for (int b = 0; b < m_options.batch; ++b) {
        const Example e = makeExample(m_task, m_vocabulary, m_random);
        m_model.settings.tokens = e.tokens;
        const LossSum s = accumulateGradient(m_model, forwardModel(m_model, 0), e.targets, grad);
        total.loss += s.loss;
        total.count += s.count;
        total.correct += s.correct;
    }
    m_model.settings.tokens = shown;
    const int t = static_cast<int>(m_history.size()) + 1;
    const Real scale = 1.0 / std::max(1, total.count); // the mean over the batch's targets
    std::vector<std::span<Real>> weights = parameters(m_model);
    const std::vector<std::span<Real>> slopes = parameters(grad);
    bool finite = std::isfinite(total.loss);
    for (const std::span<Real> g : slopes)
        finite = finite && std::all_of(g.begin(), g.end(), [](Real x) { return std::isfinite(x); });
    if (!finite)
        throw SessionError("training", "the loss became NaN or infinite at step " +
                                           std::to_string(t) +
                                           "; the weights are those before it (try a lower "
                                           "learning rate)");
    const TrainingOptions& o = m_options;
    const Real correction1 = 1 - std::pow(o.beta1, t), correction2 = 1 - std::pow(o.beta2, t);
    for (std::size_t p = 0; p < weights.size(); ++p)
        for (std::size_t i = 0; i < weights[p].size(); ++i) {
            const Real g = slopes[p][i] * scale;
            Real& first = m_first[p][i];
            Real& second = m_second[p][i];
            first = o.beta1 * first + (1 - o.beta1) * g;
            second = o.beta2 * second + (1 - o.beta2) * g * g;
            weights[p][i] -= o.learningRate * (first / correction1) /
                             (std::sqrt(second / correction2) + o.epsilon);
        }
    const StepRecord record{t, total.loss * scale, Real(total.correct) * scale};
    m_history.push_back(record);
    if (t % kHeadScoreInterval == 0)
        scoreHeads();
    return record;
}

Real Trainer::evaluate(int sequences, std::uint64_t seed) const
{
    std::mt19937_64 random(seed);
    Model m = m_model;
    LossSum total;
    for (int i = 0; i < sequences; ++i) {
        const Example e = makeExample(m_task, m_vocabulary, random);
        m.settings.tokens = e.tokens;
        const LossSum s = lossOf(forwardModel(m, 0), e.targets);
        total.count += s.count;
        total.correct += s.correct;
    }
    return total.count ? Real(total.correct) / total.count : 0;
}

Model Trainer::trainedModel() const
{
    Model m = m_model;
    std::mt19937_64 random(m_options.seed ^ kShownSequence);
    m.settings.tokens = makeExample(m_task, m_vocabulary, random).tokens;
    if (m.settings.title.empty() || m.settings.title.rfind("Trained on ", 0) == 0)
        m.settings.title = "Trained on " +
                           (m_task.corpus.empty() ? m_task.task : "the text " + m_task.corpus) +
                           ": " + std::to_string(m_history.size()) + " steps, seed " +
                           std::to_string(m_options.seed);
    nlohmann::json losses = nlohmann::json::array(), accuracies = nlohmann::json::array();
    for (const StepRecord& r : m_history) {
        losses.push_back(r.loss);
        accuracies.push_back(r.accuracy);
    }
    nlohmann::json scores = nlohmann::json::array();
    for (const HeadScoreRecord& r : m_headScores)
        scores.push_back({{"step", r.step},
                          {"previous_token", r.previousToken},
                          {"prefix_matching", r.prefixMatching}});
    nlohmann::json training = {{"task", m_task.task},
                               {"alphabet", m_task.alphabet},
                               {"prefix", m_task.prefix},
                               {"length", m_task.length},
                               {"steps", m_history.size()},
                               {"seed", m_options.seed},
                               {"batch", m_options.batch},
                               {"learning_rate", m_options.learningRate},
                               {"loss", losses},
                               {"accuracy", accuracies},
                               {"head_scores", scores}};
    if (!m_task.corpus.empty()) {
        training["corpus"] = m_task.corpus;
        training["tokens"] = "characters";
    }
    m.trainingJson = training.dump();
    return m;
}

TrainingHistory readTrainingHistory(const std::string& trainingJson)
{
    TrainingHistory h;
    const nlohmann::json j = nlohmann::json::parse(trainingJson, nullptr, false);
    if (!j.is_object())
        return h;
    const auto numbers = [](const nlohmann::json& list) {
        std::vector<Real> out;
        if (list.is_array())
            for (const nlohmann::json& x : list)
                out.push_back(x.is_number() ? x.get<Real>() : 0.0);
        return out;
    };
    if (j.contains("task") && j["task"].is_string())
        h.task = j["task"].get<std::string>();
    const std::vector<Real> loss = numbers(j.value("loss", nlohmann::json()));
    const std::vector<Real> accuracy = numbers(j.value("accuracy", nlohmann::json()));
    for (std::size_t i = 0; i < loss.size(); ++i)
        h.steps.push_back(
            {static_cast<int>(i) + 1, loss[i], i < accuracy.size() ? accuracy[i] : 0});
    const nlohmann::json scores = j.value("head_scores", nlohmann::json());
    if (scores.is_array())
        for (const nlohmann::json& r : scores) {
            if (!r.is_object() || !r.value("step", nlohmann::json()).is_number_integer())
                continue;
            h.headScores.push_back({r["step"].get<int>(),
                                    numbers(r.value("previous_token", nlohmann::json())),
                                    numbers(r.value("prefix_matching", nlohmann::json()))});
        }
    return h;
}

} // namespace attn

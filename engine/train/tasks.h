#pragma once
// The toy tasks a model trains on (docs/training.md): each makes token sequences from a
// seeded generator, with the vocabulary id each position's logits should predict.

#include "model.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace attn {

/// What the session's `training` field records of a task.
struct TaskSpec
{
    std::string task;                  ///< copy, reverse, previous-token, induction, text
    std::vector<std::string> alphabet; ///< the symbols s is drawn from (text: its characters)
    std::vector<std::string> prefix;   ///< tokens every sequence starts with
    int length = 8;                    ///< |s|, the random part
    /// The shortest s (induction only, whose s varies in length): 0 for ⌈length/2⌉.
    int minLength = 0;
    /// text: the corpus's file name (as recorded) and its characters as tokens
    /// (textcorpus.h); a sequence is `length` of them from a random place.
    std::string corpus;
    std::shared_ptr<const std::vector<std::string>> text;
};

/// One sequence and its targets: targets[i] is the vocabulary id position i should predict,
/// −1 where nothing is asked.
struct Example
{
    std::vector<std::string> tokens;
    std::vector<int> targets;
};

/// The task names, in the order the window lists them.
const std::vector<std::string>& taskNames();

/// The task's defaults (alphabet a–j, prefix <s>, its length); nullopt for an unknown name.
std::optional<TaskSpec> defaultTask(const std::string& name);

/// The task a model trains on: its `training` field's alphabet, prefix and length when it
/// was trained on the same task before, the defaults otherwise. Throws SessionError naming
/// the field (training.alphabet, …) when that field is malformed.
TaskSpec taskFor(const std::string& name, const std::string& trainingJson);
/// The alphabet, prefix and length of a `training` field into t when the field is of task
/// `name` (then true). Throws SessionError naming the field when it is malformed.
bool readTaskFields(const std::string& trainingJson, const std::string& name, TaskSpec& t);

/// The vocabulary a task's model needs: the prefix, the separator "|" where the task has
/// one, the alphabet.
std::vector<std::string> taskVocabulary(const TaskSpec& task);

/// How many tokens a sequence of the task has at most.
int taskSequenceLength(const TaskSpec& task);

/// A sequence drawn with `random`: s is `length` symbols of the alphabet, without repeats
/// when the alphabet has enough of them (so that every target is determined by the tokens
/// before it); ids index `vocabulary` (taskVocabulary's order or any that holds them).
Example makeExample(const TaskSpec& task, const std::vector<std::string>& vocabulary,
                    std::mt19937_64& random);

/// The sizes of a task's model.
struct TaskModelShape
{
    int layers = 2;
    int heads = 2;
    int dModel = 32;
    int dFf = 0; ///< 0: no FFN
};

/// The task's default shape: 2 blocks (1 for previous-token) of 2 heads, d_model 32, no FFN;
/// for text 2 blocks of 4 heads, d_model 64, an FFN of 256.
TaskModelShape defaultShape(const std::string& task);

/// A model for the task (docs/training.md): pre-norm blocks of that shape, learned
/// positions for the task's longest sequence, a causal mask, a final norm and a separate
/// unembedding (tied for text); weights derived from seed. Its tokens are one sequence of the task.
/// Throws SessionError when the shape is refused (heads that do not divide d_model, …).
Model taskModel(const TaskSpec& task, std::uint64_t seed, const TaskModelShape& shape);
Model taskModel(const TaskSpec& task, std::uint64_t seed);

} // namespace attn

#include "tasks.h"

#include "initializers.h"
#include "modelreader.h"
#include "sessionerror.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

namespace attn {
namespace {

const std::string kSeparator = "|";

bool hasSeparator(const std::string& task)
{
    return task == "copy" || task == "reverse";
}

int idOf(const std::vector<std::string>& vocabulary, const std::string& token)
{
    const auto it = std::find(vocabulary.begin(), vocabulary.end(), token);
    return it == vocabulary.end() ? -1 : static_cast<int>(it - vocabulary.begin());
}

/// s: `length` symbols, distinct while the alphabet has enough.
std::vector<std::string> drawSymbols(const TaskSpec& task, int length, std::mt19937_64& random)
{
    const int size = static_cast<int>(task.alphabet.size());
    std::vector<std::string> s;
    if (length <= size) {
        std::vector<int> order(size);
        std::iota(order.begin(), order.end(), 0);
        // A partial Fisher–Yates shuffle of our own: std::shuffle's draws are not fixed by
        // the standard, and the same seed must give the same run everywhere.
        for (int i = 0; i < length; ++i) {
            const int j = i + static_cast<int>(random() % static_cast<std::uint64_t>(size - i));
            std::swap(order[i], order[j]);
            s.push_back(task.alphabet[order[i]]);
        }
        return s;
    }
    for (int i = 0; i < length; ++i)
        s.push_back(task.alphabet[random() % static_cast<std::uint64_t>(size)]);
    return s;
}

} // namespace

const std::vector<std::string>& taskNames()
{
    static const std::vector<std::string> names = {"induction", "copy", "reverse",
                                                   "previous-token"};
    return names;
}

std::optional<TaskSpec> defaultTask(const std::string& name)
{
    if (std::find(taskNames().begin(), taskNames().end(), name) == taskNames().end())
        return std::nullopt;
    TaskSpec t;
    t.task = name;
    for (char c = 'a'; c <= 'j'; ++c)
        t.alphabet.emplace_back(1, c);
    t.prefix = {"<s>"};
    t.length = 8;
    return t;
}

bool readTaskFields(const std::string& trainingJson, const std::string& name, TaskSpec& t)
{
    if (trainingJson.empty())
        return false;
    const nlohmann::json j = nlohmann::json::parse(trainingJson, nullptr, false);
    if (!j.is_object() || j.value("task", nlohmann::json()) != nlohmann::json(name))
        return false;
    const auto strings = [&j](const char* key, std::vector<std::string>& out) {
        if (!j.contains(key))
            return;
        const nlohmann::json& list = j[key];
        if (!list.is_array())
            throw SessionError(std::string("training.") + key, "expected a list of strings");
        std::vector<std::string> read;
        for (const nlohmann::json& item : list) {
            if (!item.is_string())
                throw SessionError(std::string("training.") + key, "expected a list of strings");
            read.push_back(item.get<std::string>());
        }
        out = std::move(read);
    };
    strings("alphabet", t.alphabet);
    strings("prefix", t.prefix);
    if (j.contains("length")) {
        if (!j["length"].is_number_integer())
            throw SessionError("training.length", "expected a whole number");
        t.length = j["length"].get<int>();
    }
    return true;
}

TaskSpec taskFor(const std::string& name, const std::string& trainingJson)
{
    if (name == "text")
        throw SessionError("training.task", "text needs a corpus (--corpus FILE)");
    std::optional<TaskSpec> t = defaultTask(name);
    if (!t)
        throw SessionError("training.task", "unknown task \"" + name + "\"");
    readTaskFields(trainingJson, name, *t);
    return *t;
}

std::vector<std::string> taskVocabulary(const TaskSpec& task)
{
    std::vector<std::string> v = task.prefix;
    if (hasSeparator(task.task))
        v.push_back(kSeparator);
    for (const std::string& symbol : task.alphabet)
        if (std::find(v.begin(), v.end(), symbol) == v.end())
            v.push_back(symbol);
    return v;
}

int taskSequenceLength(const TaskSpec& task)
{
    const int p = static_cast<int>(task.prefix.size());
    if (task.task == "text")
        return task.length;
    if (task.task == "previous-token")
        return p + task.length;
    return p + 2 * task.length + (hasSeparator(task.task) ? 1 : 0);
}

Example makeExample(const TaskSpec& task, const std::vector<std::string>& vocabulary,
                    std::mt19937_64& random)
{
    if (task.task == "text" && task.text) {
        // `length` characters from a random place; each predicts the one after it.
        const std::vector<std::string>& text = *task.text;
        const auto places = static_cast<std::uint64_t>(text.size()) - task.length;
        const auto start = static_cast<std::ptrdiff_t>(random() % places);
        Example e;
        e.tokens.assign(text.begin() + start, text.begin() + start + task.length);
        for (int i = 0; i < task.length; ++i)
            e.targets.push_back(idOf(vocabulary, text[start + i + 1]));
        return e;
    }
    // Induction: s is from half the length to all of it, so that the earlier copy is at no
    // fixed distance. A head that finds it by position alone fails; one that finds the
    // token after the earlier occurrence of the current token (an induction head) works.
    const int shortest =
        task.minLength > 0 ? std::min(task.minLength, task.length) : (task.length + 1) / 2;
    const int length = task.task == "induction" && task.length > shortest
                           ? shortest + static_cast<int>(random() % static_cast<std::uint64_t>(
                                                                        task.length - shortest + 1))
                           : task.length;
    const std::vector<std::string> s = drawSymbols(task, length, random);
    Example e;
    e.tokens = task.prefix;
    e.tokens.insert(e.tokens.end(), s.begin(), s.end());
    const int p = static_cast<int>(task.prefix.size());
    if (task.task == "previous-token") {
        // Position i predicts the token before it (the prefix's last for s's first).
        e.targets.assign(e.tokens.size(), -1);
        for (int i = std::max(1, p); i < p + length; ++i)
            e.targets[i] = idOf(vocabulary, e.tokens[i - 1]);
        return e;
    }
    std::vector<std::string> second = s;
    if (task.task == "reverse")
        std::reverse(second.begin(), second.end());
    if (hasSeparator(task.task))
        e.tokens.push_back(kSeparator);
    e.tokens.insert(e.tokens.end(), second.begin(), second.end());
    // Next-token targets: the positions before each token of the second half predict it.
    e.targets.assign(e.tokens.size(), -1);
    const int start = static_cast<int>(e.tokens.size()) - length;
    for (int i = start; i < static_cast<int>(e.tokens.size()); ++i)
        e.targets[i - 1] = idOf(vocabulary, e.tokens[i]);
    return e;
}

TaskModelShape defaultShape(const std::string& task)
{
    TaskModelShape shape;
    shape.layers = task == "previous-token" ? 1 : 2;
    if (task == "text") { // characters of real text: more heads, an FFN
        shape.heads = 4;
        shape.dModel = 64;
        shape.dFf = 256;
    }
    return shape;
}

Model taskModel(const TaskSpec& task, std::uint64_t seed)
{
    return taskModel(task, seed, defaultShape(task.task));
}

Model taskModel(const TaskSpec& task, std::uint64_t seed, const TaskModelShape& shape)
{
    std::mt19937_64 random(seed);
    const Example example = makeExample(task, taskVocabulary(task), random);
    nlohmann::json doc = {{"format", "attnviz-session"},
                          {"version", 2},
                          {"d_model", shape.dModel},
                          {"heads", shape.heads},
                          {"seed", seed},
                          {"vocabulary", taskVocabulary(task)},
                          {"tokens", example.tokens},
                          {"positional_encoding", {{"kind", "none"}}},
                          {"mask", {{"kind", "causal"}}},
                          {"final_norm", nlohmann::json::object()}};
    for (int l = 0; l < shape.layers; ++l) {
        nlohmann::json block = {{"norm", "pre"}, {"residual", true}};
        if (shape.dFf > 0)
            block["ffn"] = {{"d_ff", shape.dFf}, {"activation", "gelu_tanh"}};
        doc["layers"].push_back(block);
    }
    Model m = std::get<Model>(readAnySession(doc.dump(), "task " + task.task));
    const int d = m.dModel(), v = m.vocabularySize();
    // Learned positions and a separate unembedding: a copy or an induction head needs to
    // tell positions apart, and to read a token out unlike how it is written in.
    m.settings.positional.kind = PeKind::Learned;
    m.learnedPositions = initialise(InitKind::XavierUniform, taskSequenceLength(task), d, seed,
                                    "training/positions");
    m.unembeddingBias = RowVector::Zero(v);
    if (task.task == "text") { // a language model ties them, as GPT-2 does: half the weights
        m.unembedding = UnembeddingKind::Tied;
    } else {
        m.unembedding = UnembeddingKind::Matrix;
        m.unembeddingMatrix =
            initialise(InitKind::XavierUniform, d, v, seed, "training/unembedding");
    }
    validate(m);
    return m;
}

} // namespace attn

// Training runs (engine/train/trainer.h): the toy tasks are learnt, judged on sequences the
// run never saw; the same seed gives the same weights bit for bit; bad options and a loss
// that is no longer finite are refused with the field named, the weights kept.

#include "sessionerror.h"
#include "trainer.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <limits>

namespace attn {
namespace {

Trainer trained(const std::string& name, int steps, TrainingOptions o = {})
{
    const TaskSpec task = *defaultTask(name);
    Trainer trainer(taskModel(task, 3), task, o);
    for (int s = 0; s < steps; ++s)
        trainer.step();
    return trainer;
}

TEST(Training, LearnsInductionAndReverseJudgedOnFreshSequences)
{
    // Before: chance is 1 in 10 symbols.
    EXPECT_LT(trained("induction", 0).evaluate(200, 99), 0.3);
    const Trainer induction = trained("induction", 600);
    EXPECT_GE(induction.evaluate(200, 99), 0.9);
    EXPECT_LT(induction.history().back().loss, induction.history().front().loss / 4);
    // An induction head forms: in block 2, a head puts half its weight or more on the token after
    // the earlier copy of the current one; before training none does.
    const HeadScoreRecord& first = induction.headScores().front();
    const HeadScoreRecord& last = induction.headScores().back();
    EXPECT_EQ(last.step, 600);
    ASSERT_EQ(last.prefixMatching.size(), 4u);
    EXPECT_LT(*std::max_element(first.prefixMatching.begin(), first.prefixMatching.end()), 0.3);
    EXPECT_GT(std::max(last.prefixMatching[2], last.prefixMatching[3]), 0.5);
    EXPECT_GE(trained("reverse", 300).evaluate(200, 99), 0.9);
    EXPECT_GE(trained("copy", 300).evaluate(200, 99), 0.9);
    EXPECT_GE(trained("previous-token", 200).evaluate(200, 99), 0.9);
}

TEST(Training, SameSeedSameWeightsBitForBit)
{
    const Model a = trained("induction", 20).model();
    const Model b = trained("induction", 20).model();
    EXPECT_EQ(a.layers[1].attention.wq[0], b.layers[1].attention.wq[0]);
    EXPECT_EQ(a.tokenEmbeddings, b.tokenEmbeddings);
    TrainingOptions other;
    other.seed = 2;
    EXPECT_NE(trained("induction", 20, other).model().tokenEmbeddings, a.tokenEmbeddings);
}

TEST(Training, TheTrainedModelRecordsItsRun)
{
    const Model m = trained("induction", 5).trainedModel();
    EXPECT_NE(m.trainingJson.find(R"("task":"induction")"), std::string::npos);
    EXPECT_NE(m.trainingJson.find(R"("steps":5)"), std::string::npos);
    EXPECT_NE(m.trainingJson.find(R"("loss":[)"), std::string::npos);
    EXPECT_LE(m.n(), taskSequenceLength(*defaultTask("induction")));
    validate(m);
    const TrainingHistory h = readTrainingHistory(m.trainingJson);
    EXPECT_EQ(h.task, "induction");
    ASSERT_EQ(h.steps.size(), 5u);
    EXPECT_EQ(h.steps[4].step, 5);
    ASSERT_EQ(h.headScores.size(), 1u); // before the first step; the next at step 10
    EXPECT_EQ(h.headScores[0].prefixMatching.size(), 4u);
    EXPECT_TRUE(readTrainingHistory("not json").steps.empty());
    // A field of the wrong types is read as no record, never an exception.
    const TrainingHistory odd = readTrainingHistory(
        R"({"task": 5, "loss": "x", "head_scores": [{"step": "y"}, 3]})");
    EXPECT_EQ(odd.task, "");
    EXPECT_TRUE(odd.steps.empty() && odd.headScores.empty());
}

std::string refusal(const std::function<void()>& f)
{
    try {
        f();
    } catch (const SessionError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(Training, RefusesBadOptionsNamingThem)
{
    const TaskSpec task = *defaultTask("copy");
    const Model m = taskModel(task, 3);
    TaskSpec unknown = task;
    unknown.task = "sorting-hat";
    EXPECT_NE(refusal([&] { Trainer(m, unknown, {}); }).find("training.task: unknown task"),
              std::string::npos);
    TrainingOptions o;
    o.learningRate = std::numeric_limits<double>::quiet_NaN();
    EXPECT_NE(refusal([&] { Trainer(m, task, o); }).find("training.learning_rate"),
              std::string::npos);
    o = {};
    o.batch = 0;
    EXPECT_NE(refusal([&] { Trainer(m, task, o); }).find("training.batch"), std::string::npos);
    TaskSpec tooLong = task;
    tooLong.length = kMaxTaskLength + 1;
    EXPECT_NE(refusal([&] { Trainer(m, tooLong, {}); }).find("training.length"), std::string::npos);
    // The copy model has no room for a longer sequence's positions.
    TaskSpec longer = task;
    longer.length = 12;
    EXPECT_NE(refusal([&] { Trainer(m, longer, {}); }).find("positional_encoding.matrix"),
              std::string::npos);
}

TEST(Training, ALossThatIsNoLongerFiniteStopsAndKeepsTheWeights)
{
    const TaskSpec task = *defaultTask("induction");
    TrainingOptions o;
    // Poison a weight: the loss is no longer finite.
    Model nan = taskModel(task, 3);
    nan.unembeddingMatrix(0, 0) = std::numeric_limits<double>::infinity();
    Trainer broken(nan, task, o);
    const std::string message = refusal([&] { broken.step(); });
    EXPECT_NE(message.find("NaN or infinite at step 1"), std::string::npos) << message;
    EXPECT_TRUE(std::isinf(broken.model().unembeddingMatrix(0, 0)));
    EXPECT_EQ(broken.model().tokenEmbeddings, nan.tokenEmbeddings); // nothing moved
    EXPECT_TRUE(broken.history().empty());
}

} // namespace
} // namespace attn

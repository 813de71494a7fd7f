// Attention rollout and head roles (rollout.h, headroles.h) on cases worked by hand, and
// properties that hold for any pass.

#include "headroles.h"
#include "modelforward.h"
#include "rollout.h"
#include "sessionio.h"
#include "testutil.h"

#include <cmath>
#include <gtest/gtest.h>

namespace attn {
namespace {

using test::nearlyEqual;

Matrix matrix(int rows, int cols, std::initializer_list<double> values)
{
    Matrix m(rows, cols);
    auto it = values.begin();
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            m(r, c) = *it++;
    return m;
}

/// A pass of `heads` heads per block with the given weights, block by block, n tokens.
std::pair<Model, ModelResult> given(const std::vector<std::vector<Matrix>>& weights,
                                    std::vector<std::string> tokens)
{
    Model model;
    model.settings.tokens = std::move(tokens);
    model.settings.heads = static_cast<int>(weights.front().size());
    model.layers.resize(weights.size());
    ModelResult result;
    const int n = static_cast<int>(weights.front().front().rows());
    result.mask = MaskMatrix::Ones(n, n);
    for (const auto& block : weights) {
        BlockResult b;
        for (const Matrix& a : block) {
            HeadResult head;
            head.weights = a;
            head.entropy = Vector::Zero(n);
            head.meanDistance = Vector::Zero(n);
            b.heads.push_back(head);
        }
        result.blocks.push_back(b);
    }
    return {model, result};
}

TEST(Rollout, TwoBlocksWorkedByHand)
{
    // Block 1: heads [[1,0],[1,0]] and I, mean [[1,0],[.5,.5]], mixed [[1,0],[.25,.75]].
    // Block 2: both heads [[1,0],[1,0]], mixed [[1,0],[.5,.5]].
    // R = Â₂ Â₁ = [[1,0],[.5 + .5·.25, .5·.75]] = [[1,0],[.625,.375]].
    const Matrix first = matrix(2, 2, {1, 0, 1, 0});
    const auto [model, result] =
        given({{first, Matrix::Identity(2, 2)}, {first, first}}, {"a", "b"});
    const RolloutResult r = attentionRollout(model, result);
    ASSERT_EQ(r.mixed.size(), 2u);
    EXPECT_TRUE(nearlyEqual(r.meanWeights[0], matrix(2, 2, {1, 0, 0.5, 0.5}), 1e-15));
    EXPECT_TRUE(nearlyEqual(r.mixed[0], matrix(2, 2, {1, 0, 0.25, 0.75}), 1e-15));
    EXPECT_TRUE(nearlyEqual(r.mixed[1], matrix(2, 2, {1, 0, 0.5, 0.5}), 1e-15));
    EXPECT_TRUE(nearlyEqual(r.cumulative[0], r.mixed[0], 1e-15));
    EXPECT_TRUE(nearlyEqual(r.rollout, matrix(2, 2, {1, 0, 0.625, 0.375}), 1e-15));
}

TEST(Rollout, SwitchedOffHeadsAreLeftOutOfTheMean)
{
    const Matrix first = matrix(2, 2, {1, 0, 1, 0});
    auto [model, result] = given({{first, Matrix::Identity(2, 2)}, {first, first}}, {"a", "b"});
    model.ablate = {{0, 0}};
    // Block 1 is now I alone: mixed I, so R = Â₂.
    const RolloutResult r = attentionRollout(model, result);
    EXPECT_TRUE(nearlyEqual(r.mixed[0], Matrix::Identity(2, 2), 1e-15));
    EXPECT_TRUE(nearlyEqual(r.rollout, matrix(2, 2, {1, 0, 0.5, 0.5}), 1e-15));
    // Every head off: nothing flows through attention, the residual alone remains.
    model.ablate = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    EXPECT_TRUE(
        nearlyEqual(attentionRollout(model, result).rollout, Matrix::Identity(2, 2), 1e-15));
}

TEST(Rollout, RowsThatDoNotSumToOneAreRenormalised)
{
    // A ReLU head's row [2, 0] and an empty row [0, 0]: 0.5·A + 0.5·I = [[1.5, 0], [0, 0.5]].
    const auto [model, result] = given({{matrix(2, 2, {2, 0, 0, 0})}}, {"a", "b"});
    EXPECT_TRUE(
        nearlyEqual(attentionRollout(model, result).rollout, Matrix::Identity(2, 2), 1e-15));
    const auto [m3, r3] = given({{matrix(2, 2, {0, 0, 3, 1})}}, {"a", "b"});
    // Row 2: [1.5, 0.5 + 0.5] / 2.5 = [0.6, 0.4].
    EXPECT_TRUE(
        nearlyEqual(attentionRollout(m3, r3).rollout, matrix(2, 2, {1, 0, 0.6, 0.4}), 1e-15));
}

TEST(Rollout, OfACausalPassRowsSumToOneAndNoTokenDrawsOnLaterOnes)
{
    const std::string text = R"({"format": "attnviz-session", "version": 2, "d_model": 8,
        "heads": 2, "seed": 5, "tokens": ["a", "b", "c", "d", "e"], "mask": {"kind": "causal"},
        "layers": [{"norm": "pre"}, {"norm": "pre"}, {"norm": "pre"}]})";
    const Model model = std::get<Model>(readAnySession(text, "model"));
    const RolloutResult r = attentionRollout(model, forwardModel(model));
    ASSERT_EQ(r.cumulative.size(), 3u);
    for (Eigen::Index i = 0; i < 5; ++i) {
        EXPECT_NEAR(r.rollout.row(i).sum(), 1, 1e-12);
        for (Eigen::Index j = i + 1; j < 5; ++j)
            EXPECT_EQ(r.rollout(i, j), 0);
    }
    // The first token can only draw on itself.
    EXPECT_NEAR(r.rollout(0, 0), 1, 1e-12);
}

TEST(HeadRoles, ScoresWorkedByHand)
{
    // Tokens a b a b. Query 2 (a) follows key 1, after the earlier a; query 3 (b) key 2.
    const Matrix a = matrix(4, 4,
                            {1, 0, 0, 0,       //
                             0.5, 0.5, 0, 0,   //
                             0.2, 0.6, 0.2, 0, //
                             0.1, 0.2, 0.3, 0.4});
    auto [model, result] = given({{a, 2 * a}}, {"a", "b", "a", "b"});
    result.blocks[0].heads[0].entropy = matrix(4, 1, {0, 1, 2, 3});
    result.blocks[0].heads[0].meanDistance = matrix(4, 1, {0, 0.5, 1, 4});
    model.ablate = {{0, 1}};
    const std::vector<HeadRole> roles = headRoles(model, result);
    ASSERT_EQ(roles.size(), 2u);
    const HeadRole& r = roles[0];
    EXPECT_NEAR(r.previousToken, (0.5 + 0.6 + 0.3) / 3, 1e-15);
    EXPECT_NEAR(r.sink, (1 + 0.5 + 0.2 + 0.1) / 4, 1e-15);
    ASSERT_TRUE(r.hasPrefixMatching);
    EXPECT_NEAR(r.prefixMatching, (0.6 + 0.3) / 2, 1e-15);
    EXPECT_NEAR(r.entropy, 1.5, 1e-15);
    EXPECT_NEAR(r.meanDistance, 5.5 / 4, 1e-15);
    EXPECT_FALSE(r.ablated);
    // Twice the weights: each row is divided by its sum first, so the scores are the same.
    EXPECT_EQ(roles[1].head, 1);
    EXPECT_TRUE(roles[1].ablated);
    EXPECT_NEAR(roles[1].previousToken, r.previousToken, 1e-15);
    EXPECT_NEAR(roles[1].prefixMatching, r.prefixMatching, 1e-15);
}

TEST(HeadRoles, NoRepeatedTokenMeansNoPrefixMatchingScore)
{
    const auto [model, result] = given({{Matrix::Identity(3, 3)}}, {"a", "b", "c"});
    const HeadRole r = headRoles(model, result).front();
    EXPECT_FALSE(r.hasPrefixMatching);
    EXPECT_EQ(r.previousToken, 0);
    EXPECT_NEAR(r.sink, 1.0 / 3, 1e-15);
}

TEST(HeadRoles, AgreeWithThePassOwnEntropyAndDistance)
{
    const std::string text = R"({"format": "attnviz-session", "version": 2, "d_model": 8,
        "heads": 2, "seed": 5, "tokens": ["a", "b", "a", "b"], "mask": {"kind": "causal"},
        "layers": [{"norm": "pre"}, {"norm": "pre"}]})";
    const Model model = std::get<Model>(readAnySession(text, "model"));
    const ModelResult result = forwardModel(model);
    const std::vector<HeadRole> roles = headRoles(model, result);
    ASSERT_EQ(roles.size(), 4u);
    for (const HeadRole& role : roles) {
        const HeadResult& head = result.blocks[role.block].heads[role.head];
        EXPECT_NEAR(role.entropy, head.entropy.mean(), 1e-12);
        EXPECT_NEAR(role.meanDistance, head.meanDistance.mean(), 1e-12);
        // Causal: query 0 sees only key 0.
        EXPECT_GT(role.sink, 1.0 / 4);
        EXPECT_TRUE(role.hasPrefixMatching);
    }
}

} // namespace
} // namespace attn

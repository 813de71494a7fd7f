// Properties of the transformer pass (modelforward.h) that hold whatever the weights: the
// numbers themselves are checked against the NumPy reference (tests/cli/test_model_reference.py).

#include "sessionerror.h"
#include "sessionio.h"
#include "testutil.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <gtest/gtest.h>
#include <type_traits>

namespace attn {
namespace {

using test::nearlyEqual;

// Two heads, a causal mask: one head can be switched off and the other compared.
const char* const lessonPath = ATTNVIZ_LESSON_DIR "/causal-gpt2.attn.json";

Session lesson()
{
    return readSession(test::readText(lessonPath), "lesson");
}

/// A small model read from options on the worked example: blocks, norm, FFN, vocabulary.
Model smallModel(const std::string& extra, SessionOverrides o = {})
{
    const std::string text = R"({"format": "attnviz-session", "version": 2, "d_model": 8,
        "heads": 2, "seed": 3, "vocabulary": ["<s>", "a", "b", "c", "d"],
        "tokens": ["<s>", "a", "c", "b", "a", "c"], "mask": {"kind": "causal"},
        "layers": [{"norm": "pre", "ffn": {"d_ff": 12, "activation": "gelu"}},
                   {"norm": "pre", "ffn": {"d_ff": 12, "activation": "relu"}}],
        "final_norm": {}, "unembedding": "tied")" +
                             extra + "}";
    return std::get<Model>(readAnySession(text, "model", o));
}

TEST(Model, LayerNormRowsHaveMeanZeroAndVarianceOneBeforeGainAndBias)
{
    Matrix x = Matrix::Random(5, 16) * 7 + Matrix::Constant(5, 16, 3);
    const LayerNormParams plain{RowVector::Ones(16), RowVector::Zero(16), 0};
    const LayerNormResult r = layerNorm(x, plain);
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        EXPECT_NEAR(r.output.row(i).mean(), 0, 1e-12);
        EXPECT_NEAR(r.output.row(i).squaredNorm() / 16, 1, 1e-12);
        EXPECT_NEAR(r.mean(i), x.row(i).mean(), 1e-12);
    }
    // Gain and bias act after the normalisation, column by column.
    const LayerNormParams affine{RowVector::LinSpaced(16, 1, 2), RowVector::Constant(16, 0.5), 0};
    const LayerNormResult a = layerNorm(x, affine);
    EXPECT_TRUE(nearlyEqual(a.output,
                            (r.output.array().rowwise() * affine.gain.array()).matrix() +
                                Matrix::Constant(5, 16, 0.5),
                            1e-12));
}

TEST(Model, AblatingEveryHeadOfAResidualBlockWithoutFfnKeepsItsInput)
{
    SessionOverrides o;
    o.layers = 1;
    o.ffn = 0;
    o.norm = NormPlacement::Pre;
    o.ablate = std::vector<std::pair<int, int>>{{0, 0}, {0, 1}};
    const Model m = smallModel("", o);
    ASSERT_TRUE(m.layers[0].residual);
    const ModelResult r = forwardModel(m);
    EXPECT_EQ(r.blocks[0].output, r.blocks[0].input);
    // Not trivially: the weights are still computed, only Z is zero.
    EXPECT_GT(r.blocks[0].heads[0].weights.sum(), 0);
}

TEST(Model, TiedUnembeddingLogitsAreTheFinalStateTimesTheEmbeddings)
{
    const Model m = smallModel("");
    const ModelResult r = forwardModel(m);
    ASSERT_EQ(r.logits.cols(), 5);
    EXPECT_TRUE(nearlyEqual(r.logits, r.final * m.tokenEmbeddings.transpose(), 1e-12));
    // And the final state is LNf of the last block's output.
    EXPECT_TRUE(nearlyEqual(r.final, layerNorm(r.blocks[1].output, *m.finalNorm).output, 1e-12));
}

TEST(Model, ProbabilitiesSumToOneAndComeMostProbableFirst)
{
    const Model m = smallModel("");
    const ModelResult r = forwardModel(m, 5);
    for (Eigen::Index i = 0; i < r.logits.rows(); ++i) {
        EXPECT_NEAR((r.logits.row(i).array() - r.logSumExp(i)).exp().sum(), 1, 1e-12);
        double sum = 0;
        ASSERT_EQ(r.topK[i].size(), 5u);
        for (std::size_t j = 0; j < r.topK[i].size(); ++j) {
            sum += r.topK[i][j].p;
            if (j > 0)
                EXPECT_GE(r.topK[i][j - 1].p, r.topK[i][j].p);
        }
        EXPECT_NEAR(sum, 1, 1e-12); // all five of five
    }
}

/// Every id of a row of logits, by logit (largest first) and then by id: a plain sort, the
/// definition the pass's one-sweep selection must meet.
template <typename Row> std::vector<int> rankedIds(const Row& logits)
{
    std::vector<int> ids(static_cast<std::size_t>(logits.size()));
    for (std::size_t v = 0; v < ids.size(); ++v)
        ids[v] = static_cast<int>(v);
    std::stable_sort(ids.begin(), ids.end(), [&](int a, int b) { return logits(a) > logits(b); });
    return ids;
}

template <typename Scalar> void checkTopK(const BasicModel<Scalar>& m)
{
    for (int k : {1, 3, 5}) {
        const BasicModelResult<Scalar> r = forwardModel(m, k);
        for (Eigen::Index i = 0; i < r.logits.rows(); ++i) {
            const std::vector<int> want = rankedIds(r.logits.row(i));
            ASSERT_EQ(r.topK[i].size(), static_cast<std::size_t>(k));
            for (int j = 0; j < k; ++j) {
                EXPECT_EQ(r.topK[i][j].id, want[j]) << "row " << i << ", rank " << j;
                EXPECT_EQ(r.topK[i][j].logit, r.logits(i, want[j]));
                const double p = std::exp(double(r.logits(i, want[j])) - double(r.logSumExp(i)));
                const double tolerance = std::is_same_v<Scalar, float> ? 1e-5 : 1e-12;
                EXPECT_NEAR(r.topK[i][j].p, p, tolerance);
            }
        }
    }
}

TEST(Model, TopKAreTheLargestLogitsWithTiesToTheSmallerIdInBothPrecisions)
{
    Model m = smallModel("");
    // Entries 2 and 4 get the same embedding: with the tied unembedding their logits are
    // equal in every row, and "b" (2) must come before "d" (4).
    m.tokenEmbeddings.row(4) = m.tokenEmbeddings.row(2);
    checkTopK(m);
    checkTopK(castModel<float>(m));
    const ModelResult r = forwardModel(m, 5);
    for (const std::vector<Prediction>& row : r.topK) {
        const auto at = [&](int id) {
            return std::find_if(row.begin(), row.end(), [id](auto& p) { return p.id == id; }) -
                   row.begin();
        };
        EXPECT_LT(at(2), at(4));
    }
}

TEST(Model, TheFloatPassKeepsTheProbabilitiesAndNormsOfTheDoubleOne)
{
    const Model m = smallModel("");
    const FloatModelResult f = forwardModel(castModel<float>(m), 5);
    // Close to the double pass (itself checked against NumPy in tests/cli), block by block.
    const ModelResult r = forwardModel(m, 5);
    // Within 1e-4 of the largest entry: float's error, not a wrong step.
    const auto close = [](const MatrixOf<float>& got, const Matrix& want) {
        return (got.cast<double>() - want).cwiseAbs().maxCoeff() <=
               1e-4 * want.cwiseAbs().maxCoeff();
    };
    for (std::size_t l = 0; l < r.blocks.size(); ++l)
        EXPECT_TRUE(close(f.blocks[l].output, r.blocks[l].output)) << "block " << l;
    EXPECT_TRUE(close(f.logits, r.logits));
    for (Eigen::Index i = 0; i < f.logits.rows(); ++i)
        EXPECT_NEAR((f.logits.row(i).array() - f.logSumExp(i)).exp().sum(), 1, 1e-5);
    for (const auto& block : f.blocks) {
        const auto& ln = block.ln1.output;
        ASSERT_EQ(ln.rows(), 6);
        // gains 1, biases 0: each row of LN1 has mean 0 and variance 1 in float too.
        for (Eigen::Index i = 0; i < ln.rows(); ++i) {
            EXPECT_NEAR(ln.row(i).mean(), 0, 1e-5);
            EXPECT_NEAR((ln.row(i).array() - ln.row(i).mean()).square().mean(), 1, 1e-3);
        }
    }
}

TEST(Model, AVersionOneSessionAndItsVersionTwoEquivalentGiveTheSameAttention)
{
    const Session s = lesson();
    const ForwardResult v1 = forward(s);
    const ModelResult v2 = forwardModel(modelFromSession(s));
    ASSERT_EQ(v2.blocks.size(), 1u);
    for (int h = 0; h < s.heads; ++h) {
        EXPECT_EQ(v2.blocks[0].heads[h].weights, v1.heads[h].weights);
        EXPECT_EQ(v2.blocks[0].heads[h].output, v1.heads[h].output);
    }
    EXPECT_EQ(v2.blocks[0].output, v1.output);
    // The same through the file: --ablate makes the lesson a v2 session; its other head is v1's.
    SessionOverrides o;
    o.ablate = std::vector<std::pair<int, int>>{{0, 1}};
    const AnySession promoted = readAnySession(test::readText(lessonPath), "lesson", o);
    const Model& m = std::get<Model>(promoted);
    const ModelResult r = forwardModel(m);
    EXPECT_FALSE(m.layers[0].residual);
    EXPECT_EQ(r.blocks[0].heads[0].output, v1.heads[0].output);
    EXPECT_TRUE(r.blocks[0].heads[1].output.isZero(0));
}

TEST(Model, AnEditRecomputesFromItsBlockAndMatchesAFreshPass)
{
    Model m = smallModel("");
    ModelResult r = forwardModel(m);
    const Matrix blockZeroOutput = r.blocks[0].output;
    m.layers[1].ffn->w1(2, 3) += 0.5;
    recomputeFrom(m, r, 1);
    const ModelResult fresh = forwardModel(m);
    EXPECT_EQ(r.blocks[0].output, blockZeroOutput);
    EXPECT_EQ(r.blocks[1].output, fresh.blocks[1].output);
    EXPECT_EQ(r.logits, fresh.logits);
    EXPECT_NE(r.blocks[1].output, forwardModel(smallModel("")).blocks[1].output);

    m.layers[0].attention.wq[1](0, 0) -= 0.75;
    recomputeHead(m, r, 0, 1);
    const ModelResult again = forwardModel(m);
    EXPECT_TRUE(nearlyEqual(r.blocks[0].heads[1].weights, again.blocks[0].heads[1].weights, 1e-12));
    EXPECT_TRUE(nearlyEqual(r.final, again.final, 1e-10));
}

void expectSamePass(const ModelResult& a, const ModelResult& b)
{
    ASSERT_EQ(a.blocks.size(), b.blocks.size());
    EXPECT_EQ(a.h0, b.h0);
    for (std::size_t l = 0; l < a.blocks.size(); ++l) {
        EXPECT_EQ(a.blocks[l].input, b.blocks[l].input) << "block " << l;
        for (std::size_t h = 0; h < a.blocks[l].heads.size(); ++h)
            EXPECT_EQ(a.blocks[l].heads[h].weights, b.blocks[l].heads[h].weights);
        EXPECT_EQ(a.blocks[l].ffnHidden, b.blocks[l].ffnHidden) << "block " << l;
        EXPECT_EQ(a.blocks[l].output, b.blocks[l].output) << "block " << l;
    }
    EXPECT_EQ(a.finalNorm.variance, b.finalNorm.variance);
    EXPECT_EQ(a.final, b.final);
    EXPECT_EQ(a.logits, b.logits);
    EXPECT_EQ(a.logSumExp, b.logSumExp);
    ASSERT_EQ(a.topK.size(), b.topK.size());
    for (std::size_t i = 0; i < a.topK.size(); ++i)
        EXPECT_EQ(a.topK[i].front().id, b.topK[i].front().id);
}

TEST(Model, ATailComputedApartAndSplicedInIsTheFreshPass)
{
    // The window's background pass: the shown result is only read while the tail is
    // computed, then the tail replaces what the edit changed.
    struct Edit
    {
        int block; // as firstBlockChanged() gives it: −1 the input, 2 (= L) only the end
        void (*apply)(Model&);
    };
    const Edit edits[] = {
        {1, [](Model& m) { m.layers[1].ffn->w1(2, 3) += 0.5; }},
        {0, [](Model& m) { m.layers[0].attention.wk[1](0, 1) -= 0.25; }},
        {2, [](Model& m) { m.finalNorm->gain(4) = 1.75; }},
        {-1, [](Model& m) { m.tokenEmbeddings(2, 5) += 1.0; }},
    };
    for (const Edit& edit : edits) {
        Model m = smallModel("");
        ModelResult shown = forwardModel(m);
        const ModelResult unchanged = shown;
        edit.apply(m);
        ModelResult tail;
        ASSERT_TRUE(recomputeTail(m, shown, edit.block, tail));
        expectSamePass(shown, unchanged); // only read
        spliceTail(shown, std::move(tail), edit.block);
        expectSamePass(shown, forwardModel(m));
        EXPECT_NE(shown.final, unchanged.final) << "edit of block " << edit.block;
    }
    // A cancelled tail stops before its first block and is not spliced.
    Model m = smallModel("");
    const ModelResult shown = forwardModel(m);
    ModelResult tail;
    const std::atomic<bool> cancel{true};
    EXPECT_FALSE(recomputeTail(m, shown, 0, tail, &cancel));
    EXPECT_TRUE(tail.blocks[0].output.size() == 0);
    EXPECT_EQ(tail.logits.size(), 0);
}

TEST(Model, PostNormAndNoResidualFollowTheirFormulas)
{
    SessionOverrides o;
    o.norm = NormPlacement::Post;
    const Model post = smallModel("", o);
    const ModelResult r = forwardModel(post);
    const BlockResult& b = r.blocks[0];
    EXPECT_TRUE(nearlyEqual(b.attentionSum, b.input + b.attentionOutput, 1e-12));
    EXPECT_TRUE(
        nearlyEqual(b.afterAttention, layerNorm(b.attentionSum, post.layers[0].ln1).output, 1e-12));
    EXPECT_TRUE(nearlyEqual(
        b.output, layerNorm(b.afterAttention + b.ffnOutput, post.layers[0].ln2).output, 1e-12));
    o.residual = false;
    const ModelResult nr = forwardModel(smallModel("", o));
    EXPECT_TRUE(nearlyEqual(nr.blocks[0].attentionSum, nr.blocks[0].attentionOutput, 1e-12));
}

TEST(Model, RefusalsNameTheField)
{
    const auto refusal = [](const std::string& extra, SessionOverrides o = {}) -> std::string {
        try {
            smallModel(extra, o);
        } catch (const SessionError& e) {
            return e.what();
        }
        return "accepted";
    };
    EXPECT_NE(
        refusal(R"(, "ablate": [[2, 0]])").find("model: ablate[0]: block 2, head 0 does not exist"),
        std::string::npos);
    SessionOverrides tokens;
    tokens.tokens = std::vector<std::string>{"a", "zebra"};
    EXPECT_NE(refusal("", tokens).find("tokens[1]: \"zebra\" is not in the vocabulary"),
              std::string::npos);
    const std::string shape =
        refusal(R"(, "positional_encoding": {"kind": "learned", "matrix": [[1,2,3,4,5,6,7,8]]})");
    EXPECT_NE(shape.find("positional_encoding.matrix: expected at least 6×8"), std::string::npos)
        << shape;
}

} // namespace
} // namespace attn

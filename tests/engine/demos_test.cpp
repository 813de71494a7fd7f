// The demonstrations' numbers against independent expectations: textbook statistics,
// hand-counted costs, and identities checked with loops written here, not the engine's.

#include "demos.h"
#include "sessionio.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

namespace attn {
namespace {

Session sessionFromJson(const std::string& json) { return readSession(json, "test"); }

/// Six tokens, two heads of width 4, every weight derived from the seed.
Session sixTokens(const std::string& extra = {})
{
    return sessionFromJson(R"({"format": "attnviz-session", "version": 1,
        "tokens": ["the", "dog", "bit", "the", "old", "man"], "d_model": 8, "heads": 2,
        "seed": 7)" + extra + "}");
}

/// P[pos, 2i] = sin(pos / base^(2i/d)), P[pos, 2i+1] = cos(…), as the format states it.
Vector encodingAt(int pos, int dModel, Real base)
{
    Vector p(dModel);
    for (int c = 0; c < dModel; ++c) {
        const Real angle = pos / std::pow(base, Real(c - c % 2) / dModel);
        p(c) = c % 2 == 0 ? std::sin(angle) : std::cos(angle);
    }
    return p;
}

TEST(Demos, DotProductVarianceIsDK)
{
    for (int dK : {1, 4, 64, 512}) {
        const std::vector<Real> samples = sampleDotProducts(dK, 20000, 3);
        ASSERT_EQ(samples.size(), 20000u);
        const SampleStatistics raw = statistics(samples);
        // The sample variance's relative standard error is about √(2/N + 6/(N·d_k)) < 2 %.
        EXPECT_NEAR(raw.variance / dK, 1.0, 0.05) << "d_k = " << dK;
        EXPECT_NEAR(raw.mean, 0.0, 5 * std::sqrt(dK / 20000.0)) << "d_k = " << dK;

        std::vector<Real> scaled = samples;
        for (Real& x : scaled)
            x /= std::sqrt(Real(dK));
        EXPECT_NEAR(statistics(scaled).variance, 1.0, 0.05) << "d_k = " << dK;
    }
}

TEST(Demos, SamplingIsDeterministicAndSeeded)
{
    EXPECT_EQ(sampleDotProducts(16, 100, 5), sampleDotProducts(16, 100, 5));
    EXPECT_NE(sampleDotProducts(16, 100, 5), sampleDotProducts(16, 100, 6));
    EXPECT_TRUE(sampleDotProducts(0, 3, 5) == std::vector<Real>(3, 0.0));
}

TEST(Demos, StatisticsOfAHandExample)
{
    const SampleStatistics s = statistics({1, 2, 3, 4});
    EXPECT_DOUBLE_EQ(s.mean, 2.5);
    EXPECT_DOUBLE_EQ(s.variance, 5.0 / 3.0); // (2.25 + 0.25 + 0.25 + 2.25) / 3
    EXPECT_DOUBLE_EQ(s.min, 1);
    EXPECT_DOUBLE_EQ(s.max, 4);
    EXPECT_EQ(statistics({}).variance, 0);
    EXPECT_EQ(statistics({7}).variance, 0);
}

TEST(Demos, HistogramCountsAndDensity)
{
    const Histogram h = histogram({-1.5, -0.5, -0.4, 0.1, 0.9, 1.0, 2.5}, -1, 1, 4);
    ASSERT_EQ(h.counts.size(), 4u);
    // Bins [−1, −0.5), [−0.5, 0), [0, 0.5), [0.5, 1): −1.5, 1.0 and 2.5 fall outside.
    EXPECT_EQ(h.counts, (std::vector<int>{0, 2, 1, 1}));
    EXPECT_EQ(h.total, 7);
    EXPECT_DOUBLE_EQ(h.binCentre(0), -0.75);
    EXPECT_DOUBLE_EQ(h.density(1), 2.0 / (7 * 0.5));
}

TEST(Demos, ScaledScoresFollowTheStandardNormalDensity)
{
    std::vector<Real> samples = sampleDotProducts(256, 20000, 11);
    for (Real& x : samples)
        x /= 16;
    const Histogram h = histogram(samples, -3, 3, 12);
    for (int bin = 0; bin < 12; ++bin) {
        // A bin's mean density, by Simpson's rule on the N(0, 1) density.
        const Real a = h.lower + bin * h.binWidth, b = a + h.binWidth;
        const Real expected =
            (normalDensity(a, 1) + 4 * normalDensity((a + b) / 2, 1) + normalDensity(b, 1)) / 6;
        EXPECT_NEAR(h.density(bin), expected, 0.02 + 0.08 * expected) << "bin " << bin;
    }
    EXPECT_NEAR(normalDensity(0, 2), 1 / (2 * std::sqrt(2 * std::numbers::pi)), 1e-15);
}

TEST(Demos, SoftmaxOfAHandExample)
{
    Vector s(3);
    s << 0, std::log(2.0), 1000; // the large one must not overflow
    const Vector w = softmax(s);
    EXPECT_NEAR(w(2), 1, 1e-12);
    Vector t(2);
    t << 0, std::log(2.0);
    EXPECT_NEAR(softmax(t)(0), 1.0 / 3, 1e-15);
    EXPECT_NEAR(softmax(t)(1), 2.0 / 3, 1e-15);
}

TEST(Demos, SoftmaxSaturatesWithoutScaling)
{
    const Saturation one = saturation(1, 16, 400, 1);
    EXPECT_DOUBLE_EQ(one.meanMaxRaw, one.meanMaxScaled); // √1 = 1: the same rows
    const Saturation big = saturation(512, 16, 400, 1);
    EXPECT_GT(big.meanMaxRaw, 0.9);    // nearly one-hot: scores spread by √512 ≈ 23
    EXPECT_LT(big.meanMaxScaled, 0.5); // scores of unit spread over 16 keys
    EXPECT_GT(big.meanMaxScaled, 1.0 / 16);

    const SoftmaxRow row = sampleSoftmaxRow(64, 8, 2);
    ASSERT_EQ(row.scores.size(), 8);
    EXPECT_NEAR(row.weightsRaw.sum(), 1, 1e-12);
    EXPECT_NEAR(row.weightsScaled.sum(), 1, 1e-12);
    // The ratio of two weights is exp of the difference of their scores.
    EXPECT_NEAR(std::log(row.weightsScaled(0) / row.weightsScaled(1)),
                (row.scores(0) - row.scores(1)) / 8, 1e-9);
}

TEST(Demos, ShufflePermutationsArePermutationsThatMove)
{
    for (int n : {2, 3, 6, 20})
        for (int step = 0; step < 20; ++step) {
            const std::vector<int> perm = shufflePermutation(n, 42, step);
            EXPECT_EQ(std::set<int>(perm.begin(), perm.end()).size(), std::size_t(n));
            EXPECT_EQ(*std::min_element(perm.begin(), perm.end()), 0);
            EXPECT_EQ(*std::max_element(perm.begin(), perm.end()), n - 1);
            EXPECT_FALSE(std::is_sorted(perm.begin(), perm.end())) << "n " << n << " step " << step;
            EXPECT_EQ(perm, shufflePermutation(n, 42, step));
        }
    EXPECT_TRUE(shufflePermutation(0, 1, 0).empty());
    EXPECT_EQ(shufflePermutation(1, 1, 0), std::vector<int>{0});
}

TEST(Demos, PermutationMatrixReordersRows)
{
    const Matrix p = permutationMatrix({2, 0, 1});
    Matrix x(3, 2);
    x << 1, 2, 3, 4, 5, 6;
    Matrix expected(3, 2);
    expected << 5, 6, 1, 2, 3, 4;
    EXPECT_EQ(p * x, expected);
}

TEST(Demos, ShuffleOnlyReordersAWithoutPositionalEncoding)
{
    const Session base = shuffleBaseSession(sixTokens(R"(, "mask": {"kind": "causal"})"), false);
    EXPECT_EQ(base.positional.kind, PeKind::None);
    EXPECT_EQ(base.mask.kind, MaskKind::None);
    for (int step = 0; step < 5; ++step) {
        const std::vector<int> perm = shufflePermutation(6, 9, step);
        for (int head = 0; head < 2; ++head) {
            const ShuffleCheck c = checkShuffle(base, perm, head);
            EXPECT_LT(c.maxError, 1e-12);
            for (int i = 0; i < 6; ++i)
                for (int j = 0; j < 6; ++j)
                    EXPECT_NEAR(c.after(i, j), c.before(perm[i], perm[j]), 1e-12);
        }
    }
}

TEST(Demos, ShuffleChangesThePatternWithPositionalEncoding)
{
    const Session base = shuffleBaseSession(sixTokens(R"(, "positional_encoding": {"kind": "none"})"), true);
    EXPECT_EQ(base.positional.kind, PeKind::Sinusoidal);
    const std::vector<int> perm = shufflePermutation(6, 9, 0);
    const ShuffleCheck c = checkShuffle(base, perm, 0);
    EXPECT_GT(c.maxError, 1e-3);
    // The shuffled session carries its tokens with their embeddings.
    const Session shuffled = shuffledSession(base, perm);
    for (int i = 0; i < 6; ++i) {
        EXPECT_EQ(shuffled.tokens[i], base.tokens[perm[i]]);
        EXPECT_EQ(Matrix(shuffled.embeddings.row(i)), Matrix(base.embeddings.row(perm[i])));
    }
}

TEST(Demos, OneMapShiftsEveryPosition)
{
    for (int dModel : {2, 8, 64})
        for (int k : {0, 1, 5, 37}) {
            const RelativeShiftCheck c = checkRelativeShift(k, dModel, 10000, 200);
            ASSERT_EQ(c.errors.size(), 200);
            EXPECT_LT(c.maxError, 1e-9) << "d " << dModel << " k " << k;
            EXPECT_TRUE(((c.map.transpose() * c.map) - Matrix::Identity(dModel, dModel))
                            .cwiseAbs().maxCoeff() < 1e-12); // a rotation
            for (int pos : {0, 3, 150}) {
                const Vector moved = c.map * encodingAt(pos, dModel, 10000);
                EXPECT_LT((moved - encodingAt(pos + k, dModel, 10000)).cwiseAbs().maxCoeff(), 1e-9);
            }
        }
    // The map of another shift does not do it: the check can fail.
    RelativeShiftCheck wrong = checkRelativeShift(3, 8, 10000, 50);
    wrong.map = checkRelativeShift(4, 8, 10000, 1).map;
    EXPECT_GT((wrong.map * encodingAt(0, 8, 10000) - encodingAt(3, 8, 10000)).cwiseAbs().maxCoeff(), 0.1);
}

TEST(Demos, MasksAllowTheHandCountedPairs)
{
    const Session s = sixTokens();
    EXPECT_EQ(allowedPairs(buildMask(withMask(s, MaskKind::None, 1))), 36);
    EXPECT_EQ(allowedPairs(buildMask(withMask(s, MaskKind::Causal, 1))), 21); // 6·7/2
    EXPECT_EQ(allowedPairs(buildMask(withMask(s, MaskKind::Window, 1))), 16); // 6 + 2·5
    EXPECT_EQ(allowedPairs(buildMask(withMask(s, MaskKind::Window, 2))), 24); // 6 + 2·5 + 2·4
    const ForwardResult causal = forward(withMask(s, MaskKind::Causal, 1));
    EXPECT_EQ(causal.heads[0].weights(0, 1), 0);
    EXPECT_NEAR(causal.heads[0].weights(0, 0), 1, 1e-15);
}

TEST(Demos, CostsOfSmallLayersByHand)
{
    // n = 4, d = 2, k = 3
    EXPECT_EQ(layerOperations(LayerKind::SelfAttention, 4, 2, 3), 32);
    EXPECT_EQ(layerOperations(LayerKind::Convolution, 4, 2, 3), 48);
    EXPECT_EQ(layerOperations(LayerKind::DilatedConvolution, 4, 2, 3), 48);
    EXPECT_EQ(layerOperations(LayerKind::Recurrent, 4, 2, 3), 16);
    EXPECT_EQ(sequentialSteps(LayerKind::SelfAttention, 10), 1);
    EXPECT_EQ(sequentialSteps(LayerKind::Convolution, 10), 1);
    EXPECT_EQ(sequentialSteps(LayerKind::Recurrent, 10), 10);
    // n = 10, k = 3: a kernel of 3 widens the field by 2: 1 → 3 → 5 → 7 → 9 → 11.
    EXPECT_EQ(maximumPathLength(LayerKind::SelfAttention, 10, 3), 1);
    EXPECT_EQ(maximumPathLength(LayerKind::Convolution, 10, 3), 5);
    EXPECT_EQ(maximumPathLength(LayerKind::Convolution, 9, 3), 4);
    EXPECT_EQ(maximumPathLength(LayerKind::DilatedConvolution, 10, 3), 3); // 1 → 3 → 9 → 27
    EXPECT_EQ(maximumPathLength(LayerKind::DilatedConvolution, 27, 3), 3);
    EXPECT_EQ(maximumPathLength(LayerKind::DilatedConvolution, 28, 3), 4);
    EXPECT_EQ(maximumPathLength(LayerKind::Recurrent, 10, 3), 9);
    EXPECT_EQ(maximumPathLength(LayerKind::Convolution, 1, 3), 0);
}

TEST(Demos, ComparePairsDifferInOneSetting)
{
    const Session s = sixTokens();
    const auto [scaled, dot] = comparePair(s, ComparePreset::ScaledVsUnscaled);
    const ForwardResult a = forward(scaled), b = forward(dot);
    // Unscaled scores are √d_k = 2 times the scaled ones.
    EXPECT_LT((b.heads[0].rawScores - 2 * a.heads[0].rawScores).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_GT((b.heads[0].weights - a.heads[0].weights).cwiseAbs().maxCoeff(), 1e-6);

    const auto [pe, none] = comparePair(sessionFromJson(R"({"format": "attnviz-session",
        "version": 1, "tokens": ["a", "b"], "d_model": 4, "heads": 1,
        "positional_encoding": {"kind": "none"}})"), ComparePreset::WithVsWithoutPositional);
    EXPECT_EQ(pe.positional.kind, PeKind::Sinusoidal);
    EXPECT_EQ(none.positional.kind, PeKind::None);
    const auto [full, causal] = comparePair(s, ComparePreset::FullVsCausal);
    EXPECT_EQ(full.mask.kind, MaskKind::None);
    EXPECT_EQ(causal.mask.kind, MaskKind::Causal);
    const auto [soft, relu] = comparePair(s, ComparePreset::SoftmaxVsRelu);
    EXPECT_EQ(relu.normalizer, NormalizerKind::Relu);
    EXPECT_TRUE(soft == s); // the default session already uses softmax
}

} // namespace
} // namespace attn

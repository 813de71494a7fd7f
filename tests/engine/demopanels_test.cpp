// The demonstration panels' functions: the same numbers as a whole pass of the setting
// they show, counts done by hand, and the identities checked with loops written here.

#include "demos.h"
#include "sessionio.h"

#include <cmath>
#include <gtest/gtest.h>

namespace attn {
namespace {

/// Six tokens, two heads of width 4, every weight derived from the seed.
Session sixTokens(const std::string& extra = {})
{
    return readSession(R"({"format": "attnviz-session", "version": 1,
        "tokens": ["the", "dog", "bit", "the", "old", "man"], "d_model": 8, "heads": 2,
        "seed": 7)" + extra +
                           "}",
                       "test");
}

TEST(DemoPanels, MasksShowEachMaskOfTheHeadAsAPassWould)
{
    const Session s = sixTokens();
    const MasksDemo demo = masksDemo(s, 1, 1);
    EXPECT_EQ(demo.head, 1);
    EXPECT_EQ(demo.pairs, 36);
    const MaskKind kinds[3] = {MaskKind::None, MaskKind::Causal, MaskKind::Window};
    const int allowed[3] = {36, 21, 16}; // all; 6·7/2; 6 + 2·5
    for (int i = 0; i < 3; ++i) {
        SCOPED_TRACE(i);
        const MaskDemoPanel& panel = demo.panels[i];
        EXPECT_EQ(panel.kind, kinds[i]);
        EXPECT_EQ(panel.allowedPairs, allowed[i]);
        const ForwardResult pass = forward(withMask(s, kinds[i], 1));
        EXPECT_EQ(panel.mask, pass.mask);
        EXPECT_EQ(panel.weights, pass.heads[1].weights); // bit for bit
        for (int q = 0; q < 6; ++q) {
            Real sum = 0;
            for (int k = 0; k < 6; ++k) {
                const bool may = i == 0 || (i == 1 ? k <= q : std::abs(q - k) <= 1);
                EXPECT_EQ(panel.mask(q, k), may ? 1 : 0);
                if (!may)
                    EXPECT_EQ(panel.weights(q, k), 0.0);
                sum += panel.weights(q, k);
            }
            EXPECT_NEAR(sum, 1.0, 1e-12);
        }
    }
    EXPECT_EQ(masksDemo(s, 2, 0).panels[2].allowedPairs, 24); // 6 + 2·5 + 2·4
    EXPECT_EQ(masksDemo(s, -3, 0).radius, 0);
    EXPECT_EQ(masksDemo(s, 1, 9).head, 1); // clamped to the last head
}

TEST(DemoPanels, ShuffleReordersWithoutEncodingAndChangesWithIt)
{
    const Session s =
        sixTokens(R"(, "mask": {"kind": "causal"}, "positional_encoding": {"kind": "none"})");
    const std::vector<int> perm = {2, 0, 5, 1, 4, 3};
    const ShuffleDemo demo = shuffleDemo(s, perm, 0);
    EXPECT_EQ(demo.permutation, perm);
    EXPECT_EQ(demo.shuffledTokens,
              (std::vector<std::string>{"bit", "the", "man", "dog", "old", "the"}));
    EXPECT_EQ(demo.encoding, PeKind::Sinusoidal); // none in the session: sinusoidal shown
    EXPECT_EQ(demo.normalizer, NormalizerKind::Softmax);

    // The mask is off in both (a mask is positional): A of the full-attention pass.
    const ShuffleCheck& without = demo.withoutEncoding;
    EXPECT_EQ(without.before, forward(shuffleBaseSession(s, false)).heads[0].weights);
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 6; ++j) {
            EXPECT_EQ(without.expected(i, j), without.before(perm[i], perm[j]));
            EXPECT_NEAR(without.after(i, j), without.before(perm[i], perm[j]), 1e-12);
        }
    EXPECT_TRUE(without.onlyReordered);
    EXPECT_LT(without.maxError, kShuffleRounding);

    const ShuffleCheck& with = demo.withEncoding;
    EXPECT_EQ(with.before, forward(shuffleBaseSession(s, true)).heads[0].weights);
    EXPECT_FALSE(with.onlyReordered);
    EXPECT_GT(with.maxError, 1e-6);
}

TEST(DemoPanels, CompareGivesBothWeightsAndTheirDifference)
{
    const Session s = sixTokens();
    for (const ComparePreset preset :
         {ComparePreset::ScaledVsUnscaled, ComparePreset::WithVsWithoutPositional,
          ComparePreset::FullVsCausal, ComparePreset::SoftmaxVsRelu}) {
        SCOPED_TRACE(int(preset));
        const CompareDemo demo = compareDemo(s, preset, 1);
        const auto [first, second] = comparePair(s, preset);
        EXPECT_EQ(demo.first, first);
        EXPECT_EQ(demo.second, second);
        const Matrix a = forward(first).heads[1].weights;
        const Matrix b = forward(second).heads[1].weights;
        EXPECT_EQ(demo.firstWeights, a);
        EXPECT_EQ(demo.secondWeights, b);
        Real largest = 0;
        Real top = 1;
        for (int i = 0; i < 6; ++i)
            for (int j = 0; j < 6; ++j) {
                EXPECT_EQ(demo.difference(i, j), a(i, j) - b(i, j));
                largest = std::max(largest, std::abs(a(i, j) - b(i, j)));
                top = std::max({top, a(i, j), b(i, j)});
            }
        EXPECT_EQ(demo.maxDifference, largest);
        EXPECT_GT(demo.maxDifference, 0); // every preset changes something here
        EXPECT_EQ(demo.colourTop, top);
    }
    const Session none = readSession(R"({"format": "attnviz-session", "version": 1,
        "tokens": [], "d_model": 4, "heads": 2})",
                                     "empty");
    EXPECT_EQ(compareDemo(none, ComparePreset::FullVsCausal, 0).maxDifference, 0);
}

} // namespace
} // namespace attn

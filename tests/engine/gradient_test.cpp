// The training gradient (engine/train/gradient.h) against central finite differences of
// the loss, for every parameter of models that cover each option training supports: norm
// placement, residual, each activation, FFN or none, final norm or none, a tied or separate
// unembedding, learned, sinusoidal or no positions, scaled-dot or dot scores, temperature,
// masks and ablation. Every weight is perturbed at random first, so that no gradient is
// checked only at a special point (gains of 1, biases of 0, W_O the identity).

#include "gradient.h"
#include "modelforward.h"
#include "modelreader.h"

#include <gtest/gtest.h>
#include <random>
#include <string>

namespace attn {
namespace {

struct GradientCase
{
    std::string name;
    std::string norm = "pre";
    std::string activation = "gelu_tanh";
    int dFf = 6;
    bool residual = true;
    bool finalNorm = true;
    bool tied = true;
    PeKind positions = PeKind::Learned;
    std::string score = "scaled_dot";
    double temperature = 1;
    std::string mask = "causal";
    bool ablate = false;
};

void PrintTo(const GradientCase& c, std::ostream* os)
{
    *os << c.name;
}

Model caseModel(const GradientCase& c)
{
    const std::string ffn = c.dFf ? R"(, "ffn": {"d_ff": )" + std::to_string(c.dFf) +
                                        R"(, "activation": ")" + c.activation + "\"}"
                                  : std::string();
    const std::string block = R"({"norm": ")" + c.norm + R"(", "residual": )" +
                              (c.residual ? "true" : "false") + ffn + "}";
    const std::string text =
        R"({"format": "attnviz-session", "version": 2, "d_model": 4, "heads": 2, "seed": 11,
            "vocabulary": ["<s>", "a", "b", "c", "d", "e"],
            "tokens": ["<s>", "a", "c", "b", "a", "c"],
            "score": ")" +
        c.score + R"(", "temperature": )" + std::to_string(c.temperature) +
        R"(, "mask": {"kind": ")" + c.mask + R"(", "radius": 2},
            "layers": [)" +
        block + ", " + block + "]" + (c.finalNorm ? R"(, "final_norm": {})" : "") +
        R"(, "unembedding": "tied")" + (c.ablate ? R"(, "ablate": [[1, 0]])" : "") + "}";
    Model m = std::get<Model>(readAnySession(text, c.name));
    m.settings.positional.kind = c.positions;
    if (c.positions == PeKind::Learned)
        m.learnedPositions = Matrix::Zero(8, m.dModel());
    if (!c.tied) {
        m.unembedding = UnembeddingKind::Matrix;
        m.unembeddingMatrix = Matrix::Zero(m.dModel(), m.vocabularySize());
        m.unembeddingBias = RowVector::Zero(m.vocabularySize());
    }
    std::mt19937_64 random(5);
    std::normal_distribution<double> noise(0, 0.4);
    for (std::span<Real> p : parameters(m))
        for (Real& x : p)
            x += noise(random);
    return m;
}

Real lossAt(const Model& m, const std::vector<int>& targets)
{
    return lossOf(forwardModel(m, 0), targets).loss;
}

class Gradient : public ::testing::TestWithParam<GradientCase>
{
};

TEST_P(Gradient, MatchesCentralDifferencesOfEveryParameter)
{
    Model m = caseModel(GetParam());
    ASSERT_EQ(untrainableReason(m), "");
    const std::vector<int> targets = {1, -1, 2, 3, 5, 0}; // position 1 has no loss
    Model grad = zeroGradient(m);
    const LossSum sum = accumulateGradient(m, forwardModel(m, 0), targets, grad);
    EXPECT_EQ(sum.count, 5);
    EXPECT_NEAR(sum.loss, lossAt(m, targets), 1e-12);

    std::vector<std::span<Real>> weights = parameters(m);
    const std::vector<std::span<Real>> slopes = parameters(grad);
    ASSERT_EQ(weights.size(), slopes.size());
    int checked = 0, nonzero = 0;
    const double step = 1e-5;
    for (std::size_t p = 0; p < weights.size(); ++p) {
        ASSERT_EQ(weights[p].size(), slopes[p].size());
        for (std::size_t i = 0; i < weights[p].size(); ++i) {
            const Real kept = weights[p][i];
            weights[p][i] = kept + step;
            const Real up = lossAt(m, targets);
            weights[p][i] = kept - step;
            const Real down = lossAt(m, targets);
            weights[p][i] = kept;
            const Real numeric = (up - down) / (2 * step);
            EXPECT_NEAR(slopes[p][i], numeric, 1e-6 + 1e-5 * std::abs(numeric))
                << "parameter " << p << ", entry " << i;
            ++checked;
            nonzero += std::abs(numeric) > 1e-8 ? 1 : 0;
        }
    }
    EXPECT_GT(checked, 200);
    EXPECT_GT(nonzero, checked / 2); // the check is not of zeros alone
}

INSTANTIATE_TEST_SUITE_P(
    EveryOption, Gradient,
    ::testing::Values(GradientCase{.name = "pre_gelu_tanh"},
                      GradientCase{.name = "post_gelu", .norm = "post", .activation = "gelu"},
                      GradientCase{.name = "none_relu_no_residual",
                                   .norm = "none",
                                   .activation = "relu",
                                   .residual = false,
                                   .finalNorm = false},
                      GradientCase{
                          .name = "pre_no_ffn_separate_unembedding", .dFf = 0, .tied = false},
                      GradientCase{.name = "post_no_ffn_sinusoidal",
                                   .norm = "post",
                                   .dFf = 0,
                                   .positions = PeKind::Sinusoidal},
                      GradientCase{.name = "dot_temperature_window_ablated",
                                   .positions = PeKind::None,
                                   .score = "dot",
                                   .temperature = 0.7,
                                   .mask = "causal_window",
                                   .ablate = true},
                      GradientCase{.name = "no_mask", .mask = "none"}),
    [](const ::testing::TestParamInfo<GradientCase>& info) { return info.param.name; });

TEST(Gradient, RefusesWhatItDoesNotCover)
{
    GradientCase c;
    Model m = caseModel(c);
    m.settings.score = ScoreKind::Cosine;
    EXPECT_NE(untrainableReason(m).find("score"), std::string::npos);
    m = caseModel(c);
    m.unembedding = UnembeddingKind::None;
    EXPECT_NE(untrainableReason(m).find("unembedding"), std::string::npos);
}

} // namespace
} // namespace attn

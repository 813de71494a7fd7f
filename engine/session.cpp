#include "session.h"

#include "sessionerror.h"
#include "nametable.h"
#include "validation.h"

#include <array>
#include <cmath>
#include <utility>

namespace attn {
namespace {

constexpr NameTable<PeKind, 3> kPeNames{{
    {PeKind::None, "none"}, {PeKind::Sinusoidal, "sinusoidal"}, {PeKind::Learned, "learned"}}};
constexpr NameTable<ScoreKind, 4> kScoreNames{{{ScoreKind::ScaledDot, "scaled_dot"},
                                               {ScoreKind::Dot, "dot"},
                                               {ScoreKind::Cosine, "cosine"},
                                               {ScoreKind::Additive, "additive"}}};
constexpr NameTable<MaskKind, 5> kMaskNames{{{MaskKind::None, "none"},
                                             {MaskKind::Causal, "causal"},
                                             {MaskKind::Window, "window"},
                                             {MaskKind::CausalWindow, "causal_window"},
                                             {MaskKind::Custom, "custom"}}};
constexpr NameTable<NormalizerKind, 2> kNormalizerNames{
    {{NormalizerKind::Softmax, "softmax"}, {NormalizerKind::Relu, "relu"}}};

} // namespace

std::string_view toString(PeKind kind) { return nameOf(kPeNames, kind); }
std::string_view toString(ScoreKind kind) { return nameOf(kScoreNames, kind); }
std::string_view toString(MaskKind kind) { return nameOf(kMaskNames, kind); }
std::string_view toString(NormalizerKind kind) { return nameOf(kNormalizerNames, kind); }
std::optional<PeKind> parsePeKind(std::string_view name) { return kindOf(kPeNames, name); }
std::optional<ScoreKind> parseScoreKind(std::string_view name) { return kindOf(kScoreNames, name); }
std::optional<MaskKind> parseMaskKind(std::string_view name) { return kindOf(kMaskNames, name); }
std::optional<NormalizerKind> parseNormalizerKind(std::string_view name)
{
    return kindOf(kNormalizerNames, name);
}

bool Session::operator==(const Session& o) const
{
    const auto sameMatrices = [](const std::vector<Matrix>& a, const std::vector<Matrix>& b) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].rows() != b[i].rows() || a[i].cols() != b[i].cols() || a[i] != b[i])
                return false;
        return true;
    };
    const auto same = [](const auto& a, const auto& b) {
        return a.rows() == b.rows() && a.cols() == b.cols() && a == b;
    };
    return title == o.title && tokens == o.tokens && dModel == o.dModel && heads == o.heads &&
           seed == o.seed && same(embeddings, o.embeddings) &&
           positional.kind == o.positional.kind && positional.base == o.positional.base &&
           same(positional.learned, o.positional.learned) && score == o.score &&
           temperature == o.temperature && mask.kind == o.mask.kind &&
           mask.radius == o.mask.radius && same(mask.custom, o.mask.custom) &&
           normalizer == o.normalizer && sameMatrices(wq, o.wq) && sameMatrices(wk, o.wk) &&
           sameMatrices(wv, o.wv) && same(wo, o.wo) && same(additiveW, o.additiveW);
}

void validateSettings(const Session& s)
{
    if (s.n() > kMaxTokens)
        throw SessionError("tokens", std::to_string(s.n()) + " tokens, more than the limit of " +
                                         std::to_string(kMaxTokens));
    if (s.dModel < 1 || s.dModel > kMaxDModel)
        throw SessionError("d_model", "must be between 1 and " + std::to_string(kMaxDModel) +
                                          ", got " + std::to_string(s.dModel));
    if (s.heads < 1 || s.heads > s.dModel)
        throw SessionError("heads", "must be between 1 and d_model (" +
                                        std::to_string(s.dModel) + "), got " +
                                        std::to_string(s.heads));
    if (s.dModel % s.heads != 0)
        throw SessionError("heads", "d_model " + std::to_string(s.dModel) +
                                        " is not divisible by heads " + std::to_string(s.heads));
    if (!std::isfinite(s.temperature) || s.temperature <= 0)
        throw SessionError("temperature", "must be a finite number > 0");
    if (s.positional.kind == PeKind::Sinusoidal &&
        (!std::isfinite(s.positional.base) || s.positional.base <= 0))
        throw SessionError("positional_encoding.base", "must be a finite number > 0");
    if (s.mask.radius < 0)
        throw SessionError("mask.radius", "must be 0 or more");
    if (s.mask.kind == MaskKind::Custom || s.mask.custom.rows() > 0 || s.mask.custom.cols() > 0) {
        requireShape(s.mask.custom, s.n(), s.n(), "mask.matrix");
        if ((s.mask.custom.array() > 1).any())
            throw SessionError("mask.matrix", "entries must be 0 or 1");
    }
}

void validate(const Session& s)
{
    validateSettings(s);
    requireMatrix(s.embeddings, s.n(), s.dModel, "embeddings");
    if (s.positional.kind == PeKind::Learned || s.positional.learned.rows() > 0 || s.positional.learned.cols() > 0)
        requireMatrix(s.positional.learned, s.n(), s.dModel, "positional_encoding.matrix");
    requireMatrices(s.wq, s.heads, s.dModel, s.dK(), "weights.W_Q");
    requireMatrices(s.wk, s.heads, s.dModel, s.dK(), "weights.W_K");
    requireMatrices(s.wv, s.heads, s.dModel, s.dK(), "weights.W_V");
    requireMatrix(s.wo, s.dModel, s.dModel, "weights.W_O");
    requireMatrix(s.additiveW, s.heads, s.dK(), "weights.additive_w");
}

} // namespace attn

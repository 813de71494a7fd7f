#include "session.h"

#include "sessionerror.h"

#include <array>
#include <cmath>
#include <utility>

namespace attn {
namespace {

template <typename Kind, std::size_t N>
using NameTable = std::array<std::pair<Kind, std::string_view>, N>;

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

template <typename Kind, std::size_t N>
std::string_view nameOf(const NameTable<Kind, N>& table, Kind kind)
{
    for (const auto& [k, name] : table)
        if (k == kind)
            return name;
    return {};
}

template <typename Kind, std::size_t N>
std::optional<Kind> kindOf(const NameTable<Kind, N>& table, std::string_view name)
{
    for (const auto& [k, n] : table)
        if (n == name)
            return k;
    return std::nullopt;
}

std::string shapeText(Eigen::Index rows, Eigen::Index cols)
{
    return std::to_string(rows) + "×" + std::to_string(cols);
}

template <typename Derived>
void requireShape(const Eigen::MatrixBase<Derived>& m, Eigen::Index rows, Eigen::Index cols,
                  const std::string& field)
{
    if (m.rows() != rows || m.cols() != cols)
        throw SessionError(field,
                           "expected " + shapeText(rows, cols) + ", got " + shapeText(m.rows(), m.cols()));
}

void requireFinite(const Matrix& m, const std::string& field)
{
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            if (!std::isfinite(m(r, c)))
                throw SessionError(field + "[" + std::to_string(r) + "][" + std::to_string(c) + "]",
                                   "not a finite number");
}

void requireMatrix(const Matrix& m, Eigen::Index rows, Eigen::Index cols, const std::string& field)
{
    requireShape(m, rows, cols, field);
    requireFinite(m, field);
}

void requireHeadMatrices(const std::vector<Matrix>& list, const Session& s, const std::string& field)
{
    if (static_cast<int>(list.size()) != s.heads)
        throw SessionError(field, "expected " + std::to_string(s.heads) + " matrices, got " +
                                      std::to_string(list.size()));
    for (std::size_t h = 0; h < list.size(); ++h)
        requireMatrix(list[h], s.dModel, s.dK(), field + "[" + std::to_string(h) + "]");
}

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

void validate(const Session& s)
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
    requireMatrix(s.embeddings, s.n(), s.dModel, "embeddings");
    if (s.positional.kind == PeKind::Sinusoidal &&
        (!std::isfinite(s.positional.base) || s.positional.base <= 0))
        throw SessionError("positional_encoding.base", "must be a finite number > 0");
    if (s.positional.kind == PeKind::Learned || s.positional.learned.rows() > 0 || s.positional.learned.cols() > 0)
        requireMatrix(s.positional.learned, s.n(), s.dModel, "positional_encoding.matrix");
    if (s.mask.radius < 0)
        throw SessionError("mask.radius", "must be 0 or more");
    if (s.mask.kind == MaskKind::Custom || s.mask.custom.rows() > 0 || s.mask.custom.cols() > 0) {
        requireShape(s.mask.custom, s.n(), s.n(), "mask.matrix");
        if ((s.mask.custom.array() > 1).any())
            throw SessionError("mask.matrix", "entries must be 0 or 1");
    }
    requireHeadMatrices(s.wq, s, "weights.W_Q");
    requireHeadMatrices(s.wk, s, "weights.W_K");
    requireHeadMatrices(s.wv, s, "weights.W_V");
    requireMatrix(s.wo, s.dModel, s.dModel, "weights.W_O");
    requireMatrix(s.additiveW, s.heads, s.dK(), "weights.additive_w");
}

} // namespace attn

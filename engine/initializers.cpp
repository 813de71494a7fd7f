#include "initializers.h"

#include <array>
#include <cmath>
#include <numbers>
#include <random>
#include <string>
#include <utility>

namespace attn {
namespace {

constexpr std::array<std::pair<InitKind, std::string_view>, 4> kInitNames{{
    {InitKind::XavierUniform, "xavier_uniform"},
    {InitKind::Normal, "normal"},
    {InitKind::Identity, "identity"},
    {InitKind::Zero, "zero"},
}};

/// FNV-1a over the tag's bytes, then the seed folded in: a stable 64-bit stream key.
std::uint64_t streamKey(std::uint64_t seed, std::string_view tag)
{
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : tag) {
        h ^= c;
        h *= 1099511628211ull;
    }
    for (int i = 0; i < 8; ++i) {
        h ^= (seed >> (8 * i)) & 0xffu;
        h *= 1099511628211ull;
    }
    return h;
}

/// Uniform in [0, 1) from the top 53 bits: exact, unlike std::uniform_real_distribution,
/// whose algorithm each standard library chooses for itself.
Real unitUniform(std::mt19937_64& engine)
{
    return static_cast<Real>(engine() >> 11) * 0x1.0p-53;
}

Real standardNormal(std::mt19937_64& engine)
{
    // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
    const Real u1 = 1 - unitUniform(engine);
    const Real u2 = unitUniform(engine);
    return std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
}

} // namespace

std::string_view toString(InitKind kind)
{
    for (const auto& [k, name] : kInitNames)
        if (k == kind)
            return name;
    return {};
}

std::optional<InitKind> parseInitKind(std::string_view name)
{
    for (const auto& [k, n] : kInitNames)
        if (n == name)
            return k;
    return std::nullopt;
}

Matrix initialise(InitKind kind, int rows, int cols, std::uint64_t seed, std::string_view tag)
{
    switch (kind) {
    case InitKind::Zero:
        return Matrix::Zero(rows, cols);
    case InitKind::Identity:
        return Matrix::Identity(rows, cols);
    case InitKind::XavierUniform:
    case InitKind::Normal:
        break;
    }
    std::mt19937_64 engine(streamKey(seed, tag));
    const Real fanSum = std::max(rows + cols, 1);
    Matrix m(rows, cols);
    // Filled row by row so that the values do not depend on Eigen's storage order.
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            if (kind == InitKind::XavierUniform) {
                const Real a = std::sqrt(6 / fanSum);
                m(r, c) = (2 * unitUniform(engine) - 1) * a;
            } else {
                m(r, c) = standardNormal(engine) * std::sqrt(2 / fanSum);
            }
        }
    return m;
}

RowVector tokenEmbedding(std::string_view token, int dModel, std::uint64_t seed)
{
    std::mt19937_64 engine(streamKey(seed, std::string("embedding/") + std::string(token)));
    RowVector v(dModel);
    for (int c = 0; c < dModel; ++c)
        v(c) = 2 * unitUniform(engine) - 1;
    return v;
}

} // namespace attn

#pragma once
// Bit-for-bit comparison of sessions and passes, for the tests that check that what the
// document shows is exactly attn::forward of its session.

#include "attention.h"
#include "session.h"

#include <bit>
#include <cstdint>
#include <string>

namespace av::test {

inline bool sameBits(const attn::Matrix& a, const attn::Matrix& b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return false;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        if (std::bit_cast<std::uint64_t>(a(i)) != std::bit_cast<std::uint64_t>(b(i)))
            return false;
    return true;
}

inline bool sameBits(const attn::Session& a, const attn::Session& b)
{
    if (!(a == b) ||
        std::bit_cast<std::uint64_t>(a.temperature) != std::bit_cast<std::uint64_t>(b.temperature))
        return false;
    bool same = sameBits(a.embeddings, b.embeddings) &&
                sameBits(a.positional.learned, b.positional.learned) && sameBits(a.wo, b.wo) &&
                sameBits(a.additiveW, b.additiveW);
    for (std::size_t h = 0; h < a.wq.size(); ++h)
        same = same && sameBits(a.wq[h], b.wq[h]) && sameBits(a.wk[h], b.wk[h]) &&
               sameBits(a.wv[h], b.wv[h]);
    return same;
}

/// The name of the first matrix of the shown pass that differs from attn::forward of the
/// session, or "" when all agree bit for bit.
inline std::string resultDifference(const attn::ForwardResult& shown,
                                    const attn::ForwardResult& expected)
{
    if (!sameBits(shown.x, expected.x) || !sameBits(shown.p, expected.p) ||
        !sameBits(shown.xIn, expected.xIn))
        return "X, P or X_in";
    if (shown.mask != expected.mask)
        return "mask";
    if (shown.heads.size() != expected.heads.size())
        return "number of heads";
    for (std::size_t h = 0; h < shown.heads.size(); ++h) {
        const attn::HeadResult& a = shown.heads[h];
        const attn::HeadResult& b = expected.heads[h];
        if (!sameBits(a.q, b.q) || !sameBits(a.k, b.k) || !sameBits(a.v, b.v) ||
            !sameBits(a.rawScores, b.rawScores) || !sameBits(a.scores, b.scores) ||
            !sameBits(a.weights, b.weights) || !sameBits(a.output, b.output) ||
            !sameBits(a.rowMax, b.rowMax) || !sameBits(a.rowSum, b.rowSum) ||
            !sameBits(a.entropy, b.entropy) || !sameBits(a.meanDistance, b.meanDistance))
            return "head " + std::to_string(h);
    }
    if (!sameBits(shown.concat, expected.concat) || !sameBits(shown.output, expected.output))
        return "concat or output";
    return "";
}

} // namespace av::test

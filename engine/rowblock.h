#pragma once
// The pass goes through the n × n matrices a block of rows at a time, and within a column
// only through the rows the mask allows there. Shared by scores, normalisation, statistics
// and A · V.

#include "types.h"

#include <algorithm>
#include <vector>

namespace attn {

/// Rows [begin, end) of a column of the mask that hold every key allowed in it: the n × n
/// sweeps stay inside them, so that a causal mask halves their work.
struct Span
{
    Eigen::Index begin = 0;
    Eigen::Index end = 0;
};

/// Rows [begin, end) of the n × n matrices. The pass goes through them a block of rows at
/// a time, from Q · Kᵀ to A · V, so that each step after the product reads what is still
/// in cache instead of sweeping n × n matrices through memory eight times.
struct Rows
{
    Eigen::Index begin = 0;
    Eigen::Index end = 0;
};

/// Rows per block: 48 × n doubles of each n × n matrix stay in a core's L2 cache at n ≈ 2048,
/// and 48 is a multiple of Eigen's AVX-512 GEMM panel (24 rows).
inline constexpr Eigen::Index kRowBlock = 48;

/// n spans, one per column (key) of the mask; an empty column gives an empty span.
std::vector<Span> columnSpans(const MaskMatrix& mask);

/// Span j clipped to the rows of the block (empty when they do not meet, and then still
/// inside the block: a span below it used to come back as [j, j), and the zeroing of the
/// rows outside it ran past the block, down to row j, in every block above it).
inline Span clip(const Span& span, Rows rows)
{
    const Eigen::Index begin = std::min(std::max(span.begin, rows.begin), rows.end);
    return {begin, std::max(begin, std::min(span.end, rows.end))};
}

} // namespace attn

// The head view's lines (headlines.h) on rows worked by hand.

#include "headlines.h"

#include <gtest/gtest.h>
#include <utility>

namespace attn {
namespace {

/// The (query, key) pairs of the lines, in their order.
std::vector<std::pair<int, int>> pairs(const std::vector<AttentionLine>& lines)
{
    std::vector<std::pair<int, int>> out;
    for (const AttentionLine& line : lines)
        out.emplace_back(line.query, line.key);
    return out;
}

Matrix row(std::initializer_list<double> values)
{
    Matrix m(1, Eigen::Index(values.size()));
    Eigen::Index j = 0;
    for (double v : values)
        m(0, j++) = v;
    return m;
}

using Pairs = std::vector<std::pair<int, int>>;

TEST(StrongestLines, KeepTheLargestUntilTheCoverageIsReached)
{
    const Matrix a = row({0.1, 0.6, 0.05, 0.25});
    // Sorted: 0.6 (key 1), 0.25 (key 3), 0.1 (key 0), 0.05 (key 2).
    EXPECT_EQ(pairs(strongestLines(a, {}, 0.5)), (Pairs{{0, 1}}));
    EXPECT_EQ(pairs(strongestLines(a, {}, 0.6)), (Pairs{{0, 1}}));
    EXPECT_EQ(pairs(strongestLines(a, {}, 0.61)), (Pairs{{0, 1}, {0, 3}}));
    EXPECT_EQ(pairs(strongestLines(a, {}, 0.9)), (Pairs{{0, 1}, {0, 3}, {0, 0}}));
    EXPECT_EQ(pairs(strongestLines(a, {}, 1)), (Pairs{{0, 1}, {0, 3}, {0, 0}, {0, 2}}));
    EXPECT_TRUE(strongestLines(a, {}, 0).empty());
    const auto lines = strongestLines(a, {}, 0.5);
    EXPECT_EQ(lines.front().weight, 0.6);
}

TEST(StrongestLines, TiesWithTheLastKeptAreAllKept)
{
    // Uniform: any one line would reach 25 %, but which one would be arbitrary.
    EXPECT_EQ(pairs(strongestLines(row({0.25, 0.25, 0.25, 0.25}), {}, 0.2)),
              (Pairs{{0, 0}, {0, 1}, {0, 2}, {0, 3}}));
    EXPECT_EQ(pairs(strongestLines(row({0.4, 0.2, 0.2, 0.2}), {}, 0.5)),
              (Pairs{{0, 0}, {0, 1}, {0, 2}, {0, 3}}));
    EXPECT_EQ(pairs(strongestLines(row({0.4, 0.2, 0.2, 0.2}), {}, 0.4)), (Pairs{{0, 0}}));
}

TEST(StrongestLines, OnlyWhatTheMaskAllowsAndOnlyFiniteWeightsAboveZero)
{
    Matrix a(3, 3);
    a << 1, 0, 0,    //
        0.5, 0.5, 0, //
        0.2, std::numeric_limits<double>::quiet_NaN(), 0.8;
    MaskMatrix causal = MaskMatrix::Ones(3, 3).triangularView<Eigen::Lower>();
    Matrix leaky = a;
    leaky(0, 2) = 0.3; // not allowed by the mask: never a line, however strong
    EXPECT_EQ(pairs(strongestLines(leaky, causal, 1)),
              (Pairs{{0, 0}, {1, 0}, {1, 1}, {2, 2}, {2, 0}}));
    // Coverage is a share of the row's total over the lines that may exist: 0.8 of 1.0.
    EXPECT_EQ(pairs(strongestLines(a, causal, 0.8)), (Pairs{{0, 0}, {1, 0}, {1, 1}, {2, 2}}));
}

TEST(StrongestLines, ReluRowsThatDoNotSumToOneUseTheirOwnTotal)
{
    // Total 4: 50 % is reached by the 2 alone.
    EXPECT_EQ(pairs(strongestLines(row({2, 1, 1}), {}, 0.5)), (Pairs{{0, 0}}));
    EXPECT_EQ(pairs(strongestLines(row({2, 1, 1}), {}, 0.51)), (Pairs{{0, 0}, {0, 1}, {0, 2}}));
    EXPECT_TRUE(strongestLines(row({0, 0, 0}), {}, 1).empty());
}

} // namespace
} // namespace attn

// SessionDiff: only the fields that differ are kept, apply and revert are exact to the bit,
// and chained changes append into the change from the first session to the last.

#include "sessiondiff.h"
#include "sessionedit.h"
#include "sessionio.h"
#include "testutil.h"

#include <cstring>
#include <functional>
#include <gtest/gtest.h>
#include <random>

namespace attn {
namespace {

Session lesson()
{
    return readSession(test::readText(ATTNVIZ_LESSON_DIR "/i-love-nlp.attn.json"), "lesson");
}

template <typename M> bool sameBits(const M& a, const M& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           (a.size() == 0 ||
            std::memcmp(a.data(), b.data(), sizeof(typename M::Scalar) * a.size()) == 0);
}

bool sameBits(const std::vector<Matrix>& a, const std::vector<Matrix>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!sameBits(a[i], b[i]))
            return false;
    return true;
}

bool sameBits(Real a, Real b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool sameBits(const Session& a, const Session& b)
{
    return a.title == b.title && a.tokens == b.tokens && a.dModel == b.dModel &&
           a.heads == b.heads && a.seed == b.seed && sameBits(a.embeddings, b.embeddings) &&
           a.positional.kind == b.positional.kind &&
           sameBits(a.positional.base, b.positional.base) &&
           sameBits(a.positional.learned, b.positional.learned) && a.score == b.score &&
           sameBits(a.temperature, b.temperature) && a.mask.kind == b.mask.kind &&
           a.mask.radius == b.mask.radius && sameBits(a.mask.custom, b.mask.custom) &&
           a.normalizer == b.normalizer && sameBits(a.wq, b.wq) && sameBits(a.wk, b.wk) &&
           sameBits(a.wv, b.wv) && sameBits(a.wo, b.wo) && sameBits(a.additiveW, b.additiveW);
}

/// diff(before, after) turns before into after and back, exactly.
::testing::AssertionResult roundTrips(const Session& before, const Session& after)
{
    const SessionDiff diff(before, after);
    Session s = before;
    diff.apply(s);
    if (!sameBits(s, after))
        return ::testing::AssertionFailure() << "apply does not give after";
    diff.revert(s);
    if (!sameBits(s, before))
        return ::testing::AssertionFailure() << "revert does not give before";
    if (diff.empty() != sameBits(before, after))
        return ::testing::AssertionFailure() << "empty() is wrong";
    return ::testing::AssertionSuccess();
}

std::vector<std::string> words(int n)
{
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i)
        out.push_back("w" + std::to_string(i));
    return out;
}

/// Edits of every kind, each a function of the session before.
std::vector<std::function<Session(Session)>> edits()
{
    return {
        [](Session s) { return s.title = "other", s; },
        [](Session s) {
            return withTokens(std::move(s), {"a", "b"});
        },
        [](Session s) { return withDModel(std::move(s), 6); },
        [](Session s) { return withHeads(withDModel(std::move(s), 6), 3); },
        [](Session s) { return withSeed(std::move(s), 7); },
        [](Session s) { return s.embeddings(0, 1) = -0.0, s; },
        [](Session s) { return s.positional.kind = PeKind::Sinusoidal, s; },
        [](Session s) { return s.positional.base = 500, s; },
        [](Session s) { return s.positional.learned = Matrix::Ones(s.n(), s.dModel), s; },
        [](Session s) { return s.score = ScoreKind::Additive, s; },
        [](Session s) { return s.temperature = 0.5, s; },
        [](Session s) { return s.mask.kind = MaskKind::Window, s; },
        [](Session s) { return s.mask.radius = 3, s; },
        [](Session s) { return s.mask.custom = MaskMatrix::Ones(s.n(), s.n()), s; },
        [](Session s) { return s.normalizer = NormalizerKind::Relu, s; },
        [](Session s) { return s.wq[0](2, 1) = 9, s; },
        [](Session s) { return s.wk[0] = Matrix::Zero(s.dModel, s.dK()), s; },
        [](Session s) { return s.wv[0](0, 0) = 1e-300, s; },
        [](Session s) { return s.wo(1, 1) = -2, s; },
        [](Session s) { return s.additiveW(0, 1) = 0.25, s; },
    };
}

TEST(SessionDiff, EveryKindOfEditRoundTrips)
{
    const Session start = lesson();
    EXPECT_TRUE(SessionDiff(start, start).empty());
    EXPECT_EQ(SessionDiff(start, start).storedValues(), 0u);
    Session all = start;
    for (const auto& edit : edits()) {
        const Session after = edit(start);
        EXPECT_FALSE(SessionDiff(start, after).empty());
        EXPECT_TRUE(roundTrips(start, after));
        all = edit(all);
    }
    EXPECT_TRUE(roundTrips(start, all));
    EXPECT_TRUE(roundTrips(all, start));
}

TEST(SessionDiff, ATemperatureChangeOfALargeSessionStoresTwoNumbers)
{
    const Session large = withDModel(withTokens(lesson(), words(512)), 768);
    Session warmer = large;
    warmer.temperature = 2;
    const SessionDiff diff(large, warmer);
    EXPECT_EQ(diff.storedValues(), 2u);
    EXPECT_LT(sizeof(diff), 4096u); // the fields' bookkeeping, no matrix
    EXPECT_TRUE(roundTrips(large, warmer));
}

TEST(SessionDiff, OneCellStoresOneCell)
{
    Session s = withHeads(withDModel(lesson(), 8), 2);
    s.mask.kind = MaskKind::Custom;
    s.mask.custom = MaskMatrix::Ones(3, 3);
    Session t = s;
    t.wq[1](7, 3) = 0.5;
    EXPECT_EQ(SessionDiff(s, t).storedValues(), 2u);
    t.mask.custom(2, 0) = 0;
    EXPECT_EQ(SessionDiff(s, t).storedValues(), 4u);
    EXPECT_TRUE(roundTrips(s, t));
    // A changed shape keeps both matrices whole: X (3 × 8, 2 × 8), the mask (3 × 3, 2 × 2)
    // and both token lists.
    const Session u = withTokens(s, {"I", "love"});
    EXPECT_EQ(SessionDiff(s, u).storedValues(), 24u + 16u + 9u + 4u + 3u + 2u);
    EXPECT_TRUE(roundTrips(s, u));
}

TEST(SessionDiff, MinusZeroIsAChange)
{
    Session s = lesson();
    s.embeddings(0, 0) = 0.0;
    Session t = s;
    t.embeddings(0, 0) = -0.0;
    EXPECT_FALSE(SessionDiff(s, t).empty());
    EXPECT_TRUE(roundTrips(s, t));
}

TEST(SessionDiff, ChangesThatReturnCancelOut)
{
    const Session start = lesson();
    for (const auto& edit : edits()) {
        const Session after = edit(start);
        SessionDiff there(start, after);
        there.append(SessionDiff(after, start));
        EXPECT_TRUE(there.empty());
        EXPECT_EQ(there.storedValues(), 0u);
    }
}

TEST(SessionDiff, RandomChainsAppendIntoTheChangeFromFirstToLast)
{
    const auto kinds = edits();
    std::mt19937 rng(13);
    for (int chain = 0; chain < 300; ++chain) {
        Session first = lesson();
        if (chain % 3 == 0)
            first = withHeads(withDModel(first, 6), 2);
        Session s = first;
        SessionDiff merged;
        const int length = std::uniform_int_distribution<int>(1, 8)(rng);
        for (int i = 0; i < length; ++i) {
            Session next = kinds[rng() % kinds.size()](s);
            if (rng() % 4 == 0)
                next = first; // back to the start now and then
            if (rng() % 3 == 0 && next.n() > 0)
                next.embeddings(0, 0) += 1; // a scrub's next step
            merged.append(SessionDiff(s, next));
            s = std::move(next);
        }
        Session replay = first;
        merged.apply(replay);
        ASSERT_TRUE(sameBits(replay, s)) << "chain " << chain;
        merged.revert(replay);
        ASSERT_TRUE(sameBits(replay, first)) << "chain " << chain;
        ASSERT_EQ(merged.empty(), sameBits(first, s)) << "chain " << chain;
    }
}

} // namespace
} // namespace attn

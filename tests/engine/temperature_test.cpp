// A temperature so small that raw / T overflows a double, and scores beyond a double's
// range: the weights keep their limit (never NaN) and a dump refuses, naming the number,
// instead of writing null.

#include "attention.h"
#include "sessionerror.h"
#include "sessionio.h"
#include "testutil.h"

#include <cmath>
#include <gtest/gtest.h>

namespace attn {
namespace {

/// The worked example at another temperature (and normaliser).
Session lesson(Real temperature, NormalizerKind normalizer = NormalizerKind::Softmax)
{
    SessionOverrides o;
    o.temperature = temperature;
    o.normalizer = normalizer;
    return readSession(test::readText(ATTNVIZ_LESSON_DIR "/i-love-nlp.attn.json"),
                       "i-love-nlp.attn.json", o);
}

/// The message writeDump throws, or "" when it writes the dump.
std::string dumpRefusal(const Session& s, const ForwardResult& r)
{
    try {
        writeDump(s, r);
    } catch (const SessionError& e) {
        return e.what();
    }
    return "";
}

bool hasNaN(const ForwardResult& r)
{
    bool nan = r.concat.hasNaN() || r.output.hasNaN();
    for (const HeadResult& h : r.heads)
        nan = nan || h.weights.hasNaN() || h.output.hasNaN() || h.entropy.hasNaN() ||
              h.meanDistance.hasNaN() || h.rowSum.hasNaN();
    return nan;
}

TEST(Temperature, TinyTemperatureIsOneHotAtTheRowMaximum)
{
    // The worked example's queries all prefer "NLP" (the largest key): at T → 0 each row
    // puts all its weight there. It was 1/3 each: every score was +∞.
    const Session s = lesson(1e-320);
    const ForwardResult r = forward(s);
    EXPECT_FALSE(hasNaN(r));
    const Matrix& a = r.heads[0].weights;
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
        Eigen::Index best = 0;
        r.heads[0].rawScores.row(i).maxCoeff(&best);
        for (Eigen::Index j = 0; j < a.cols(); ++j)
            EXPECT_EQ(a(i, j), j == best ? 1.0 : 0.0) << i << ", " << j;
    }
    EXPECT_TRUE(test::nearlyEqual(r.heads[0].output, r.heads[0].v.row(2).replicate(3, 1), 1e-15));
    EXPECT_EQ(r.heads[0].entropy, Vector::Zero(3));
}

TEST(Temperature, SmallTemperaturesApproachTheLimitSmoothly)
{
    // At T = 1e-3 the weights are within e^-200 of the limit; from 1e-100 on they are it,
    // to the last bit, whether raw / T still fits in a double (1e-300) or not (5e-324).
    const Matrix limit = forward(lesson(5e-324)).heads[0].weights;
    EXPECT_TRUE(test::nearlyEqual(forward(lesson(1e-3)).heads[0].weights, limit, 1e-80));
    for (const Real t : {1e-100, 1e-300, 1e-310, 1e-320})
        EXPECT_EQ(forward(lesson(t)).heads[0].weights, limit) << t;
}

TEST(Temperature, DumpRefusesOverflowedScoresByTheirPath)
{
    const Session s = lesson(1e-320);
    const std::string why = dumpRefusal(s, forward(s));
    EXPECT_EQ(why.rfind("head_results[0].scores[0][0]: +inf", 0), 0u) << why;
    EXPECT_NE(why.find("temperature"), std::string::npos) << why;
    // A temperature whose scores still fit is written, every number of it.
    const Session fits = lesson(1e-300);
    EXPECT_EQ(dumpRefusal(fits, forward(fits)), "");
    EXPECT_EQ(writeDump(fits, forward(fits)).find("null"), std::string::npos);
}

TEST(Temperature, ReluWeightsOverflowAndTheDumpSaysWhere)
{
    // relu is not normalised: A = max(0, raw) / T really is +∞ at a tiny T (T does not
    // cancel), but never NaN in the weights.
    const Session s = lesson(1e-320, NormalizerKind::Relu);
    const ForwardResult r = forward(s);
    EXPECT_FALSE(r.heads[0].weights.hasNaN());
    EXPECT_EQ(r.heads[0].weights(0, 0), std::numeric_limits<Real>::infinity());
    EXPECT_EQ(dumpRefusal(s, r).rfind("head_results[0].scores[0][0]: +inf", 0), 0u);
}

TEST(Temperature, HugeDotCorpusSessionComputesAndIsRefusedAsADump)
{
    // tests/fuzz/corpus/valid-huge-dot: embeddings ±1e200, dot score, T = 1e-300, a window
    // of radius 0. Q·Kᵀ overflows to ±∞ (or NaN where ∞ − ∞): the weights stay in [0, 1],
    // no NaN, and the dump names the first raw score it cannot hold.
    const std::string path = ATTNVIZ_FUZZ_CORPUS_DIR "/valid-huge-dot.attn.json";
    const Session s = readSession(test::readText(path), path);
    const ForwardResult r = forward(s);
    for (const HeadResult& h : r.heads) {
        EXPECT_FALSE(h.weights.hasNaN());
        EXPECT_TRUE((h.weights.array() >= 0).all() && (h.weights.array() <= 1).all());
    }
    const std::string why = dumpRefusal(s, r);
    EXPECT_EQ(why.rfind("head_results[0].raw_scores[", 0), 0u) << why;
    EXPECT_NE(why.find("overflowed"), std::string::npos) << why;
}

} // namespace
} // namespace attn

// updateAfterCellEdit against a fresh pass: for every kind of matrix, an edited cell then
// the update gives forward()'s numbers (bit for bit when it says Exact, to 1e-12 when it
// says Approximate), or leaves the result untouched when it asks for a whole pass.

#include "attention.h"
#include "celledit.h"
#include "sessionio.h"
#include "testutil.h"

#include <gtest/gtest.h>
#include <string>

namespace attn {
namespace {

/// Five tokens, d_model 6, three heads; every weight derived from the seed. extra adds
/// members to the file.
Session session(const std::string& extra)
{
    return readSession(R"({"format": "attnviz-session", "version": 1, "seed": 11,
        "tokens": ["the", "cat", "sat", "on", "mats"], "d_model": 6, "heads": 3)" +
                           extra + "}",
                       "test");
}

/// A learned encoding (not necessarily in use), so that its cells can be edited too.
std::string learned(const char* kind)
{
    std::string rows;
    for (int i = 0; i < 5; ++i)
        rows += std::string(i ? "," : "") + "[0.1, -0.2, 0.3, 0.05, " + std::to_string(i) + ", 1]";
    return std::string(R"(, "positional_encoding": {"kind": ")") + kind + R"(", "matrix": [)" +
           rows + "]}";
}

void expectSameBits(const ForwardResult& a, const ForwardResult& b)
{
    EXPECT_EQ(a.xIn, b.xIn);
    EXPECT_EQ(a.mask, b.mask);
    ASSERT_EQ(a.heads.size(), b.heads.size());
    for (std::size_t h = 0; h < a.heads.size(); ++h) {
        SCOPED_TRACE("head " + std::to_string(h));
        EXPECT_EQ(a.heads[h].q, b.heads[h].q);
        EXPECT_EQ(a.heads[h].k, b.heads[h].k);
        EXPECT_EQ(a.heads[h].v, b.heads[h].v);
        EXPECT_EQ(a.heads[h].rawScores, b.heads[h].rawScores);
        EXPECT_EQ(a.heads[h].scores, b.heads[h].scores);
        EXPECT_EQ(a.heads[h].weights, b.heads[h].weights);
        EXPECT_EQ(a.heads[h].output, b.heads[h].output);
        EXPECT_EQ(a.heads[h].rowMax, b.heads[h].rowMax);
        EXPECT_EQ(a.heads[h].rowSum, b.heads[h].rowSum);
        EXPECT_EQ(a.heads[h].entropy, b.heads[h].entropy);
        EXPECT_EQ(a.heads[h].meanDistance, b.heads[h].meanDistance);
    }
    EXPECT_EQ(a.concat, b.concat);
    EXPECT_EQ(a.output, b.output);
}

struct Edit
{
    MatrixRef ref;
    int row = 0;
    int col = 0;
    CellUpdate exact;       ///< expected without allowApproximate
    CellUpdate approximate; ///< expected with it
};

/// Every edit of the list on a copy of base: update, then compare with a fresh pass.
void checkEdits(const Session& base, const std::vector<Edit>& edits)
{
    const ForwardResult before = forward(base);
    for (const Edit& e : edits)
        for (const bool allow : {false, true}) {
            SCOPED_TRACE("kind " + std::to_string(int(e.ref.kind)) + " head " +
                         std::to_string(e.ref.head) + " cell " + std::to_string(e.row) + "," +
                         std::to_string(e.col) + (allow ? " approximate allowed" : ""));
            Session edited = base;
            matrixOf(edited, e.ref)(e.row, e.col) += 0.75;
            ForwardResult result = before;
            const CellUpdate update =
                updateAfterCellEdit(edited, result, e.ref, e.row, e.col, allow);
            EXPECT_EQ(update, allow ? e.approximate : e.exact);
            const ForwardResult fresh = forward(edited);
            switch (update) {
            case CellUpdate::Exact:
                expectSameBits(result, fresh);
                break;
            case CellUpdate::Approximate:
                expectSameBits(ForwardResult{result.x, result.p, result.xIn, result.mask,
                                             result.heads, result.concat, fresh.output},
                               fresh); // all but O exactly
                EXPECT_TRUE(test::nearlyEqual(result.output, fresh.output, 1e-12));
                break;
            case CellUpdate::NeedsFullPass:
                expectSameBits(result, before);
                EXPECT_NE(fresh.output, before.output) << "the edit must matter";
                break;
            }
        }
}

constexpr CellUpdate kExact = CellUpdate::Exact;
constexpr CellUpdate kApprox = CellUpdate::Approximate;
constexpr CellUpdate kFull = CellUpdate::NeedsFullPass;

TEST(CellEdit, EveryMatrixKindUnderTheAdditiveScore)
{
    const Session s =
        session(R"(, "score": "additive", "mask": {"kind": "causal"})" + learned("sinusoidal"));
    checkEdits(s, {{{MatrixKind::WQ, 0}, 3, 1, kExact, kApprox},
                   {{MatrixKind::WK, 1}, 0, 0, kExact, kApprox},
                   {{MatrixKind::WV, 2}, 5, 1, kExact, kApprox},
                   {{MatrixKind::AdditiveW}, 1, 0, kExact, kApprox}, // row = head 1
                   {{MatrixKind::WO}, 2, 4, kExact, kExact},
                   {{MatrixKind::LearnedPE}, 1, 2, kExact, kExact}, // not in use
                   {{MatrixKind::Embeddings}, 4, 5, kFull, kFull}});
}

TEST(CellEdit, ScaledDotWithALearnedEncodingInUse)
{
    const Session s = session(learned("learned"));
    checkEdits(s, {{{MatrixKind::WQ, 2}, 0, 1, kExact, kApprox},
                   {{MatrixKind::WV, 0}, 1, 1, kExact, kApprox},
                   {{MatrixKind::AdditiveW}, 2, 1, kExact, kExact}, // unused by scaled_dot
                   {{MatrixKind::WO}, 5, 0, kExact, kExact},
                   {{MatrixKind::LearnedPE}, 3, 3, kFull, kFull},
                   {{MatrixKind::Embeddings}, 0, 0, kFull, kFull}});
}

TEST(CellEdit, WideOutputEditsOnlyItsColumnBlock)
{
    // d_model 256: W_O's columns fall into two blocks of 128; an edit in the second block
    // leaves the first as it was, and both equal a fresh pass.
    const Session s = readSession(R"({"format": "attnviz-session", "version": 1, "seed": 3,
        "tokens": ["a", "b", "c"], "d_model": 256, "heads": 4, "normalizer": "relu"})",
                                  "wide");
    checkEdits(s, {{{MatrixKind::WO}, 7, 200, kExact, kExact},
                   {{MatrixKind::WK, 3}, 255, 63, kExact, kApprox}});
}

TEST(CellEdit, AResultOfOtherSizesAsksForAWholePass)
{
    const Session s = session("");
    Session wider = readSession(writeSession(s), "x", [] {
        SessionOverrides o;
        o.dModel = 12;
        return o;
    }());
    ForwardResult result = forward(s);
    const ForwardResult before = result;
    EXPECT_EQ(updateAfterCellEdit(wider, result, {MatrixKind::WO}, 0, 0, true), kFull);
    expectSameBits(result, before);
}

} // namespace
} // namespace attn

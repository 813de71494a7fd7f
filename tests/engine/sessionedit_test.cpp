// Shape-changing edits: what is kept, what is derived again.

#include "attention.h"
#include "sessionedit.h"
#include "sessionio.h"
#include "testutil.h"

#include <gtest/gtest.h>

namespace attn {
namespace {

Session lesson()
{
    return readSession(test::readText(ATTNVIZ_LESSON_DIR "/i-love-nlp.attn.json"), "lesson");
}

TEST(SessionEdit, NewTokensKeepTheEmbeddingsOfKnownWords)
{
    Session s = lesson();
    s.mask.kind = MaskKind::Custom;
    s.mask.custom = MaskMatrix::Zero(3, 3);
    const Session t = withTokens(s, {"NLP", "is", "love", "I"});
    validate(t);
    EXPECT_EQ(t.embeddings.row(0), s.embeddings.row(2));
    EXPECT_EQ(t.embeddings.row(2), s.embeddings.row(1));
    EXPECT_EQ(t.embeddings.row(1), tokenEmbedding("is", 3, s.seed));
    EXPECT_EQ(t.mask.custom.topLeftCorner(3, 3), MaskMatrix::Zero(3, 3));
    EXPECT_EQ(t.mask.custom.row(3), MaskMatrix::Ones(1, 4));
    EXPECT_EQ(t.wq, s.wq); // weights do not depend on the tokens
    const Session empty = withTokens(s, {});
    validate(empty);
    EXPECT_EQ(forward(empty).output.rows(), 0);
}

TEST(SessionEdit, NewSizesDeriveEveryWeightAgain)
{
    const Session s = withHeads(withDModel(lesson(), 8), 4);
    validate(s);
    EXPECT_EQ(s.wq.size(), 4u);
    EXPECT_EQ(s.wq[3].cols(), 2);
    EXPECT_EQ(s.wo, Matrix::Identity(8, 8));
    EXPECT_EQ(s.embeddings.row(1), tokenEmbedding("love", 8, s.seed));
    EXPECT_EQ(s.additiveW.rows(), 4);
    EXPECT_EQ(s.wq[2], initialMatrix(s, {MatrixKind::WQ, 2}, InitKind::XavierUniform));
}

TEST(SessionEdit, ANewSeedChangesWhatIsDerived)
{
    const Session a = withSeed(lesson(), 1);
    const Session b = withSeed(lesson(), 2);
    EXPECT_NE(a.wq[0], b.wq[0]);
    EXPECT_NE(a.embeddings, b.embeddings);
    EXPECT_EQ(withSeed(lesson(), 1), a);
}

TEST(SessionEdit, DerivedWeightsMatchWhatAFileWithoutWeightsGets)
{
    // A file that leaves the weights out and a re-initialisation give the same numbers.
    const Session fromFile = readSession(
        R"({"format":"attnviz-session","version":1,"tokens":["a","b"],"d_model":4,"heads":2,"seed":7})", "x");
    for (int h = 0; h < 2; ++h)
        EXPECT_EQ(fromFile.wk[h], initialMatrix(fromFile, {MatrixKind::WK, h}, InitKind::XavierUniform));
    EXPECT_EQ(fromFile.embeddings, initialMatrix(fromFile, {MatrixKind::Embeddings}, InitKind::XavierUniform));
}

} // namespace
} // namespace attn

namespace attn {
namespace {

TEST(SessionEdit, ALearnedEncodingGrowsFromZeroTokens)
{
    // Found by the undo property test: with zero tokens the learned matrix is empty, and
    // typing tokens must still give it one row per token.
    Session s = withTokens(lesson(), {});
    s.positional.kind = PeKind::Learned;
    s.positional.learned = Matrix(0, s.dModel);
    s.mask.kind = MaskKind::Custom;
    s.mask.custom = MaskMatrix(0, 0);
    const Session t = withTokens(s, {"a", "b"});
    validate(t);
    EXPECT_EQ(t.positional.learned.rows(), 2);
    EXPECT_EQ(t.mask.custom.rows(), 2);
    EXPECT_EQ(forward(t).output.rows(), 2);
}

} // namespace
} // namespace attn

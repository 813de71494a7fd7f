// Encoder–decoder sessions in the engine (model.h: a model with an encoder): edits recompute
// what they change and nothing less, every weight of the encoder and of each
// cross-attention can be edited, the structural edits keep the model whole, and the float32
// pass is the double one's. The numbers themselves are checked against the NumPy reference
// (tests/cli/test_encoder_decoder.py).

#include "modeledit.h"
#include "modelforward.h"
#include "sessionio.h"
#include "testutil.h"

#include <gtest/gtest.h>
#include <set>

namespace attn {
namespace {

const char* const lessonPath =
    ATTNVIZ_LESSON_DIR "/transformers/translation-cross-attention.attn.json";

Model lesson()
{
    return std::get<Model>(readAnySession(test::readText(lessonPath), "lesson"));
}

/// Two encoder blocks, three decoder blocks, pre-norm with FFNs, 5 source and 4 target tokens.
Model deeper()
{
    const std::string text = R"({"format": "attnviz-session", "version": 2, "d_model": 8,
        "heads": 2, "seed": 5, "tokens": ["<s>", "x", "y", "z"], "mask": {"kind": "causal"},
        "encoder": {"tokens": ["a", "b", "c", "d", "e"],
                    "layers": [{"norm": "pre", "ffn": {"d_ff": 6}}, {"norm": "pre"}],
                    "final_norm": {}},
        "layers": [{"norm": "pre", "ffn": {"d_ff": 6}}, {"norm": "pre"},
                   {"norm": "pre", "ffn": {"d_ff": 6}}]})";
    return std::get<Model>(readAnySession(text, "deeper"));
}

void expectSamePass(const ModelResult& got, const ModelResult& fresh)
{
    ASSERT_EQ(got.blocks.size(), fresh.blocks.size());
    for (std::size_t l = 0; l < fresh.blocks.size(); ++l) {
        ASSERT_EQ(got.blocks[l].cross.heads.size(), fresh.blocks[l].cross.heads.size());
        for (std::size_t h = 0; h < fresh.blocks[l].cross.heads.size(); ++h)
            EXPECT_EQ(got.blocks[l].cross.heads[h].weights, fresh.blocks[l].cross.heads[h].weights);
        EXPECT_EQ(got.blocks[l].output, fresh.blocks[l].output);
    }
    ASSERT_EQ(got.encoder.size(), 1u);
    EXPECT_EQ(got.encoder.front().final, fresh.encoder.front().final);
    EXPECT_EQ(got.final, fresh.final);
}

TEST(EncoderDecoder, CrossAttentionIsTargetTimesSourceAndReadsTheEncodersOutput)
{
    const Model m = deeper();
    const ModelResult r = forwardModel(m);
    ASSERT_EQ(r.encoder.size(), 1u);
    const Matrix& memory = r.encoder.front().final;
    EXPECT_EQ(memory.rows(), 5);
    for (const BlockResult& b : r.blocks) {
        ASSERT_EQ(b.cross.heads.size(), 2u);
        EXPECT_EQ(b.cross.heads[0].weights.rows(), 4);
        EXPECT_EQ(b.cross.heads[0].weights.cols(), 5);
        // Every source token is allowed: no weight of a softmax row is exactly 0.
        EXPECT_GT(b.cross.heads[1].weights.minCoeff(), 0);
    }
    // K of block 0's first cross head is the encoder's output through its W_K.
    const CrossAttention& c = *m.layers[0].cross;
    EXPECT_TRUE(test::nearlyEqual(r.blocks[0].cross.heads[0].k, memory * c.attention.wk[0], 1e-12));
    // Pre-norm: Q from LN_c(M).
    EXPECT_TRUE(test::nearlyEqual(r.blocks[0].cross.heads[0].q,
                                  r.blocks[0].cross.ln.output * c.attention.wq[0], 1e-12));
}

TEST(EncoderDecoder, AnEditRecomputesFromWhereItLands)
{
    Model m = deeper();
    ModelResult r = forwardModel(m);
    const Matrix encoderBefore = r.encoder.front().final;
    const Matrix block0Before = r.blocks[0].output;
    // A cross-attention weight of block 1: block 0 and the encoder are kept.
    const ModelMatrixRef cross{ModelMatrix::WQ, 1, 1, true};
    ASSERT_TRUE(hasMatrix(m, cross));
    modelMatrix(m, cross)(2, 3) += 0.75;
    ASSERT_EQ(firstBlockChanged(m, cross), 1);
    recomputeFrom(m, r, firstBlockChanged(m, cross));
    expectSamePass(r, forwardModel(m));
    EXPECT_EQ(r.blocks[0].output, block0Before);
    EXPECT_NE(r.blocks[1].cross.heads[1].weights,
              forwardModel(deeper()).blocks[1].cross.heads[1].weights);
    // A head of the decoder's self-attention (the one-head path), then an ablation.
    modelMatrix(m, {ModelMatrix::WK, 2, 0})(0, 0) -= 0.5;
    recomputeHead(m, r, 2, 0);
    const ModelResult fresh = forwardModel(m);
    EXPECT_TRUE(test::nearlyEqual(r.final, fresh.final, 1e-12));
    EXPECT_TRUE(test::nearlyEqual(r.blocks[2].cross.heads[0].weights,
                                  fresh.blocks[2].cross.heads[0].weights, 1e-12));
    // An encoder weight changes the encoder and so every cross-attention: a whole pass.
    const ModelMatrixRef encoder{ModelMatrix::WV, 0, 1, false, true};
    ASSERT_TRUE(hasMatrix(m, encoder));
    EXPECT_EQ(firstBlockChanged(m, encoder), -1);
    modelMatrix(m, encoder)(1, 1) += 1.0;
    EXPECT_EQ(m.encoder.front().layers[0].attention.wv[1](1, 1),
              deeper().encoder.front().layers[0].attention.wv[1](1, 1) + 1.0);
    const ModelResult after = forwardModel(m);
    EXPECT_NE(after.encoder.front().final, encoderBefore);
    EXPECT_NE(after.blocks[0].cross.heads[0].weights, r.blocks[0].cross.heads[0].weights);
}

TEST(EncoderDecoder, EveryMatrixOfTheEncoderAndOfEachCrossAttentionIsEditable)
{
    const Model m = deeper();
    const std::vector<ModelMatrixRef> refs = modelMatrices(m);
    int encoder = 0, cross = 0;
    std::set<std::pair<const double*, Eigen::Index>> places;
    for (const ModelMatrixRef& ref : refs) {
        ASSERT_TRUE(hasMatrix(m, ref));
        encoder += ref.encoder;
        cross += ref.cross;
        const ConstMatrixMap map = modelMatrix(m, ref);
        EXPECT_TRUE(places.insert({map.data(), map.size()}).second) << "two refs, one matrix";
    }
    // The encoder: X, and per block LN1 (2), Q/K/V and biases (2 heads × 6), W_O, b_O,
    // additive_w, LN2 (2, with an FFN), FFN (4), then the final norm (2).
    EXPECT_EQ(encoder, 1 + (2 + 12 + 3 + 2 + 4) + (2 + 12 + 3) + 2);
    // Per decoder block: LN_c (2), Q/K/V and biases (12), W_O, b_O, additive_w.
    EXPECT_EQ(cross, 3 * (2 + 12 + 3));
    EXPECT_FALSE(hasMatrix(m, {ModelMatrix::W1, 0, 0, true}));             // no FFN in a cross
    EXPECT_FALSE(hasMatrix(lesson(), {ModelMatrix::Ln1Gain, 0, 0, true})); // no norm: no LN_c
    EXPECT_FALSE(hasMatrix(m, {ModelMatrix::Unembedding, 0, 0, false, true}));
}

TEST(EncoderDecoder, StructuralEditsKeepTheModelWhole)
{
    const Model m = deeper();
    const Model longer = withLayerCount(m, 5);
    ASSERT_EQ(longer.layerCount(), 5);
    EXPECT_TRUE(longer.layers[4].cross.has_value());
    EXPECT_NO_THROW(validate(longer));
    EXPECT_EQ(forwardModel(longer).blocks[4].cross.heads.size(), 2u);
    const Model post = withNorm(m, NormPlacement::Post);
    for (const Block& b : post.encoder.front().layers)
        EXPECT_EQ(b.norm, NormPlacement::Post);
    const Model noFfn = withFfnWidth(m, 0);
    for (const Block& b : noFfn.encoder.front().layers)
        EXPECT_FALSE(b.ffn.has_value());
    const Model wider = withFfnWidth(m, 10);
    EXPECT_NO_THROW(validate(wider));
    // The encoder's FFN is derived from its own streams, not the decoder's.
    EXPECT_NE(wider.encoder.front().layers[1].ffn->w1, wider.layers[1].ffn->w1);
    EXPECT_FALSE(withResidual(m, false).encoder.front().layers[0].residual);
}

TEST(EncoderDecoder, TheFloatPassIsTheDoubleOnes)
{
    const Model m = deeper();
    const ModelResult r = forwardModel(m);
    const FloatModelResult f = forwardModel(castModel<float>(m));
    ASSERT_EQ(f.encoder.size(), 1u);
    EXPECT_TRUE(
        test::nearlyEqual(f.encoder.front().final.cast<double>(), r.encoder.front().final, 1e-5));
    for (std::size_t l = 0; l < r.blocks.size(); ++l)
        EXPECT_TRUE(test::nearlyEqual(f.blocks[l].cross.heads[1].weights.cast<double>(),
                                      r.blocks[l].cross.heads[1].weights, 1e-5));
    // And back: the double model again, bit for bit.
    EXPECT_EQ(castModel<double>(m).encoder.front().layers[1].attention.wq[0],
              m.encoder.front().layers[1].attention.wq[0]);
}

TEST(EncoderDecoder, TheLessonAlignsEachFrenchWordWithItsEnglishWord)
{
    const Model m = lesson();
    const ModelResult r = forwardModel(m);
    const Matrix& a = r.blocks[0].cross.heads[0].weights; // target × source
    ASSERT_EQ(a.rows(), 5);
    ASSERT_EQ(a.cols(), 4);
    // le → the, chat → cat, noir → black, dort → sleeps: the lines cross.
    const int expected[] = {-1, 0, 2, 1, 3};
    for (int i = 1; i < 5; ++i) {
        Eigen::Index best = 0;
        a.row(i).maxCoeff(&best);
        EXPECT_EQ(best, expected[i]) << "target token " << i;
        EXPECT_GT(a(i, best), 0.9);
    }
}

} // namespace
} // namespace attn

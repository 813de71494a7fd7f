#pragma once
// What a model's pass computes (model.h): every intermediate of every block, kept so that
// each number on screen can be traced to its formula. In the scalar the pass runs in
// (ModelResult: double; FloatModelResult: float, modelforward.h).

#include "forwardresult.h"
#include "types.h"

#include <vector>

namespace attn {

/// LN(x) of each row, with the statistics the formula panel shows.
template <typename Scalar> struct BasicLayerNormResult
{
    MatrixOf<Scalar> output;   ///< n × d_model, (x − mean) / √(var + eps) ⊙ gain + bias
    VectorOf<Scalar> mean;     ///< n
    VectorOf<Scalar> variance; ///< n, dividing by d_model

    bool empty() const { return output.size() == 0 && mean.size() == 0; }
};

/// A decoder block's cross-attention, C = (M +) Cross(LN_c(M) or M), with the encoder's
/// output E (m × d_model) as keys and values. Empty in a block without one.
template <typename Scalar> struct BasicCrossResult
{
    using Matrix = MatrixOf<Scalar>;

    BasicLayerNormResult<Scalar> ln; ///< pre: LN_c(M); post: LN_c(sum); none: empty
    /// Each head's Q (n × d_k, from the block), K and V (m × d_k, from E), scores and
    /// A (n × m: target tokens × source tokens) and Z (n × d_k; 0 if ablated)
    std::vector<BasicHeadResult<Scalar>> heads;
    Matrix concat; ///< n × d_model
    Matrix output; ///< n × d_model, concat · W_O + b_O
    Matrix sum;    ///< n × d_model, post only: (M +) output, the sum LN_c takes
    Matrix after;  ///< n × d_model, C, what the FFN takes

    bool empty() const { return heads.empty(); }
};

template <typename Scalar> struct BasicBlockResult
{
    using Matrix = MatrixOf<Scalar>;

    Matrix input;                     ///< n × d_model, H_l
    BasicLayerNormResult<Scalar> ln1; ///< pre: LN1(H_l); post: LN1(attentionSum); none: empty
    std::vector<BasicHeadResult<Scalar>>
        heads;                        ///< Q, K, V, scores, A and Z of each head (Z = 0 if ablated)
    Matrix concat;                    ///< n × d_model, [Z_0 | … | Z_{H−1}]
    Matrix attentionOutput;           ///< n × d_model, MHA = concat · W_O + b_O
    Matrix attentionSum;              ///< n × d_model, post only: (H_l +) MHA, the sum LN1 takes
    Matrix afterAttention;            ///< n × d_model, M
    BasicCrossResult<Scalar> cross;   ///< with an encoder: the attention over its output
    BasicLayerNormResult<Scalar> ln2; ///< with an FFN: pre: LN2(M); post: LN2(ffnSum)
    Matrix ffnPreActivation;          ///< n × d_ff, FFN input · W_1 + b_1
    Matrix ffnHidden;                 ///< n × d_ff, act(ffnPreActivation)
    Matrix ffnOutput;                 ///< n × d_model, ffnHidden · W_2 + b_2
    Matrix ffnSum;                    ///< n × d_model, post only: (M +) FFN, the sum LN2 takes
    Matrix output;                    ///< n × d_model, H_{l+1}
};

/// One of the most probable next tokens (in double whatever the pass's scalar).
struct Prediction
{
    int id = 0; ///< index in the vocabulary
    Real logit = 0;
    Real p = 0; ///< exp(logit − max) / Σ exp(row − max) of its row
};

template <typename Scalar> struct BasicModelResult
{
    using Matrix = MatrixOf<Scalar>;

    Matrix x;        ///< n × d_model, E[ids] or the v1 embeddings
    Matrix p;        ///< n × d_model, positional encoding (zeros for none)
    Matrix h0;       ///< n × d_model, X + P
    MaskMatrix mask; ///< n × n
    std::vector<BasicBlockResult<Scalar>> blocks; ///< one per block, in order
    BasicLayerNormResult<Scalar> finalNorm;       ///< LNf(H_L), when the model has a final norm
    Matrix final;                                 ///< n × d_model, H_f
    Matrix logits;              ///< n × V, H_f · U + b_U (empty without an unembedding)
    VectorOf<Scalar> logSumExp; ///< n, log Σ_v exp(logits_iv): p_iv = exp(logits_iv − this)
    std::vector<std::vector<Prediction>> topK; ///< n lists, most probable first
    /// With an encoder (at most one): its pass, whose `final` (m × d_model) is what every
    /// block's cross-attention reads.
    std::vector<BasicModelResult> encoder;
};

using LayerNormResult = BasicLayerNormResult<Real>;
using BlockResult = BasicBlockResult<Real>;
using CrossResult = BasicCrossResult<Real>;
using ModelResult = BasicModelResult<Real>;
using FloatModelResult = BasicModelResult<float>;

} // namespace attn

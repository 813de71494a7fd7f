#pragma once
// The pass of a whole transformer (model.h, docs/file-formats.md "Session v2"): config in,
// every intermediate of every block out. The attention of each block is v1's pass
// (attention.h) after the block's biases are added to Q, K and V.

#include "model.h"
#include "modelresult.h"

#include <atomic>
#include <type_traits>

namespace attn {

/// How many next-token predictions a pass keeps per token unless told otherwise.
inline constexpr int kDefaultTopK = 10;

// Every function here is one implementation for both scalars: Model gives a ModelResult in
// double, FloatModel a FloatModelResult in float (castModel() converts a model).

/// The whole pass. The model must be valid (see validate()). topK predictions per token
/// (fewer when the vocabulary is smaller), most probable first, ties by the smaller id.
template <typename Scalar>
BasicModelResult<Scalar> forwardModel(const BasicModel<Scalar>& model, int topK = kDefaultTopK);

/// After a change in block `block` (0-based): recomputes that block, every block after it,
/// the final norm and the predictions; the blocks before it are kept as they are. The
/// result is the same, bit for bit, as forwardModel's.
template <typename Scalar>
void recomputeFrom(const BasicModel<Scalar>& model, BasicModelResult<Scalar>& result, int block,
                   int topK = kDefaultTopK);

/// recomputeFrom(model, result, block)'s work written apart, `result` only read, so that it
/// can stay on screen while a worker thread computes: `tail` gets blocks block…L−1 (and
/// block − 1's output, their input), the final norm and the predictions; block < 0, a whole
/// pass. False, with `tail` unfinished, once *cancel is true (checked between blocks).
/// spliceTail(result, tail, block) then makes `result` what recomputeFrom would, bit for bit.
template <typename Scalar>
bool recomputeTail(const BasicModel<Scalar>& model, const BasicModelResult<Scalar>& result,
                   int block, BasicModelResult<Scalar>& tail,
                   const std::atomic<bool>* cancel = nullptr, int topK = kDefaultTopK);
template <typename Scalar>
void spliceTail(BasicModelResult<Scalar>& result, BasicModelResult<Scalar>&& tail, int block);

/// After only the weights (or the ablation) of one head of one block changed: that head is
/// recomputed, the block's attention output updated by its change alone,
/// MHA += (Z_new − Z_old) · W_O[rows of head], and the rest of the block and every later
/// block recomputed. May differ from a fresh pass in the last bits.
template <typename Scalar>
void recomputeHead(const BasicModel<Scalar>& model, BasicModelResult<Scalar>& result, int block,
                   int head, int topK = kDefaultTopK);

/// LN of each row of x.
template <typename Scalar>
BasicLayerNormResult<Scalar> layerNorm(const std::type_identity_t<MatrixOf<Scalar>>& x,
                                       const BasicLayerNormParams<Scalar>& params);

/// act(x) entry by entry.
template <typename Scalar>
MatrixOf<Scalar> activate(const MatrixOf<Scalar>& x, Activation activation);

/// Floating-point operations of one pass (projections, scores, A · V, W_O, FFN, logits).
template <typename Scalar> double modelFlops(const BasicModel<Scalar>& model);

} // namespace attn

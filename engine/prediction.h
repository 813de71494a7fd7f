#pragma once
// The next-token predictions of a pass (modelforward.h): the k most probable tokens of
// every row of the logits, and each row's log Σ exp.

#include "modelresult.h"

namespace attn {

/// logSumExp and the k most probable tokens of every row of the logits (n × V), in one sweep
/// down the columns, which are contiguous: Σ_v exp(l_v − max) per row, and per row a heap
/// of the k largest logits kept so far (a later id never displaces an equal logit), then
/// the k by p, ties by the smaller id. p = exp(l − max) / Σ: exact where max ≫ log V, unlike
/// exp(l − logSumExp), in which max + log Σ rounds to max.
/// Fills r.logSumExp and r.topK from r.logits. For double and float.
template <typename Scalar> void predict(BasicModelResult<Scalar>& r, Eigen::Index k);

} // namespace attn

#pragma once
// normalize(S, mask): the attention weights A of a block of rows, with the row maxima and
// sums the formula panel shows.

#include "forwardresult.h"
#include "rowblock.h"
#include "session.h"

#include <vector>

namespace attn {

/// head.weights, head.rowMax and head.rowSum in rows, from head.rawScores (softmax) or
/// head.scores (relu), as the session's normaliser asks. No NaN ever reaches the weights.
template <typename Scalar>
void normalise(const Session& session, const MaskMatrix& mask, const std::vector<Span>& spans,
               Rows rows, BasicHeadResult<Scalar>& head);

} // namespace attn

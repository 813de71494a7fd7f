#pragma once
// What a teacher asks of a head: how spread out its attention is, and how far it looks.

#include "forwardresult.h"
#include "rowblock.h"

#include <vector>

namespace attn {

struct HeadSummary
{
    Real meanEntropy = 0;  ///< mean over queries of the row entropy (nats)
    Real meanDistance = 0; ///< mean over queries of Σ_j a_ij |i − j|
};

/// One summary per head, in order.
std::vector<HeadSummary> summarise(const ForwardResult& result);

/// head.entropy and head.meanDistance in rows: entropy and mean |i − j| of each query's row
/// of the weights, normalised to sum 1. Rows with no weight (or an infinite total) get 0.
template <typename Scalar>
void rowStatistics(const std::vector<Span>& spans, Rows rows, BasicHeadResult<Scalar>& head);

} // namespace attn

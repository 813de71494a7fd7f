#pragma once
// What each head of a model does, as the scores researchers rank heads by (Dodrio's head
// roles): each a mean over the queries of one head's weights, every row first divided by
// its sum (as the entropy is), so the scores of softmax and ReLU heads compare.

#include "model.h"
#include "modelresult.h"

#include <vector>

namespace attn {

struct HeadRole
{
    int block = 0; ///< 0-based
    int head = 0;  ///< 0-based
    bool ablated = false;
    /// Mean over queries i ≥ 1 of a_{i,i−1}: the "previous token" head scores near 1.
    Real previousToken = 0;
    /// Mean over queries of a_{i,0}: attention parked on the first token (the "sink").
    Real sink = 0;
    /// Mean over the queries whose token occurred before (at j with j + 1 < i) of the weight
    /// on the tokens after those occurrences, Σ a_{i,j+1}: the induction head's score. Only
    /// when some token repeats (hasPrefixMatching); a repeated sequence shows it best.
    Real prefixMatching = 0;
    bool hasPrefixMatching = false;
    Real meanDistance = 0; ///< mean over queries of Σ_j a_ij |i − j|
    Real entropy = 0;      ///< mean over queries of −Σ_j a_ij ln a_ij (nats)
};

/// One role per block × head, blocks first. Rows with no weight are left out of the means.
/// Computed in double whatever the pass's scalar.
template <typename Scalar>
std::vector<HeadRole> headRoles(const BasicModel<Scalar>& model,
                                const BasicModelResult<Scalar>& result);

} // namespace attn

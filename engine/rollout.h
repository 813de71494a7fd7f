#pragma once
// Attention rollout (Abnar & Zuidema, 2020): how much each token's final state draws on each
// input token, following the attention through every block with the residual counted as
// attention to oneself. Every step is kept, so the walkthrough can show its numbers.

#include "model.h"
#include "modelresult.h"

#include <vector>

namespace attn {

struct RolloutResult
{
    /// Per block, n × n: Ā_l, the mean of the weights of the block's heads that are on
    /// (an ablated head's Z is 0, so nothing flows through it). Zero when every head is off.
    std::vector<Matrix> meanWeights;
    /// Per block, n × n: Â_l = 0.5·Ā_l + 0.5·I with each row divided by its sum.
    std::vector<Matrix> mixed;
    /// Per block, n × n: R_l = Â_l · R_{l−1}, R_0 = I.
    std::vector<Matrix> cumulative;
    /// n × n, R_L: row i is token i's final state, column j input token j (I without blocks).
    Matrix rollout;
};

/// The rollout of a model's pass, in double whatever the pass's scalar (float32 weights are
/// widened). Weights that are not finite count as 0.
template <typename Scalar>
RolloutResult attentionRollout(const BasicModel<Scalar>& model,
                               const BasicModelResult<Scalar>& result);

} // namespace attn

#pragma once
// What the pass computes: every intermediate, kept so that each number on screen can be
// traced to its formula.

#include "types.h"

#include <vector>

namespace attn {

/// One head's pass, in the scalar it computes in (HeadResult: double).
template <typename Scalar> struct BasicHeadResult
{
    using Matrix = MatrixOf<Scalar>;
    using Vector = VectorOf<Scalar>;

    Matrix q;         ///< n × d_k, row i is the query of token i
    Matrix k;         ///< n × d_k, row j is the key of token j
    Matrix v;         ///< n × d_k, row j is the value of token j
    Matrix rawScores; ///< n × n, score(Q, K) (scaled_dot already divided by √d_k)
    Matrix scores;    ///< n × n, rawScores / temperature (±∞ where that overflows)
    Matrix weights;   ///< n × n, A: row i is how query i spreads over the keys
    Matrix output;    ///< n × d_k, Z = A · V
    Vector rowMax;    ///< n, softmax's shift: max of the allowed scores of row i (0 if none)
    Vector rowSum;    ///< n, softmax: Σ_j exp(S_ij − rowMax_i) over allowed j; relu: Σ_j A_ij
    Vector entropy;   ///< n, −Σ_j a_ij ln a_ij of row i normalised to sum 1 (nats)
    Vector meanDistance; ///< n, Σ_j a_ij |i − j| / Σ_j a_ij
};

using HeadResult = BasicHeadResult<Real>;

struct ForwardResult
{
    Matrix x;                      ///< n × d_model, embeddings
    Matrix p;                      ///< n × d_model, positional encoding (zeros for none)
    Matrix xIn;                    ///< n × d_model, X + P
    MaskMatrix mask;               ///< n × n
    std::vector<HeadResult> heads; ///< one per head, in order
    Matrix concat;                 ///< n × d_model, [Z_0 | Z_1 | …]
    Matrix output;                 ///< n × d_model, O = concat · W_O
};

} // namespace attn

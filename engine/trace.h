#pragma once
// How one attention weight came about, step by step, from the values of a pass:
// what a hover over a heatmap cell shows.

#include "attention.h"
#include "session.h"

namespace attn {

struct WeightTrace
{
    int head = 0, query = 0, key = 0;
    RowVector q;          ///< 1 × d_k, query of token i
    RowVector k;          ///< 1 × d_k, key of token j
    Real dot = 0;         ///< q · k
    Real normQ = 0;       ///< |q| (cosine)
    Real normK = 0;       ///< |k| (cosine)
    Real sqrtDk = 1;      ///< √d_k (scaled_dot)
    Real raw = 0;         ///< score(q, k)
    Real temperature = 1; ///< S = raw / temperature
    Real score = 0;       ///< S_ij
    bool allowed = true;  ///< the mask lets query i attend to key j
    Real rowMax = 0;      ///< softmax: max of the allowed S_i·
    Real expValue = 0;    ///< softmax: exp(S_ij − rowMax)
    Real rowSum = 0;      ///< softmax: Σ_j exp(S_ij − rowMax); relu: Σ_j A_ij
    Real weight = 0;      ///< A_ij
};

/// The trace of A[head](query, key), read from a pass of session.
WeightTrace traceWeight(const Session& session, const ForwardResult& result, int head, int query, int key);

} // namespace attn

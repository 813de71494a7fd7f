#pragma once
// Sessions and thread counts shared by the benchmarks.

#include "session.h"

namespace bench {

/// A session of n tokens ("t0" … ), d_model and heads, causal mask, sinusoidal encoding,
/// scaled-dot softmax, every weight derived from the seed by the engine (as a file that
/// leaves them out would be read).
attn::Session makeSession(int n, int dModel, int heads, int seed = 7);

/// 8·n·d² + 4·n²·d: the pass's floating-point operations (projections Q, K, V, O, then
/// Q·Kᵀ and A·V over every head), counted as if nothing were skipped.
double passFlops(int n, int dModel);

} // namespace bench

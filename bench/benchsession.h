#pragma once
// Sessions and thread counts shared by the benchmarks.

#include "session.h"

namespace bench {

/// A session of n tokens ("t0" … ), d_model and heads, causal mask, sinusoidal encoding,
/// scaled-dot softmax, every weight derived from the seed by the engine (as a file that
/// leaves them out would be read).
attn::Session makeSession(int n, int dModel, int heads, int seed = 7);

} // namespace bench

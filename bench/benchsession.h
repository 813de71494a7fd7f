#pragma once
// Sessions and thread counts shared by the benchmarks.

#include "session.h"

namespace bench {

/// A session of n tokens ("t0" … ), d_model and heads, causal mask, sinusoidal encoding,
/// scaled-dot softmax, every weight derived from the seed by the engine (as a file that
/// leaves them out would be read).
attn::Session makeSession(int n, int dModel, int heads, int seed = 7);

} // namespace bench

#include "model.h"

namespace bench {

/// A GPT-2-shaped model with random weights: `layers` pre-norm blocks of d_model and heads,
/// an FFN of 4·d_model (gelu_tanh), a causal mask, sinusoidal positions, a
/// final norm and a tied unembedding over a vocabulary of `vocabulary` tokens ("v0" … ), n
/// tokens drawn from it. Every weight derived from the seed by the engine.
attn::Model makeModel(int layers, int dModel, int heads, int n, int vocabulary, int seed = 7);

} // namespace bench

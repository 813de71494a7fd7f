#pragma once
// The multi-head attention pass. Config in (a Session), plain values out, every
// intermediate kept so that each number on screen can be traced to its formula.
// The public header of the pass: the result types, the summaries, the output assembly and
// the incremental updates come with it.

#include "forwardresult.h"
#include "headstatistics.h"
#include "incrementalupdate.h"
#include "outputassembly.h"
#include "session.h"
#include "types.h"

#include <vector>

namespace attn {

/// n × d_model: the positional encoding the session asks for.
Matrix positionalEncoding(const Session& session);

/// n × n: which keys each query may attend to.
MaskMatrix buildMask(const Session& session);

/// 8·n·d² + 4·n²·d: the pass's floating-point operations (projections Q, K, V, O, then
/// Q·Kᵀ and A·V over every head), counted as if nothing were skipped.
double passFlops(const Session& session);

/// The whole pass. The session must be valid (see validate()). Uses defaultThreadCount().
ForwardResult forward(const Session& session);

/// The whole pass with the heads spread over up to threads threads (1: the calling thread
/// only). The result is the same, bit for bit, for every thread count.
ForwardResult forward(const Session& session, int threads);

/// ATTNVIZ_THREADS from the environment when set to a positive number, else the number of
/// hardware threads. Read once.
int defaultThreadCount();

/// One head from the shared inputs, for recomputing only the head whose weights changed.
HeadResult computeHead(const Session& session, const Matrix& xIn, const MaskMatrix& mask, int head);

/// Everything after the projections, for a head whose q, k and v are set: scores, weights,
/// Z and the row statistics, with the session's score, temperature, mask and normaliser
/// (and row head of its additive_w). A block of a model (model.h) uses it after adding
/// its biases to Q, K and V; cross-attention with K and V of m source rows and an n × m mask.
/// For double and float.
template <typename Scalar>
void finishHead(const Session& session, const MaskMatrix& mask, BasicHeadResult<Scalar>& result,
                int head);

} // namespace attn

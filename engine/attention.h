#pragma once
// The multi-head attention pass. Config in (a Session), plain values out, every
// intermediate kept so that each number on screen can be traced to its formula.

#include "session.h"
#include "types.h"

#include <vector>

namespace attn {

struct HeadResult
{
    Matrix q;            ///< n × d_k, row i is the query of token i
    Matrix k;            ///< n × d_k, row j is the key of token j
    Matrix v;            ///< n × d_k, row j is the value of token j
    Matrix rawScores;    ///< n × n, score(Q, K) (scaled_dot already divided by √d_k)
    Matrix scores;       ///< n × n, rawScores / temperature
    Matrix weights;      ///< n × n, A: row i is how query i spreads over the keys
    Matrix output;       ///< n × d_k, Z = A · V
    Vector rowMax;       ///< n, softmax's shift: max of the allowed scores of row i (0 if none)
    Vector rowSum;       ///< n, softmax: Σ_j exp(S_ij − rowMax_i) over allowed j; relu: Σ_j A_ij
    Vector entropy;      ///< n, −Σ_j a_ij ln a_ij of row i normalised to sum 1 (nats)
    Vector meanDistance; ///< n, Σ_j a_ij |i − j| / Σ_j a_ij
};

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

/// What a teacher asks of a head: how spread out its attention is, and how far it looks.
struct HeadSummary
{
    Real meanEntropy = 0;  ///< mean over queries of the row entropy (nats)
    Real meanDistance = 0; ///< mean over queries of Σ_j a_ij |i − j|
};

/// One summary per head, in order.
std::vector<HeadSummary> summarise(const ForwardResult& result);

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

/// Rebuilds concat and output from result.heads (after one head was recomputed).
void assembleOutput(const Session& session, ForwardResult& result);

/// After one cell of W_O in column col changed: recomputes the columns of O that a fresh
/// pass computes together with col, so that O stays equal, bit for bit, to forward()'s.
void updateOutputColumn(const Session& session, ForwardResult& result, Eigen::Index col);

/// After only head's weights changed (W_O did not): result.heads[head] is recomputed and
/// output updated by the change of that head alone, O += (Z_new − Z_old) · W_O[rows of head],
/// about heads × fewer operations than assembleOutput at large d_model. The output may
/// differ from a fresh forward() in the last bits (≈ 1e-16 relative per edit).
void updateHead(const Session& session, ForwardResult& result, int head);

} // namespace attn

#pragma once
// Updates of a pass's result after one matrix of the session changed, cheaper than a new
// pass. celledit.h decides which one a cell edit needs.

#include "forwardresult.h"
#include "session.h"

namespace attn {

/// After one cell of W_O in column col changed: recomputes the columns of O that a fresh
/// pass computes together with col, so that O stays equal, bit for bit, to forward()'s.
void updateOutputColumn(const Session& session, ForwardResult& result, Eigen::Index col);

/// After only head's weights changed (W_O did not): result.heads[head] is recomputed and
/// output updated by the change of that head alone, O += (Z_new − Z_old) · W_O[rows of head],
/// about heads × fewer operations than assembleOutput at large d_model. The output may
/// differ from a fresh forward() in the last bits (≈ 1e-16 relative per edit).
void updateHead(const Session& session, ForwardResult& result, int head);

} // namespace attn

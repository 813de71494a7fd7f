#pragma once
// Which part of a pass one edited cell of a matrix touches, and the update of the result
// that follows: the engine's knowledge, so that the document only asks.

#include "forwardresult.h"
#include "session.h"
#include "sessionedit.h"

namespace attn {

enum class CellUpdate
{
    Exact,        ///< result equals forward(edited), bit for bit
    Approximate,  ///< result equals forward(edited) to ≈ 1e-16 relative (O updated by ΔZ · W_O)
    NeedsFullPass ///< result untouched: only a whole pass gives the edited session's numbers
};

/// After cell (row, col) of the matrix ref of the session changed (edited is the session
/// after the edit, result the pass of the session before it): updates result in place
/// where that is cheaper than a pass, and says how exact the update is.
/// - W_Q, W_K, W_V of head h, and row h of additive_w (the head's w_h): head h is
///   recomputed, then C and O; with allowApproximate, O is updated by that head's change
///   alone (heads × cheaper at large d_model, last bits may differ: Approximate).
/// - W_O: the column block of O that holds col, as a fresh pass computes it (Exact).
/// - additive_w while the score is not additive, a learned encoding while another kind is
///   in use: nothing the pass reads changed (Exact, result untouched).
/// - embeddings, the learned encoding in use: NeedsFullPass (every head changes).
/// A result whose shape does not fit edited (sizes changed) also gives NeedsFullPass.
CellUpdate updateAfterCellEdit(const Session& edited, ForwardResult& result, MatrixRef ref, int row,
                               int col, bool allowApproximate);

} // namespace attn

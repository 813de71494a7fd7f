#pragma once
// C = [Z_0 | Z_1 | …] and O = C · W_O, the last step of the pass, in one place for the full
// pass and for the updates after an edit.

#include "forwardresult.h"
#include "session.h"

namespace attn {

/// Output columns per block of O = C · W_O. Fixed, so that the blocks (and so every bit of
/// O) are the same whatever the number of threads that share them.
inline constexpr Eigen::Index kOutputBlock = 128;

/// Rebuilds concat and output from result.heads (after one head was recomputed).
void assembleOutput(const Session& session, ForwardResult& result);

/// The same with the column blocks of O shared by up to threads threads; the result is the
/// same, bit for bit, for every thread count.
void assembleOutput(const Session& session, ForwardResult& result, int threads);

} // namespace attn

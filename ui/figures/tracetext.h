#pragma once

#include "session.h"
#include "trace.h"

#include <QString>

namespace av {

/// How A_ij came about, as rich text with the numbers of the trace: q_i, k_j, the score,
/// its scaling, the temperature, exp, the row sum and the weight.
QString describeTrace(const attn::WeightTrace& trace, const attn::Session& session);

} // namespace av

#pragma once

#include "types.h"

namespace attn {

/// positions × d_model. P[pos, 2i] = sin(pos / base^(2i/d)), P[pos, 2i+1] = cos(pos / base^(2i/d)).
/// With an odd d_model the last column is a sine column.
Matrix sinusoidalEncoding(int positions, int dModel, Real base);

/// d_model × d_model, the map M_k with PE(pos + k) = M_k · PE(pos) for every pos (column
/// vectors): a rotation by k·ω_i in each (sin, cos) pair. Exact for even d_model; with an
/// odd d_model the last (unpaired) sine row cannot be expressed and is left zero.
Matrix relativeShiftMap(int k, int dModel, Real base);

} // namespace attn

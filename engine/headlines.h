#pragma once
// The lines of the head view (BertViz's): for one head, which query → key weights are drawn.
// Long inputs stay readable by leaving out the weak ones, as exBERT does: each row keeps its
// strongest weights until they add up to a chosen share of the row's total.

#include "types.h"

#include <vector>

namespace attn {

struct AttentionLine
{
    int query = 0; ///< row of A, 0-based
    int key = 0;   ///< column of A, 0-based
    Real weight = 0;
};

/// The lines of A (n × n) that are drawn: per row, the largest weights first until their
/// sum reaches coverage (0–1) of the row's sum, together with every weight equal to the
/// last one kept (so that ties are not cut arbitrarily). Only what the mask allows (an
/// empty mask allows all), only finite weights above 0. Ordered by row, then by weight,
/// largest first. coverage ≥ 1 keeps every weight above 0; ≤ 0 keeps none.
std::vector<AttentionLine> strongestLines(const Matrix& a, const MaskMatrix& mask, double coverage);

} // namespace attn

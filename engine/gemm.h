#pragma once
// The model pass's large products: OpenBLAS's sgemm for float, where it measures faster
// than Eigen's own product (docs/performance.md), Eigen's product everywhere else, and
// always for double, whose results stay bit for bit what they were.

#include "types.h"

namespace attn {

/// Products smaller than this many floating-point operations (2·m·n·k) stay with Eigen:
/// below it the call into OpenBLAS and its threads cost more than its kernels save.
inline constexpr double kBlasFlops = 4e6;

/// out = a · b, or a · bᵀ when transposeB; out is resized to a.rows() × (columns of the
/// product) and must not alias a or b. Spreads over defaultThreadCount() threads when the
/// product goes to OpenBLAS; call it from one thread at a time (not inside parallelFor).
template <typename Scalar>
void multiply(MatrixOf<Scalar>& out, const MatrixOf<Scalar>& a, const MatrixOf<Scalar>& b,
              bool transposeB = false);

} // namespace attn

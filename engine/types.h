#pragma once
// The engine's numeric vocabulary, named once (see docs/architecture.md).

#include <Eigen/Dense>

#include <cstdint>

namespace attn {

/// The numbers of sessions, lessons and the worked example: double, so that they and the
/// reference fixtures agree to the last printed digit. A model's pass (modelforward.h) also
/// runs in float, as real checkpoints are stored: one implementation, the scalar a template
/// parameter (docs/architecture.md "Precision").
using Real = double;

template <typename Scalar> using MatrixOf = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
template <typename Scalar> using VectorOf = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
template <typename Scalar> using RowVectorOf = Eigen::Matrix<Scalar, 1, Eigen::Dynamic>;

using Matrix = MatrixOf<Real>;
using Vector = VectorOf<Real>;
using RowVector = RowVectorOf<Real>;

/// n × n, 1 where query i may attend to key j, 0 elsewhere.
using MaskMatrix = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic>;

} // namespace attn

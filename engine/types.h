#pragma once
// The engine's numeric vocabulary, named once (see docs/architecture.md).

#include <Eigen/Dense>

#include <cstdint>

namespace attn {

/// Every number the engine computes. double so that the worked example and the
/// reference fixtures agree to the last printed digit.
using Real = double;

using Matrix = Eigen::Matrix<Real, Eigen::Dynamic, Eigen::Dynamic>;
using Vector = Eigen::Matrix<Real, Eigen::Dynamic, 1>;
using RowVector = Eigen::Matrix<Real, 1, Eigen::Dynamic>;

/// n × n, 1 where query i may attend to key j, 0 elsewhere.
using MaskMatrix = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic>;

} // namespace attn

#pragma once
// Helpers shared by the engine tests: reading files and comparing matrices.

#include "types.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace attn::test {

inline std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// |a − b| ≤ rel·|b| + rel·1e-4·max|b|: relative, with a floor for entries that are
/// numerically zero next to the matrix's largest entry.
inline ::testing::AssertionResult nearlyEqual(const Matrix& actual, const Matrix& expected,
                                              double rel = 1e-5)
{
    if (actual.rows() != expected.rows() || actual.cols() != expected.cols())
        return ::testing::AssertionFailure()
               << "shape " << actual.rows() << "×" << actual.cols() << ", expected "
               << expected.rows() << "×" << expected.cols();
    const double scale = expected.size() ? expected.cwiseAbs().maxCoeff() : 0.0;
    for (Eigen::Index r = 0; r < expected.rows(); ++r)
        for (Eigen::Index c = 0; c < expected.cols(); ++c) {
            const double a = actual(r, c);
            const double b = expected(r, c);
            if (!(std::abs(a - b) <= rel * std::abs(b) + rel * 1e-4 * scale))
                return ::testing::AssertionFailure()
                       << "at (" << r << ", " << c << "): " << a << " vs expected " << b;
        }
    return ::testing::AssertionSuccess();
}

} // namespace attn::test

#include "positionalencoding.h"

#include <cmath>

namespace attn {
namespace {

/// ω_i = 1 / base^(2i / d_model), the angular frequency of pair i.
Real frequency(int pair, int dModel, Real base)
{
    return std::pow(base, -static_cast<Real>(2 * pair) / dModel);
}

} // namespace

Matrix sinusoidalEncoding(int positions, int dModel, Real base)
{
    Matrix p(positions, dModel);
    for (int c = 0; c < dModel; ++c) {
        const Real omega = frequency(c / 2, dModel, base);
        for (int pos = 0; pos < positions; ++pos)
            p(pos, c) = (c % 2 == 0) ? std::sin(pos * omega) : std::cos(pos * omega);
    }
    return p;
}

Matrix relativeShiftMap(int k, int dModel, Real base)
{
    Matrix m = Matrix::Zero(dModel, dModel);
    for (int c = 0; c + 1 < dModel; c += 2) {
        const Real angle = k * frequency(c / 2, dModel, base);
        // sin(a + b) = sin a cos b + cos a sin b;  cos(a + b) = cos a cos b − sin a sin b
        m(c, c) = std::cos(angle);
        m(c, c + 1) = std::sin(angle);
        m(c + 1, c) = -std::sin(angle);
        m(c + 1, c + 1) = std::cos(angle);
    }
    return m;
}

} // namespace attn

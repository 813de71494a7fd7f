// The block's arithmetic outside attention (declared in modelforward.h): LayerNorm, the
// FFN's activations, and what a pass costs.

#include "modelforward.h"

#include <cmath>
#include <numbers>

namespace attn {

template <typename Scalar>
BasicLayerNormResult<Scalar> layerNorm(const std::type_identity_t<MatrixOf<Scalar>>& x,
                                       const BasicLayerNormParams<Scalar>& ln)
{
    using Real = Scalar;
    BasicLayerNormResult<Scalar> r;
    const Eigen::Index n = x.rows(), d = x.cols();
    r.mean = x.rowwise().mean();
    r.output.resize(n, d);
    r.variance.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const RowVectorOf<Scalar> centred = x.row(i).array() - r.mean(i);
        r.variance(i) = centred.squaredNorm() / static_cast<Real>(d);
        const Real scale = 1 / std::sqrt(r.variance(i) + static_cast<Real>(ln.eps));
        r.output.row(i) = (centred * scale).cwiseProduct(ln.gain) + ln.bias;
    }
    return r;
}

template <typename Scalar>
MatrixOf<Scalar> activate(const MatrixOf<Scalar>& x, Activation activation)
{
    using Real = Scalar;
    const Real half = 0.5;
    switch (activation) {
    case Activation::Relu:
        return x.cwiseMax(0);
    case Activation::Gelu:
        return x.unaryExpr(
            [half](Real v) { return v * half * (1 + std::erf(v / std::numbers::sqrt2_v<Real>)); });
    case Activation::GeluTanh:
        break;
    }
    const Real c = std::sqrt(2 / std::numbers::pi_v<Real>);
    const Real cubic = 0.044715;
    if constexpr (std::is_same_v<Scalar, float>) { // Eigen's vectorised tanh (std::tanh in double)
        const auto a = x.array();
        return (half * a * (1 + (c * (a + cubic * a * a * a)).tanh())).matrix();
    }
    return x.unaryExpr(
        [=](Real v) { return half * v * (1 + std::tanh(c * (v + cubic * v * v * v))); });
}

template <typename Scalar> double modelFlops(const BasicModel<Scalar>& m)
{
    const double n = m.n(), d = m.dModel();
    const double source = m.hasEncoder() ? m.encoder.front().n() : 0;
    double flops = 0;
    for (const BasicModel<Scalar>& encoder : m.encoder)
        flops += modelFlops(encoder);
    for (const BasicBlock<Scalar>& b : m.layers) {
        flops += 8 * n * d * d + 4 * n * n * d + (b.ffn ? 4 * n * d * b.ffn->width() : 0);
        if (b.cross) // Q and W_O of the target, K and V of the source, Q·Kᵀ and A·V
            flops += 4 * n * d * d + 4 * source * d * d + 4 * n * source * d;
    }
    if (m.unembedding != UnembeddingKind::None)
        flops += 2 * n * d * m.vocabularySize();
    return flops;
}

#define ATTNVIZ_INSTANTIATE_BLOCK_OPS(Scalar)                                                      \
    template BasicLayerNormResult<Scalar> layerNorm(const std::type_identity_t<MatrixOf<Scalar>>&, \
                                                    const BasicLayerNormParams<Scalar>&);          \
    template MatrixOf<Scalar> activate(const MatrixOf<Scalar>&, Activation);                       \
    template double modelFlops(const BasicModel<Scalar>&);

ATTNVIZ_INSTANTIATE_BLOCK_OPS(double)
ATTNVIZ_INSTANTIATE_BLOCK_OPS(float)

} // namespace attn

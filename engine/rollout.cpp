#include "rollout.h"

#include <algorithm>
#include <cmath>

namespace attn {
namespace {

/// Â = rownorm(0.5·Ā + 0.5·I). Weights are ≥ 0, so each row sums to at least 0.5.
Matrix mixWithIdentity(const Matrix& mean)
{
    Matrix mixed = 0.5 * mean;
    mixed.diagonal().array() += 0.5;
    const Vector sums = mixed.rowwise().sum();
    for (Eigen::Index i = 0; i < mixed.rows(); ++i)
        if (sums(i) > 0 && std::isfinite(sums(i)))
            mixed.row(i) /= sums(i);
    return mixed;
}

} // namespace

template <typename Scalar>
RolloutResult attentionRollout(const BasicModel<Scalar>& model,
                               const BasicModelResult<Scalar>& result)
{
    RolloutResult out;
    const Eigen::Index n = result.mask.rows();
    const int blocks = std::min(model.layerCount(), static_cast<int>(result.blocks.size()));
    Matrix previous = Matrix::Identity(n, n);
    for (int l = 0; l < blocks; ++l) {
        Matrix mean = Matrix::Zero(n, n);
        int on = 0;
        for (int h = 0; h < static_cast<int>(result.blocks[l].heads.size()); ++h) {
            if (model.isAblated(l, h))
                continue;
            const Matrix a = result.blocks[l].heads[h].weights.template cast<Real>();
            if (a.rows() != n || a.cols() != n)
                continue;
            // A non-finite weight (an overflowing ReLU score) carries no usable share.
            mean += a.unaryExpr([](Real w) { return std::isfinite(w) && w > 0 ? w : Real(0); });
            ++on;
        }
        if (on > 0)
            mean /= on;
        out.mixed.push_back(mixWithIdentity(mean));
        out.meanWeights.push_back(std::move(mean));
        previous = out.mixed.back() * previous;
        out.cumulative.push_back(previous);
    }
    out.rollout = std::move(previous);
    return out;
}

template RolloutResult attentionRollout(const Model&, const ModelResult&);
template RolloutResult attentionRollout(const FloatModel&, const FloatModelResult&);

} // namespace attn

#include "headroles.h"

#include <cmath>

namespace attn {
namespace {

/// Weights n × n with each row divided by its sum; rows without usable weight become 0 and
/// are marked unusable.
Matrix normalisedRows(const Matrix& weights, std::vector<bool>& usable)
{
    Matrix a = weights.unaryExpr([](Real w) { return std::isfinite(w) && w > 0 ? w : Real(0); });
    usable.assign(a.rows(), false);
    const Vector sums = a.rowwise().sum();
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
        usable[i] = sums(i) > 0 && std::isfinite(sums(i));
        if (usable[i])
            a.row(i) /= sums(i);
        else
            a.row(i).setZero();
    }
    return a;
}

/// For each query i, the keys j + 1 (j + 1 < i) that follow an earlier copy of token i.
std::vector<std::vector<int>> inductionTargets(const std::vector<std::string>& tokens)
{
    std::vector<std::vector<int>> targets(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i)
        for (size_t j = 0; j + 1 < i; ++j)
            if (tokens[j] == tokens[i])
                targets[i].push_back(static_cast<int>(j + 1));
    return targets;
}

Real meanOf(Real sum, int count)
{
    return count > 0 ? sum / count : 0;
}

template <typename Scalar>
HeadRole roleOf(const BasicHeadResult<Scalar>& head, const std::vector<std::vector<int>>& targets)
{
    HeadRole role;
    std::vector<bool> usable;
    const Matrix a = normalisedRows(head.weights.template cast<Real>(), usable);
    const Eigen::Index n = a.rows();
    Real previous = 0, sink = 0, prefix = 0, distance = 0, entropy = 0;
    int previousCount = 0, count = 0, prefixCount = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        if (!usable[i])
            continue;
        ++count;
        sink += a(i, 0);
        if (i >= 1) {
            previous += a(i, i - 1);
            ++previousCount;
        }
        if (i < static_cast<Eigen::Index>(targets.size()) && !targets[i].empty()) {
            for (int t : targets[i])
                prefix += a(i, t);
            ++prefixCount;
        }
        // The pass keeps each row's entropy and distance (headstatistics.h).
        if (i < head.entropy.size() && i < head.meanDistance.size()) {
            distance += head.meanDistance(i);
            entropy += head.entropy(i);
        }
    }
    role.previousToken = meanOf(previous, previousCount);
    role.sink = meanOf(sink, count);
    role.prefixMatching = meanOf(prefix, prefixCount);
    role.hasPrefixMatching = prefixCount > 0;
    role.meanDistance = meanOf(distance, count);
    role.entropy = meanOf(entropy, count);
    return role;
}

} // namespace

template <typename Scalar>
std::vector<HeadRole> headRoles(const BasicModel<Scalar>& model,
                                const BasicModelResult<Scalar>& result)
{
    std::vector<HeadRole> roles;
    const auto targets = inductionTargets(model.settings.tokens);
    for (int l = 0; l < static_cast<int>(result.blocks.size()); ++l)
        for (int h = 0; h < static_cast<int>(result.blocks[l].heads.size()); ++h) {
            HeadRole role = roleOf(result.blocks[l].heads[h], targets);
            role.block = l;
            role.head = h;
            role.ablated = model.isAblated(l, h);
            roles.push_back(role);
        }
    return roles;
}

template std::vector<HeadRole> headRoles(const Model&, const ModelResult&);
template std::vector<HeadRole> headRoles(const FloatModel&, const FloatModelResult&);

} // namespace attn

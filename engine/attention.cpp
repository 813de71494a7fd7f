#include "attention.h"

#include "positionalencoding.h"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace attn {
namespace {

/// n × 1: each row's Euclidean norm, without overflow for very large entries.
Vector rowNorms(const Matrix& m)
{
    Vector norms(m.rows());
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        norms(r) = m.row(r).stableNorm();
    return norms;
}

/// n × d_k: each row divided by its norm, zero rows left zero (cosine is 0 there).
Matrix unitRows(const Matrix& m)
{
    const Vector norms = rowNorms(m);
    Matrix unit = m;
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        unit.row(r) = norms(r) > 0 ? Matrix(m.row(r) / norms(r)) : Matrix::Zero(1, m.cols());
    return unit;
}

/// n × n, score(Q, K) before the temperature.
Matrix rawScores(const Session& s, const Matrix& q, const Matrix& k, int head)
{
    switch (s.score) {
    case ScoreKind::Dot:
        return q * k.transpose();
    case ScoreKind::ScaledDot:
        return (q * k.transpose()) / std::sqrt(static_cast<Real>(s.dK()));
    case ScoreKind::Cosine:
        return unitRows(q) * unitRows(k).transpose();
    case ScoreKind::Additive:
        break;
    }
    // additive: w_h · tanh(q_i + k_j)
    const RowVector w = s.additiveW.row(head);
    Matrix raw(q.rows(), k.rows());
    for (Eigen::Index i = 0; i < q.rows(); ++i)
        for (Eigen::Index j = 0; j < k.rows(); ++j)
            raw(i, j) = (q.row(i) + k.row(j)).array().tanh().matrix().dot(w);
    return raw;
}

/// Softmax over the allowed keys of row i, stable for scores of any size: the largest
/// allowed score is subtracted first. NaN scores count as not allowed, and +∞ scores
/// share the row equally, so that no NaN reaches the screen.
void softmaxRow(const Matrix& scores, const MaskMatrix& mask, Eigen::Index i, HeadResult& head)
{
    constexpr Real kInf = std::numeric_limits<Real>::infinity();
    const Eigen::Index n = scores.cols();
    Real rowMax = -kInf;
    for (Eigen::Index j = 0; j < n; ++j)
        if (mask(i, j) && !std::isnan(scores(i, j)))
            rowMax = std::max(rowMax, scores(i, j));
    head.weights.row(i).setZero();
    head.rowMax(i) = 0;
    head.rowSum(i) = 0;
    if (rowMax == -kInf)
        return; // no allowed key (or only −∞ scores): a row of zeros, never NaN
    Real sum = 0;
    for (Eigen::Index j = 0; j < n; ++j) {
        if (!mask(i, j) || std::isnan(scores(i, j)))
            continue;
        const Real e = rowMax == kInf ? Real(scores(i, j) == kInf) : std::exp(scores(i, j) - rowMax);
        head.weights(i, j) = e;
        sum += e;
    }
    head.weights.row(i) /= sum; // sum ≥ 1: the maximum contributes exp(0) = 1
    head.rowMax(i) = rowMax;
    head.rowSum(i) = sum;
}

void reluRow(const Matrix& scores, const MaskMatrix& mask, Eigen::Index i, HeadResult& head)
{
    Real sum = 0;
    for (Eigen::Index j = 0; j < scores.cols(); ++j) {
        const Real s = scores(i, j);
        const Real a = (mask(i, j) && s > 0) ? s : 0; // NaN fails s > 0
        head.weights(i, j) = a;
        sum += a;
    }
    head.rowMax(i) = 0;
    head.rowSum(i) = sum;
}

/// Entropy and mean |i − j| of each query's row, on the row normalised to sum 1.
void summarise(HeadResult& head)
{
    const Eigen::Index n = head.weights.rows();
    head.entropy = Vector::Zero(n);
    head.meanDistance = Vector::Zero(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const Real total = head.weights.row(i).sum();
        if (!(total > 0) || !std::isfinite(total))
            continue;
        Real entropy = 0;
        Real distance = 0;
        for (Eigen::Index j = 0; j < n; ++j) {
            const Real a = head.weights(i, j) / total;
            if (a > 0)
                entropy -= a * std::log(a);
            distance += a * static_cast<Real>(std::abs(i - j));
        }
        head.entropy(i) = entropy;
        head.meanDistance(i) = distance;
    }
}

} // namespace

std::vector<HeadSummary> summarise(const ForwardResult& result)
{
    std::vector<HeadSummary> out;
    for (const HeadResult& h : result.heads)
        out.push_back({h.entropy.size() ? h.entropy.mean() : 0,
                       h.meanDistance.size() ? h.meanDistance.mean() : 0});
    return out;
}

Matrix positionalEncoding(const Session& s)
{
    switch (s.positional.kind) {
    case PeKind::Sinusoidal:
        return sinusoidalEncoding(s.n(), s.dModel, s.positional.base);
    case PeKind::Learned:
        return s.positional.learned;
    case PeKind::None:
        break;
    }
    return Matrix::Zero(s.n(), s.dModel);
}

MaskMatrix buildMask(const Session& s)
{
    const int n = s.n();
    if (s.mask.kind == MaskKind::Custom)
        return s.mask.custom;
    MaskMatrix mask(n, n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            bool allowed = true;
            switch (s.mask.kind) {
            case MaskKind::Causal:
                allowed = j <= i;
                break;
            case MaskKind::Window:
                allowed = std::abs(i - j) <= s.mask.radius;
                break;
            case MaskKind::CausalWindow:
                allowed = i - j >= 0 && i - j <= s.mask.radius;
                break;
            case MaskKind::None:
            case MaskKind::Custom:
                break;
            }
            mask(i, j) = allowed ? 1 : 0;
        }
    return mask;
}

HeadResult computeHead(const Session& s, const Matrix& xIn, const MaskMatrix& mask, int h)
{
    HeadResult head;
    head.q = xIn * s.wq[h];
    head.k = xIn * s.wk[h];
    head.v = xIn * s.wv[h];
    head.rawScores = rawScores(s, head.q, head.k, h);
    head.scores = head.rawScores / s.temperature;
    const Eigen::Index n = xIn.rows();
    head.weights.resize(n, n);
    head.rowMax.resize(n);
    head.rowSum.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        if (s.normalizer == NormalizerKind::Softmax)
            softmaxRow(head.scores, mask, i, head);
        else
            reluRow(head.scores, mask, i, head);
    }
    head.output = head.weights * head.v;
    summarise(head);
    return head;
}

void assembleOutput(const Session& s, ForwardResult& result)
{
    const int dK = s.dK();
    result.concat.resize(s.n(), s.dModel);
    for (int h = 0; h < s.heads; ++h)
        result.concat.middleCols(h * dK, dK) = result.heads[h].output;
    result.output = result.concat * s.wo;
}

ForwardResult forward(const Session& s)
{
    ForwardResult result;
    result.x = s.embeddings;
    result.p = positionalEncoding(s);
    result.xIn = result.x + result.p;
    result.mask = buildMask(s);
    result.heads.reserve(s.heads);
    for (int h = 0; h < s.heads; ++h)
        result.heads.push_back(computeHead(s, result.xIn, result.mask, h));
    assembleOutput(s, result);
    return result;
}

} // namespace attn

#include "normalisation.h"

#include <cmath>
#include <limits>

namespace attn {
namespace {

template <typename Scalar> constexpr Scalar kInfinity = std::numeric_limits<Scalar>::infinity();

/// Below this argument Eigen's vectorised exp no longer matches std::exp (see softmax): it
/// clamps near the smallest normal number's logarithm.
template <typename Scalar> constexpr Scalar kExpVectorised = -700;
template <> constexpr float kExpVectorised<float> = -87;

/// The one-row softmax, for the rare rows whose largest allowed raw score is ±∞ (or absent).
/// In double whatever the scalar: a temperature a float cannot hold still divides exactly.
template <typename Scalar>
void softmaxRow(const MatrixOf<Scalar>& raw, Real temperature, const MaskMatrix& mask,
                Eigen::Index i, BasicHeadResult<Scalar>& head)
{
    constexpr Real kInf = std::numeric_limits<Real>::infinity();
    const Eigen::Index n = raw.cols();
    Real rowMax = -kInf;
    for (Eigen::Index j = 0; j < n; ++j)
        if (mask(i, j) && !std::isnan(raw(i, j)))
            rowMax = std::max(rowMax, Real(raw(i, j)));
    head.weights.row(i).setZero();
    head.rowMax(i) = 0;
    head.rowSum(i) = 0;
    if (rowMax == -kInf)
        return; // no allowed key (or only −∞ scores): a row of zeros, never NaN
    Real sum = 0;
    for (Eigen::Index j = 0; j < n; ++j) {
        if (!mask(i, j) || std::isnan(raw(i, j)))
            continue;
        const Real e = rowMax == kInf ? Real(raw(i, j) == kInf)
                                      : std::exp((Real(raw(i, j)) - rowMax) / temperature);
        head.weights(i, j) = static_cast<Scalar>(e);
        sum += e;
    }
    for (Eigen::Index j = 0; j < n; ++j) // sum ≥ 1: the maximum contributes exp(0) = 1
        head.weights(i, j) = static_cast<Scalar>(Real(head.weights(i, j)) / sum);
    head.rowMax(i) = static_cast<Scalar>(rowMax / temperature);
    head.rowSum(i) = static_cast<Scalar>(sum);
}

/// Zeros of column j of the weights in rows outside the span (clipped to rows).
template <typename Scalar>
void zeroOutside(BasicHeadResult<Scalar>& head, Eigen::Index j, Rows rows, Span span)
{
    head.weights.col(j).segment(rows.begin, span.begin - rows.begin).setZero();
    head.weights.col(j).segment(span.end, rows.end - span.end).setZero();
}

/// Softmax over the allowed keys of each row, stable for scores of any size: the largest
/// allowed score S = raw / T is subtracted first. NaN scores count as not allowed. The
/// matrices are column-major, so the sweeps go down columns (contiguous, vectorised exp) and
/// keep one running value per row. A row whose largest score is not finite is redone by
/// softmaxRow from the raw scores, as exp((raw − max raw) / T): for a tiny T (1e-320) raw / T
/// overflows a double, every S is ±∞ and exp(S − max S) would give equal shares, while the
/// shifted difference is 0 at the maximum and tends to −∞ elsewhere, so the row takes the
/// one-hot limit (ties sharing). Rows whose scores are finite keep exp(S − max S), so that
/// they are computed bit for bit as before.
template <typename Scalar>
void softmax(const MatrixOf<Scalar>& scores, const MatrixOf<Scalar>& raw, Real temperature,
             const MaskMatrix& mask, const std::vector<Span>& spans, Rows rows,
             BasicHeadResult<Scalar>& head)
{
    using Real = Scalar; // the sweeps below run in the pass's scalar
    constexpr Real kInf = kInfinity<Scalar>;
    const Eigen::Index n = scores.cols();
    auto rowMax = head.rowMax.segment(rows.begin, rows.end - rows.begin);
    auto rowSum = head.rowSum.segment(rows.begin, rows.end - rows.begin);
    rowMax.setConstant(-kInf);
    rowSum.setZero();
    for (Eigen::Index j = 0; j < n; ++j) {
        const Span span = clip(spans[j], rows);
        const Real* s = scores.col(j).data();
        const std::uint8_t* allowed = mask.col(j).data();
        Real* m = head.rowMax.data();
        for (Eigen::Index i = span.begin; i < span.end; ++i)
            m[i] = (allowed[i] && s[i] > m[i]) ? s[i] : m[i]; // NaN fails s > m
    }
    for (Eigen::Index j = 0; j < n; ++j) {
        const Span span = clip(spans[j], rows);
        const Eigen::Index length = span.end - span.begin;
        zeroOutside(head, j, rows, span);
        auto e = head.weights.col(j).segment(span.begin, length).array();
        e = (scores.col(j).segment(span.begin, length) - head.rowMax.segment(span.begin, length))
                .array();
        // Eigen's vectorised exp clamps its argument at ≈ −709 (tiny, never 0, no subnormals):
        // columns that reach below that take std::exp, which underflows as NumPy does.
        if (length && e.minCoeff() < kExpVectorised<Scalar>)
            e = e.unaryExpr([](Real x) { return std::exp(x); });
        else
            e = e.exp();
        const Real* s = scores.col(j).data();
        const std::uint8_t* allowed = mask.col(j).data();
        Real* exps = head.weights.col(j).data();
        Real* sum = head.rowSum.data();
        for (Eigen::Index i = span.begin; i < span.end; ++i) {
            exps[i] = (allowed[i] && s[i] == s[i]) ? exps[i] : 0;
            sum[i] += exps[i];
        }
    }
    for (Eigen::Index j = 0; j < n; ++j) {
        const Span span = clip(spans[j], rows);
        head.weights.col(j).segment(span.begin, span.end - span.begin).array() /=
            head.rowSum.segment(span.begin, span.end - span.begin)
                .array(); // ≥ 1 if the max is finite
    }
    for (Eigen::Index i = rows.begin; i < rows.end; ++i)
        if (!std::isfinite(head.rowMax(i)))
            softmaxRow(raw, temperature, mask, i, head);
}

/// max(0, S) on the allowed keys, not normalised. For T > 0 the sign of S is the sign of the
/// raw score, so which keys get weight does not depend on T; their weight raw / T does, and
/// overflows to +∞ for a tiny T: that is the value, not a failure (a dump refuses it).
template <typename Scalar>
void relu(const MatrixOf<Scalar>& scores, const MaskMatrix& mask, const std::vector<Span>& spans,
          Rows rows, BasicHeadResult<Scalar>& head)
{
    using Real = Scalar;
    head.rowSum.segment(rows.begin, rows.end - rows.begin).setZero();
    head.rowMax.segment(rows.begin, rows.end - rows.begin).setZero();
    for (Eigen::Index j = 0; j < scores.cols(); ++j) {
        const Span span = clip(spans[j], rows);
        zeroOutside(head, j, rows, span);
        const Real* s = scores.col(j).data();
        const std::uint8_t* allowed = mask.col(j).data();
        Real* a = head.weights.col(j).data();
        Real* sum = head.rowSum.data();
        for (Eigen::Index i = span.begin; i < span.end; ++i) {
            a[i] = (allowed[i] && s[i] > 0) ? s[i] : 0; // NaN fails s > 0
            sum[i] += a[i];
        }
    }
}

} // namespace

template <typename Scalar>
void normalise(const Session& s, const MaskMatrix& mask, const std::vector<Span>& spans, Rows rows,
               BasicHeadResult<Scalar>& head)
{
    if (s.normalizer == NormalizerKind::Softmax)
        softmax(head.scores, head.rawScores, s.temperature, mask, spans, rows, head);
    else
        relu(head.scores, mask, spans, rows, head);
}

template void normalise(const Session&, const MaskMatrix&, const std::vector<Span>&, Rows,
                        BasicHeadResult<double>&);
template void normalise(const Session&, const MaskMatrix&, const std::vector<Span>&, Rows,
                        BasicHeadResult<float>&);

} // namespace attn

#include "headstatistics.h"

#include <cmath>
#include <limits>

namespace attn {

std::vector<HeadSummary> summarise(const ForwardResult& result)
{
    std::vector<HeadSummary> out;
    for (const HeadResult& h : result.heads)
        out.push_back({h.entropy.size() ? h.entropy.mean() : 0,
                       h.meanDistance.size() ? h.meanDistance.mean() : 0});
    return out;
}

template <typename Scalar>
void rowStatistics(const std::vector<Span>& spans, Rows rows, BasicHeadResult<Scalar>& head)
{
    using Real = Scalar; // the sums run in the pass's scalar
    using Vector = VectorOf<Scalar>;
    using Array = Eigen::Array<Scalar, Eigen::Dynamic, 1>;
    const Eigen::Index n = head.weights.cols();
    const Eigen::Index count = rows.end - rows.begin;
    Vector total = Vector::Zero(n); // indexed by row, only rows used
    for (Eigen::Index j = 0; j < n; ++j) {
        const Span span = clip(spans[j], rows);
        total.segment(span.begin, span.end - span.begin) +=
            head.weights.col(j).segment(span.begin, span.end - span.begin);
    }
    // 0 marks a row left out: no weight, or an infinite or NaN total.
    Vector usable = Vector::Zero(n);
    for (Eigen::Index i = rows.begin; i < rows.end; ++i)
        usable(i) = Real(total(i) > 0 && std::isfinite(total(i)));
    head.entropy.segment(rows.begin, count).setZero();
    head.meanDistance.segment(rows.begin, count).setZero();
    Array a(count);
    Array logA(count);
    for (Eigen::Index j = 0; j < n; ++j) {
        const auto [begin, end] = clip(spans[j], rows);
        const Eigen::Index length = end - begin;
        const Real* w = head.weights.col(j).data();
        for (Eigen::Index i = begin; i < end; ++i)
            a(i - begin) = usable(i) != 0 ? w[i] / total(i) : 0;
        // Vectorised, except for subnormal weights, which Eigen's log does not take.
        if ((a.head(length) > 0 && a.head(length) < std::numeric_limits<Real>::min()).any())
            logA.head(length) = a.head(length).unaryExpr([](Real x) { return std::log(x); });
        else
            logA.head(length) = a.head(length).log();
        Real* entropy = head.entropy.data();
        Real* distance = head.meanDistance.data();
        for (Eigen::Index i = begin; i < end; ++i) {
            const Real ai = a(i - begin);
            entropy[i] -= ai > 0 ? ai * logA(i - begin) : 0;
            distance[i] += ai * static_cast<Real>(i > j ? i - j : j - i);
        }
    }
}

template void rowStatistics(const std::vector<Span>&, Rows, BasicHeadResult<double>&);
template void rowStatistics(const std::vector<Span>&, Rows, BasicHeadResult<float>&);

} // namespace attn

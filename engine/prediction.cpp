#include "prediction.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace attn {

template <typename Scalar> void predict(BasicModelResult<Scalar>& r, Eigen::Index k)
{
    using Entry = std::pair<Scalar, int>; // logit, id
    // Heap order: the worst kept entry comes first (a lower logit, or the larger id).
    const auto better = [](const Entry& a, const Entry& b) {
        return a.first > b.first || (a.first == b.first && a.second < b.second);
    };
    const Eigen::Index n = r.logits.rows(), vocabulary = r.logits.cols();
    // Each row's maximum, down the columns too (a row of a column-major matrix is strided).
    VectorOf<Scalar> top = r.logits.col(0);
    for (Eigen::Index v = 1; v < vocabulary; ++v)
        top = top.cwiseMax(r.logits.col(v));
    // Σ exp in double: 50 257 float terms would lose up to V·ε of the sum.
    Vector sum = Vector::Zero(n);
    std::vector<std::vector<Entry>> heaps(n);
    // The worst kept logit of each row once its heap holds k, +∞ before: a contiguous test.
    VectorOf<Scalar> worst = VectorOf<Scalar>::Constant(n, std::numeric_limits<Scalar>::infinity());
    for (Eigen::Index v = 0; v < vocabulary; ++v) {
        const auto column = r.logits.col(v);
        sum.array() += (column - top).array().exp().template cast<double>();
        for (Eigen::Index i = 0; i < n; ++i) {
            std::vector<Entry>& heap = heaps[i];
            const Entry entry{column(i), static_cast<int>(v)};
            if (static_cast<Eigen::Index>(heap.size()) < k) {
                heap.push_back(entry);
                std::push_heap(heap.begin(), heap.end(), better);
                if (static_cast<Eigen::Index>(heap.size()) == k)
                    worst(i) = heap.front().first;
            } else if (k > 0 && column(i) > worst(i)) {
                std::pop_heap(heap.begin(), heap.end(), better);
                heap.back() = entry;
                std::push_heap(heap.begin(), heap.end(), better);
                worst(i) = heap.front().first;
            }
        }
    }
    r.logSumExp.resize(n);
    r.topK.assign(n, {});
    for (Eigen::Index i = 0; i < n; ++i) {
        r.logSumExp(i) = static_cast<Scalar>(top(i) + std::log(sum(i)));
        for (const auto& [logit, id] : heaps[i])
            r.topK[i].push_back({id, logit, std::exp(double(logit) - double(top(i))) / sum(i)});
        // By the probabilities as written: logits an ulp apart may round to one p, which then
        // comes by the smaller id.
        std::sort(r.topK[i].begin(), r.topK[i].end(), [](const Prediction& a, const Prediction& b) {
            return a.p > b.p || (a.p == b.p && a.id < b.id);
        });
    }
}

template void predict(BasicModelResult<double>&, Eigen::Index);
template void predict(BasicModelResult<float>&, Eigen::Index);

} // namespace attn

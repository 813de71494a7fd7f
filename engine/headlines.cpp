#include "headlines.h"

#include <algorithm>
#include <cmath>

namespace attn {

std::vector<AttentionLine> strongestLines(const Matrix& a, const MaskMatrix& mask, double coverage)
{
    std::vector<AttentionLine> lines;
    if (!(coverage > 0))
        return lines;
    const bool masked = mask.rows() == a.rows() && mask.cols() == a.cols();
    std::vector<AttentionLine> row;
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
        row.clear();
        Real total = 0;
        for (Eigen::Index j = 0; j < a.cols(); ++j) {
            const Real w = a(i, j);
            if ((masked && !mask(i, j)) || !std::isfinite(w) || w <= 0)
                continue;
            row.push_back({int(i), int(j), w});
            total += w;
        }
        // Stable: equal weights keep the order of their keys.
        std::stable_sort(
            row.begin(), row.end(),
            [](const AttentionLine& x, const AttentionLine& y) { return x.weight > y.weight; });
        const Real wanted = coverage >= 1 ? total : coverage * total;
        Real sum = 0;
        std::size_t kept = 0;
        while (kept < row.size() && (coverage >= 1 || sum < wanted)) {
            sum += row[kept].weight;
            ++kept;
        }
        while (kept > 0 && kept < row.size() && row[kept].weight == row[kept - 1].weight)
            ++kept;
        lines.insert(lines.end(), row.begin(), row.begin() + std::ptrdiff_t(kept));
    }
    return lines;
}

} // namespace attn

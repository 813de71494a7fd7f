#include "rowblock.h"

namespace attn {

std::vector<Span> columnSpans(const MaskMatrix& mask)
{
    std::vector<Span> spans(mask.cols());
    for (Eigen::Index j = 0; j < mask.cols(); ++j) {
        const std::uint8_t* allowed = mask.col(j).data(); // column-major: contiguous
        Eigen::Index begin = 0;
        Eigen::Index end = mask.rows();
        while (begin < end && !allowed[begin])
            ++begin;
        while (end > begin && !allowed[end - 1])
            --end;
        spans[j] = {begin, end};
    }
    return spans;
}

} // namespace attn

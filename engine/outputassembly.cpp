#include "outputassembly.h"

#include "parallelfor.h"

#include <algorithm>

namespace attn {

void assembleOutput(const Session& s, ForwardResult& result)
{
    assembleOutput(s, result, 1);
}

void assembleOutput(const Session& s, ForwardResult& result, int threads)
{
    const int dK = s.dK();
    result.concat.resize(s.n(), s.dModel); // n × d_model
    for (int h = 0; h < s.heads; ++h)
        result.concat.middleCols(h * dK, dK) = result.heads[h].output;
    result.output.resize(result.concat.rows(), s.wo.cols()); // n × d_model
    const Eigen::Index cols = s.wo.cols();
    const int blocks = static_cast<int>((cols + kOutputBlock - 1) / kOutputBlock);
    parallelFor(blocks, threads, [&](int b) {
        const Eigen::Index first = b * kOutputBlock;
        const Eigen::Index width = std::min(kOutputBlock, cols - first);
        result.output.middleCols(first, width).noalias() =
            result.concat * s.wo.middleCols(first, width);
    });
}

} // namespace attn

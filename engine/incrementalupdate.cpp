#include "incrementalupdate.h"

#include "attention.h"
#include "outputassembly.h"

#include <algorithm>

namespace attn {
namespace {

/// Whether O += ΔZ · W_O can be used: it needs the old C and O in this shape, and finite
/// (∞ − ∞ would be NaN). Asked after the head was recomputed.
bool updatesIncrementally(const Session& s, const ForwardResult& result, int head)
{
    return result.concat.rows() == s.n() && result.concat.cols() == s.dModel &&
           result.output.rows() == s.n() && result.output.cols() == s.dModel &&
           result.output.allFinite() && result.concat.allFinite() &&
           result.heads[head].output.allFinite();
}

} // namespace

void updateOutputColumn(const Session& s, ForwardResult& result, Eigen::Index col)
{
    const Eigen::Index first = col / kOutputBlock * kOutputBlock;
    const Eigen::Index width = std::min(kOutputBlock, s.wo.cols() - first);
    result.output.middleCols(first, width).noalias() =
        result.concat * s.wo.middleCols(first, width);
}

void updateHead(const Session& s, ForwardResult& result, int head)
{
    const int dK = s.dK();
    result.heads[head] = computeHead(s, result.xIn, result.mask, head);
    if (!updatesIncrementally(s, result, head)) {
        assembleOutput(s, result);
        return;
    }
    auto block = result.concat.middleCols(head * dK, dK);    // n × d_k, the old Z of head
    const Matrix change = result.heads[head].output - block; // n × d_k
    result.output.noalias() += change * s.wo.middleRows(head * dK, dK);
    block = result.heads[head].output;
}

} // namespace attn

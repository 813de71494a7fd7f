#include "celledit.h"

#include "attention.h"

namespace attn {
namespace {

/// Whether result is a pass of a session of edited's sizes (the updates reuse its X_in,
/// mask, heads and C).
bool fits(const Session& s, const ForwardResult& r)
{
    const Eigen::Index n = s.n();
    return static_cast<int>(r.heads.size()) == s.heads && r.xIn.rows() == n &&
           r.xIn.cols() == s.dModel && r.mask.rows() == n && r.mask.cols() == n &&
           r.concat.rows() == n && r.concat.cols() == s.dModel && r.output.rows() == n &&
           r.output.cols() == s.wo.cols();
}

CellUpdate updateHeadAfterEdit(const Session& s, ForwardResult& result, int head,
                               bool allowApproximate)
{
    if (head < 0 || head >= s.heads)
        return CellUpdate::NeedsFullPass;
    if (allowApproximate) {
        updateHead(s, result, head);
        return CellUpdate::Approximate;
    }
    result.heads[head] = computeHead(s, result.xIn, result.mask, head);
    assembleOutput(s, result); // the blocks of a fresh pass: the same bits for any thread count
    return CellUpdate::Exact;
}

} // namespace

CellUpdate updateAfterCellEdit(const Session& s, ForwardResult& result, MatrixRef ref, int row,
                               int col, bool allowApproximate)
{
    if (!fits(s, result))
        return CellUpdate::NeedsFullPass;
    switch (ref.kind) {
    case MatrixKind::WQ:
    case MatrixKind::WK:
    case MatrixKind::WV:
        return updateHeadAfterEdit(s, result, ref.head, allowApproximate);
    case MatrixKind::AdditiveW:
        // Row h of additive_w is w_h, read by head h only and only by the additive score.
        if (s.score != ScoreKind::Additive)
            return CellUpdate::Exact;
        return updateHeadAfterEdit(s, result, row, allowApproximate);
    case MatrixKind::WO:
        if (col < 0 || col >= s.wo.cols())
            return CellUpdate::NeedsFullPass;
        updateOutputColumn(s, result, col);
        return CellUpdate::Exact;
    case MatrixKind::LearnedPE:
        if (s.positional.kind != PeKind::Learned)
            return CellUpdate::Exact; // kept for switching back, not read by the pass
        return CellUpdate::NeedsFullPass;
    case MatrixKind::Embeddings:
        break;
    }
    return CellUpdate::NeedsFullPass; // X_in changes: Q, K and V of every head
}

} // namespace attn

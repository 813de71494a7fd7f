#include "headlinesfigure.h"

#include "names.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>

namespace av {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("av", text);
}

} // namespace

QColor headColor(int head)
{
    // Tableau's ten, then six chosen to be at least as far from each of them (CIE ΔE76 of
    // 27.7 at the closest pair) as they are from each other; tests/ui/plots/lineraster_test
    // checks that every pair is at least 25 apart.
    static constexpr std::array<QRgb, kDistinctHeadColors> colors{
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f,
        0xbcbd22, 0x17becf, 0x2424f3, 0xf324f3, 0x596619, 0x790652, 0x7408a9, 0x0bda0b};
    return QColor(colors[std::size_t(std::max(head, 0) % kDistinctHeadColors)]);
}

HeadLinesFigure headLinesFigure(const attn::Model& model, const attn::ModelResult& result,
                                int block, double coverage, AttentionKind kind)
{
    HeadLinesFigure f;
    const bool encoderPass = model.hasEncoder() && !result.encoder.empty();
    if (kind == AttentionKind::Encoder) {
        if (!encoderPass)
            return f;
        f = headLinesFigure(model.encoder.front(), result.encoder.front(), block, coverage);
        if (f.heads() > 0)
            f.title = tr("Encoder block %1 — head lines, %2")
                          .arg(block + 1)
                          .arg(kindName(model.encoder.front().settings.mask.kind));
        return f;
    }
    const int blocks = std::min(model.layerCount(), int(result.blocks.size()));
    if (block < 0 || block >= blocks || (kind == AttentionKind::Cross && !encoderPass))
        return f;
    f.block = block;
    f.coverage = std::clamp(coverage, 0.0, 1.0);
    f.title =
        kind == AttentionKind::Cross
            ? tr("Block %1 — cross-attention lines: target (left) to source (right)").arg(block + 1)
            : tr("Block %1 — head lines, %2")
                  .arg(block + 1)
                  .arg(kindName(model.settings.mask.kind));
    f.subtitle =
        f.coverage >= 1
            ? tr("every line; its strength is the weight")
            : tr("each query's strongest lines up to %1 % of its weight; strength = weight")
                  .arg(qRound(f.coverage * 100));
    f.tokens = modelTokenLabels(model);
    const bool cross = kind == AttentionKind::Cross;
    if (cross)
        f.keyTokens = modelTokenLabels(model.encoder.front()); // every source token allowed
    else
        f.mask = result.mask;
    const auto& heads = cross ? result.blocks[block].cross.heads : result.blocks[block].heads;
    for (int h = 0; h < int(heads.size()); ++h) {
        f.headLabels << tr("head %1").arg(h + 1);
        f.weights << heads[h].weights;
        f.lines << attn::strongestLines(heads[h].weights, f.mask, f.coverage);
        f.ablated << (cross ? model.isCrossAblated(block, h) : model.isAblated(block, h));
    }
    return f;
}

} // namespace av

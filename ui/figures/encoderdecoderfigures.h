#pragma once
// The three kinds of attention of an encoder–decoder session (model.h: a model with an
// encoder), each shown apart as BertViz does: the encoder's self-attention over the source,
// the decoder's masked self-attention over the target, and the decoder's cross-attention
// from the target to the encoder's output. Plain values for the window and for export.

#include "figuredata.h"
#include "modelfigures.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace av {

enum class AttentionKind
{
    Encoder,
    Decoder,
    Cross
};

/// "Encoder self-attention", "Decoder self-attention (masked)", "Cross-attention".
QString attentionKindName(AttentionKind kind);
/// What the kind computes, with its formula, for the panel's caption.
QString attentionKindFormula(AttentionKind kind);
/// The export name of a kind's grid ("encoder-model-view", "cross-model-view"; the
/// decoder's is the model view, "model-view") or, with a block and head (0-based), of one
/// head ("cross-attention-layer-2-head-1"; the decoder's "attention-layer-2-head-1").
QString attentionKindFigureName(AttentionKind kind, int block = -1, int head = -1);

/// The export name of one block's head lines of a kind: head-lines-layer-L (the decoder's,
/// as cli.md names it), encoder-head-lines-layer-L, cross-head-lines-layer-L (block 0-based).
QString attentionKindHeadLinesName(AttentionKind kind, int block);
/// What attentionKindHeadLinesName() names: the kind and the block (0-based), if it is one.
std::optional<std::pair<AttentionKind, int>> parseHeadLinesName(const QString& name);

/// What attentionKindFigureName() names, for the encoder's and cross-attention's figures.
struct AttentionKindFigureName
{
    AttentionKind kind = AttentionKind::Cross;
    int block = -1; ///< 0-based; −1 for the grid
    int head = -1;
};
std::optional<AttentionKindFigureName> parseAttentionKindFigureName(const QString& name);

/// Every block × head of one kind. For the encoder its blocks; for cross-attention each
/// cell is target tokens × source tokens (n × m), every source token allowed. Empty (0
/// blocks) without an encoder, except for the decoder's own self-attention.
ModelViewFigure attentionKindFigure(const attn::Model& model, const attn::ModelResult& result,
                                    AttentionKind kind);

/// One head of one kind, large, with its tokens: the source on the x axis and the target
/// on the y axis for cross-attention. Empty values for a block or head out of range.
HeatmapData attentionKindCellFigure(const attn::Model& model, const attn::ModelResult& result,
                                    AttentionKind kind, int block, int head);

/// How many blocks a kind has (the encoder's, or the decoder's for the two others).
int attentionKindBlocks(const attn::Model& model, AttentionKind kind);

} // namespace av

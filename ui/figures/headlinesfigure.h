#pragma once
// One block's heads as lines (BertViz's "head view"): the query tokens in a column on the
// left, the key tokens on the right, and a line in the head's colour from each query to
// each key it attends to, as strong as the weight. Shared by the window and export.

#include "encoderdecoderfigures.h"
#include "headlines.h"
#include "model.h"
#include "modelresult.h"

#include <QColor>
#include <QString>
#include <QStringList>
#include <QVector>
#include <algorithm>
#include <vector>

namespace av {

/// How much of each row's weight the lines show unless the user chooses otherwise.
inline constexpr double kDefaultLineCoverage = 0.9;
/// Heads whose colours are all distinct; later heads reuse them.
inline constexpr int kDistinctHeadColors = 16;

/// Head k's colour (0-based): 16 colours that differ on white paper and on a projector.
QColor headColor(int head);

struct HeadLinesFigure
{
    QString title;                 ///< "Block 2 — head lines, causal mask"
    QString subtitle;              ///< which lines are left out
    int block = 0;                 ///< 0-based
    QStringList tokens;            ///< the queries' (left) and, unless keyTokens says, the keys'
    QStringList keyTokens;         ///< the keys' when they differ (cross-attention: the source)
    QStringList headLabels;        ///< "head 1" … "head H"
    QVector<attn::Matrix> weights; ///< per head, n × m: A
    QVector<std::vector<attn::AttentionLine>> lines; ///< per head: strongestLines of A
    QVector<bool> ablated;                           ///< per head: switched off (Z = 0)
    attn::MaskMatrix mask; ///< n × m, 0: the line cannot exist (empty: every line can)
    double coverage = kDefaultLineCoverage;

    int heads() const { return int(weights.size()); }
    int n() const { return int(tokens.size()); }
    const QStringList& keyLabels() const { return keyTokens.isEmpty() ? tokens : keyTokens; }
    int keys() const { return int(keyLabels().size()); }
    int rows() const { return std::max(n(), keys()); } ///< of the taller column
};

/// Block `block` (0-based) of the pass; coverage as strongestLines takes it (0–1). Of an
/// encoder–decoder session, kind chooses the encoder's blocks, the decoder's (the model's
/// own, the default) or the decoder's cross-attention: target queries left, source keys
/// right. Empty for a block or kind the model does not have.
HeadLinesFigure headLinesFigure(const attn::Model& model, const attn::ModelResult& result,
                                int block, double coverage = kDefaultLineCoverage,
                                AttentionKind kind = AttentionKind::Decoder);

} // namespace av

#pragma once
// The guided walk through one pass: the steps as data (titles, formulas with the actual
// numbers in them, the matrices to show and the cells to outline), so that the panel only
// shows them and the tests can read them without a widget.

#include "attention.h"
#include "figuredata.h"
#include "model.h"
#include "modelresult.h"
#include "session.h"

#include <QPoint>
#include <QString>
#include <QVector>

namespace av {

/// The output number the walk follows: O(query, column). Its head is column / d_k.
struct WalkTarget
{
    int query = -1; ///< token index from 0; −1: the last token
    int column = 0; ///< column of O, from 0

    /// The same target with −1 resolved and both clamped into the session's shape.
    WalkTarget resolved(const attn::Session& session) const;
    bool operator==(const WalkTarget&) const = default;
};

struct WalkStep
{
    struct Shown
    {
        QString caption;             ///< one line above the plot, rich text
        HeatmapData data;            ///< the matrix, as a figure
        QVector<QPoint> highlighted; ///< (x = col, y = row): the cells the target number needs
    };

    QString title;           ///< "5. Scores", plain text
    QString formula;         ///< rich text with the actual numbers in it
    QString why;             ///< one or two plain sentences, rich text
    QVector<Shown> matrices; ///< at most three
};

/// The steps of the pass, in order: tokens, embeddings, positional encoding, Q K V, scores,
/// scaling, mask, normalisation, weighted sum of V, concatenation, W_O. Always kWalkStepCount
/// steps; without tokens they carry no matrices. Every number is read from result (and
/// attn::traceWeight), none is recomputed here beyond the sums the formulas spell out.
inline constexpr int kWalkStepCount = 11;
/// Up to this many tokens a model's walk ends, after its last block, with the attention
/// rollout of the followed token.
inline constexpr int kWalkRolloutTokens = 256;
QVector<WalkStep> walkSteps(const attn::Session& session, const attn::ForwardResult& result,
                            WalkTarget target = {});

/// The steps of block `block` (0-based) of a model, following the same target through the
/// block's attention (view and viewResult: attn::attentionView of the block) and on: its
/// input, LN1 (pre-norm), the attention steps, the residual sums, post-norm's LN1, LN2, the
/// FFN's two layers and activation, the block's output; after the last block the final norm,
/// the logits and the probabilities of the followed token's next token. A model that is one
/// bare attention layer (a v1 session) gives walkSteps().
QVector<WalkStep> walkBlockSteps(const attn::Model& model, const attn::ModelResult& result,
                                 int block, const attn::Session& view,
                                 const attn::ForwardResult& viewResult, WalkTarget target = {});

} // namespace av

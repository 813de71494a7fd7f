#pragma once
// The guided walk through one pass: the steps as data (titles, formulas with the actual
// numbers in them, the matrices to show and the cells to outline), so that the panel only
// shows them and the tests can read them without a widget.

#include "attention.h"
#include "figuredata.h"
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
QVector<WalkStep> walkSteps(const attn::Session& session, const attn::ForwardResult& result,
                            WalkTarget target = {});

} // namespace av

#pragma once
// The figures of a training run (docs/training.md): loss and accuracy against the step, and
// each head's previous-token or prefix-matching score against the step, from a run in the
// window or a session's `training` field.

#include "figuredata.h"
#include "trainer.h"

#include <QString>
#include <QVector>

namespace av {

/// The two scores a run records of every head.
enum class HeadScoreKind
{
    PrefixMatching,
    PreviousToken
};

struct CurvesFigure
{
    QString title, xTitle, yTitle;
    QVector<Curve> curves;

    bool empty() const { return curves.isEmpty(); }
};

/// Loss (nats) and accuracy against the step.
CurvesFigure lossFigure(const std::vector<attn::StepRecord>& steps, const QString& task);

/// One curve per head ("block 2 · head 1"), `heads` heads a block.
CurvesFigure headScoresFigure(const std::vector<attn::HeadScoreRecord>& records, int heads,
                              HeadScoreKind kind);
QString headScoreKindName(HeadScoreKind kind);

} // namespace av

#include "trainingfigures.h"

#include <QCoreApplication>

namespace av {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("av", text);
}

} // namespace

CurvesFigure lossFigure(const std::vector<attn::StepRecord>& steps, const QString& task)
{
    CurvesFigure f;
    f.title = task.isEmpty() ? tr("Training: loss and accuracy")
                             : tr("Training on %1: loss and accuracy").arg(task);
    f.xTitle = tr("step");
    f.yTitle = tr("loss (nats) · accuracy");
    if (steps.empty())
        return f;
    Curve loss{tr("loss (cross-entropy, nats)"), {}, {}};
    Curve accuracy{tr("accuracy (share of targets predicted)"), {}, {}};
    for (const attn::StepRecord& r : steps) {
        loss.x << r.step;
        loss.y << r.loss;
        accuracy.x << r.step;
        accuracy.y << r.accuracy;
    }
    f.curves << loss << accuracy;
    return f;
}

QString headScoreKindName(HeadScoreKind kind)
{
    return kind == HeadScoreKind::PrefixMatching ? tr("prefix matching (induction)")
                                                 : tr("previous token");
}

CurvesFigure headScoresFigure(const std::vector<attn::HeadScoreRecord>& records, int heads,
                              HeadScoreKind kind)
{
    CurvesFigure f;
    f.title = tr("Each head's %1 score").arg(headScoreKindName(kind));
    f.xTitle = tr("step");
    f.yTitle = tr("score (0–1)");
    if (records.empty() || heads <= 0)
        return f;
    const auto scores = [kind](const attn::HeadScoreRecord& r) -> const std::vector<attn::Real>& {
        return kind == HeadScoreKind::PrefixMatching ? r.prefixMatching : r.previousToken;
    };
    const int count = int(scores(records.front()).size());
    for (int k = 0; k < count; ++k) {
        Curve c{tr("block %1 · head %2").arg(k / heads + 1).arg(k % heads + 1), {}, {}};
        for (const attn::HeadScoreRecord& r : records)
            if (k < int(scores(r).size())) {
                c.x << r.step;
                c.y << scores(r)[k];
            }
        f.curves << c;
    }
    return f;
}

} // namespace av

// The walkthrough's last step for a model: attention rollout (Abnar & Zuidema, 2020), the
// followed token's row of R = Â_L · R_{L−1} written out.
#include "modelfigures.h"
#include "numberformat.h"
#include "rollout.h"
#include "walk.h"

namespace av {

using namespace walk;

WalkStep Walk::rolloutStep() const
{
    WalkStep step;
    const attn::RolloutResult ro = attn::attentionRollout(*model, *modelResult);
    const int blocks = int(ro.mixed.size());
    const QString L = QString::number(blocks);
    // The input token the followed token's final state draws on most.
    Eigen::Index j = 0;
    ro.rollout.row(i).maxCoeff(&j);
    const QString J = one(int(j));
    const attn::Matrix& mixed = ro.mixed.back();
    const double mean = ro.meanWeights.back()(i, i);
    const double rowSum = 0.5 * ro.meanWeights.back().row(i).sum() + 0.5;
    const QString hat = QStringLiteral("Â<sup>(%1)</sup>").arg(L); // block L's, as z<sup>(h)</sup>
    step.title = tr("Attention rollout: what token %1's final state draws on").arg(I);
    QString product;
    if (blocks > 1)
        product = tr("R<sub>%1,%2</sub> = Σ<sub>k</sub> Â<sup>(%3)</sup><sub>%1,k</sub> "
                     "R<sup>(%4)</sup><sub>k,%2</sub> = %5 = <b>%6</b>")
                      .arg(I, J, L, QString::number(blocks - 1),
                           productSum(mixed.row(i), ro.cumulative[blocks - 2].col(j).transpose()),
                           formatFormula(ro.rollout(i, j)));
    else
        product = tr("R<sub>%1,%2</sub> = Â<sup>(1)</sup><sub>%1,%2</sub> = <b>%3</b>")
                      .arg(I, J, formatFormula(ro.rollout(i, j)));
    step.formula =
        tr("R = Â<sup>(%1)</sup> · … · Â<sup>(1)</sup>, Â<sup>(l)</sup> = 0.5·Ā<sup>(l)</sup> + "
           "0.5·I, rows divided by their sums (Ā<sup>(l)</sup>: the mean of block l's heads "
           "that are on)"
           "<br>%2<sub>%3,%3</sub> = (0.5 × %4 + 0.5) / %5 = %6<br>%7")
            .arg(L, hat, I, formatFormula(mean), formatFormula(rowSum), formatFormula(mixed(i, i)),
                 product);
    step.why = tr("The residual passes each token's own state on unchanged: rollout counts it as "
                  "attention to itself, half the weight. Followed through every block, row %1 "
                  "of R says how much of %2's final state comes from each input token; most "
                  "from token %3.")
                   .arg(I, token, J);
    step.matrices << shown(
        tr("row %1 of %2").arg(I, hat),
        rolloutStepFigure(*model, tr("Â_%1 — block %1, mixed with I").arg(L), mixed),
        rowCells(i, n));
    if (blocks > 1)
        step.matrices << shown(
            tr("× column %1 of R<sup>(%2)</sup>").arg(J).arg(blocks - 1),
            rolloutStepFigure(*model, tr("R_%1 — rollout of blocks 1 … %1").arg(blocks - 1),
                              ro.cumulative[blocks - 2]),
            columnCells(int(j), n));
    step.matrices << shown(tr("= R"),
                           rolloutStepFigure(*model, tr("R — rollout of blocks 1 … %1").arg(L),
                                             ro.rollout),
                           {QPoint(int(j), i)});
    return step;
}

} // namespace av

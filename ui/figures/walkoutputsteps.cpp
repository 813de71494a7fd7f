// Steps 9–11 of the walkthrough: from the weights to the output number.
#include "names.h"
#include "numberformat.h"
#include "walk.h"

#include <QStringList>

namespace av {

using namespace walk;

WalkStep Walk::weightedSumStep() const
{
    WalkStep step;
    const QString z = sub(QStringLiteral("z"), I + QLatin1Char(',') + one(cc));
    step.formula =
        tr("%1 = Σ<sub>j</sub> a<sub>%2,j</sub> "
           "v<sub>j,%3</sub><br>&nbsp;&nbsp;&nbsp;= %4 = <b>%5</b>")
            .arg(z, I, one(cc), productSum(head.weights.row(i), head.v.col(cc).transpose()),
                 formatFormula(head.output(i, cc)));
    step.why =
        tr("The head’s output for token %1 is a blend of the value vectors, each weighted by "
           "the attention its key got. Keys with weight 0 add nothing.")
            .arg(I);
    step.matrices << shown(tr("row %1 of A").arg(I), attentionFigure(s, r, h, false),
                           rowCells(i, n))
                  << shown(tr("× column %1 of V").arg(one(cc)),
                           headFigure(QStringLiteral("V"), head.v), columnCells(cc, n))
                  << shown(tr("= Z"), headFigure(QStringLiteral("Z = A V"), head.output),
                           {QPoint(cc, i)});
    return step;
}

WalkStep Walk::concatStep() const
{
    WalkStep step;
    step.formula =
        tr("%1 = [%2] = %3<br>column %4 of C is column %5 of head %6: <b>%7</b>")
            .arg(sub(QStringLiteral("c"), I),
                 s.heads == 1
                     ? sub(QStringLiteral("z"), I)
                     : tr("z<sup>(1)</sup><sub>%1</sub> | … | z<sup>(%2)</sup><sub>%1</sub>")
                           .arg(I)
                           .arg(s.heads),
                 vectorText(r.concat.row(i)), one(c), one(cc), H, formatFormula(r.concat(i, c)));
    step.why =
        s.heads == 1
            ? tr("With one head there is nothing to put side by side: C is Z. With "
                 "several, each head looks for something else and their outputs are joined.")
            : tr("Each head looks for something else; their outputs for token %1 are put side "
                 "by side into one row of d<sub>model</sub> numbers.")
                  .arg(I);
    step.matrices << shown(tr("head %1’s output").arg(H),
                           headFigure(QStringLiteral("Z"), head.output), {QPoint(cc, i)})
                  << shown(tr("C, all heads side by side"),
                           matrixFigure(tr("C = [Z1 | … | Z%1]").arg(s.heads), r.concat, s, true),
                           {QPoint(c, i)});
    return step;
}

WalkStep Walk::outputStep() const
{
    WalkStep step;
    QString products = productSum(r.concat.row(i), s.wo.col(c).transpose());
    QString bias;
    if (biases) { // a block's b_O, added after the products
        bias = QStringLiteral(" + b<sub>O %1</sub>").arg(one(c));
        products += QStringLiteral(" + ") + formatFormula(modelBlock().attention.bo(c));
    }
    step.formula = tr("O<sub>%1,%2</sub> = Σ<sub>m</sub> c<sub>%1,m</sub> W<sub>O m,%2</sub>%3<br>"
                      "&nbsp;&nbsp;&nbsp;= %4 = <b>%5</b>")
                       .arg(I, one(c), bias, products, formatFormula(r.output(i, c)));
    step.why =
        tr("W<sub>O</sub> mixes the heads’ results into the layer’s output, so that each output "
           "number can draw on every head. This is the number we followed from the start.");
    step.matrices << shown(tr("row %1 of C").arg(I), matrixFigure(tr("C"), r.concat, s, true),
                           rowCells(i, s.dModel))
                  << shown(tr("× column %1 of W<sub>O</sub>").arg(one(c)),
                           matrixFigure(tr("W_O — output projection"), s.wo, s, false),
                           columnCells(c, s.dModel))
                  << shown(tr("= O"), outputFigure(s, r), {QPoint(c, i)});
    return step;
}

} // namespace av

// Steps 5–8 of the walkthrough: from the scores to the attention weights.
#include "names.h"
#include "numberformat.h"
#include "walk.h"

#include <QStringList>

namespace av {

using namespace walk;

WalkStep Walk::scoreStep() const
{
    WalkStep step;
    const attn::WeightTrace& t = traces[focus];
    const QString J = one(focus);
    const bool additive = s.score == attn::ScoreKind::Additive;
    const attn::RowVector row =
        traceRow(additive ? &attn::WeightTrace::raw : &attn::WeightTrace::dot);
    if (additive) {
        step.formula = tr("score(%1, %2) = w · tanh(%1 + %2) = %3<br>for every key: %4")
                           .arg(sub(QStringLiteral("q"), I), sub(QStringLiteral("k"), J),
                                formatFormula(t.raw), vectorText(row));
        step.why = tr("The additive score passes query and key through a small learned layer: one "
                      "number per key, how well it matches what token %1 looks for.")
                       .arg(I);
    } else {
        step.formula = tr("%1 · %2 = %3 = %4<br>%1 · k<sub>j</sub> for every key: %5")
                           .arg(sub(QStringLiteral("q"), I), sub(QStringLiteral("k"), J),
                                productSum(t.q, t.k), formatFormula(t.dot), vectorText(row));
        step.why =
            tr("The dot product of the query with a key is large when the two point the same "
               "way: one number per key, how well it matches what token %1 looks for.")
                .arg(I);
    }
    step.matrices
        << shown(tr("query %1").arg(I), headFigure(QStringLiteral("Q"), head.q), rowCells(i, dK))
        << shown(tr("every key"), headFigure(QStringLiteral("K"), head.k), allCells(n, dK))
        << shown(tr("one score per key"),
                 keyRow(additive ? tr("w · tanh(q + k)") : tr("q · k, query %1").arg(I), row),
                 rowCells(0, n));
    return step;
}

WalkStep Walk::scalingStep() const
{
    WalkStep step;
    const attn::WeightTrace& t = traces[focus];
    const QString S = sub(QStringLiteral("s"), I + QLatin1Char(',') + one(focus));
    const QString q = sub(QStringLiteral("q"), I), k = sub(QStringLiteral("k"), one(focus));
    switch (s.score) {
    case attn::ScoreKind::ScaledDot:
        step.formula = tr("%1 = %2 · %3 / √d<sub>k</sub> = %4 / √%5 = %4 / %6 = %7")
                           .arg(S, q, k, formatFormula(t.dot))
                           .arg(dK)
                           .arg(formatFormula(t.sqrtDk), formatFormula(t.raw));
        step.why =
            tr("Dot products grow with the number of dimensions; large ones would make softmax "
               "give almost all weight to one key. Dividing by √d<sub>k</sub> keeps the weights "
               "soft.");
        break;
    case attn::ScoreKind::Cosine:
        step.formula = tr("%1 = %2 · %3 / (|%2| |%3|) = %4 / (%5 × %6) = %7")
                           .arg(S, q, k, formatFormula(t.dot), formatFormula(t.normQ),
                                formatFormula(t.normK), formatFormula(t.raw));
        step.why =
            tr("Cosine divides by both lengths instead of √d<sub>k</sub>: only the directions "
               "count, and every score lies between −1 and 1.");
        break;
    case attn::ScoreKind::Dot:
    case attn::ScoreKind::Additive:
        step.formula = tr("%1 = %2 (no scaling for the %3 score)")
                           .arg(S, formatFormula(t.raw), kindName(s.score));
        step.why =
            tr("This score is not divided by √d<sub>k</sub>. With many dimensions the scores "
               "grow large and softmax gives almost all weight to one key.");
        break;
    }
    if (s.temperature != 1)
        step.formula +=
            tr("<br>÷ temperature T = %1: %2 / %1 = %3")
                .arg(formatFormula(t.temperature), formatFormula(t.raw), formatFormula(t.score));
    step.formula += tr("<br>row %1 of S: %2").arg(I, vectorText(head.scores.row(i)));
    step.matrices << shown(tr("before"),
                           keyRow(tr("q · k, query %1").arg(I), traceRow(&attn::WeightTrace::dot)),
                           rowCells(0, n))
                  << shown(tr("after: row %1 of S").arg(I), scoresFigure(false), rowCells(i, n));
    return step;
}

WalkStep Walk::maskStep() const
{
    WalkStep step;
    QStringList allowed, hidden;
    for (int j = 0; j < n; ++j)
        (r.mask(i, j) ? allowed : hidden) << one(j);
    step.formula = tr("mask: %1<br>token %2 may attend to keys %3")
                       .arg(kindName(s.mask.kind), I,
                            allowed.isEmpty() ? tr("none") : allowed.join(QStringLiteral(", ")));
    if (!hidden.isEmpty())
        step.formula += tr("<br>keys %1 are hidden: their weight will be exactly 0")
                            .arg(hidden.join(QStringLiteral(", ")));
    step.why =
        tr("A mask says which keys a query may see. A causal mask hides the tokens that come "
           "later, so that a model predicting the next word cannot peek at it.");
    step.matrices << shown(tr("row %1 of the mask").arg(I), maskFigure(s, r), rowCells(i, n))
                  << shown(tr("the scores that remain"), scoresFigure(true),
                           allowedCells(r.mask, i));
    return step;
}

WalkStep Walk::normaliseStep() const
{
    WalkStep step;
    const attn::WeightTrace& t = traces[focus];
    const QString J = one(focus);
    const QString a = sub(QStringLiteral("a"), I + QLatin1Char(',') + J);
    const QString sij = sub(QStringLiteral("s"), I + QLatin1Char(',') + J);
    if (s.normalizer == attn::NormalizerKind::Softmax) {
        step.formula =
            tr("%1 = exp(%2 − max) / Σ<sub>j</sub> exp(s<sub>%3,j</sub> − max)<br>"
               "&nbsp;&nbsp;&nbsp;= exp(%4 − %5) / %6 = %7 / %6 = <b>%8</b>")
                .arg(a, sij, I, formatFormula(t.score), formatFormula(t.rowMax),
                     formatFormula(t.rowSum), formatFormula(t.expValue), formatFormula(t.weight));
        step.why =
            tr("Softmax turns the scores into weights that are positive and add up to 1: each "
               "key’s share of token %1’s attention. Subtracting the maximum first changes "
               "nothing "
               "but keeps exp() from overflowing.")
                .arg(I);
    } else {
        step.formula = tr("%1 = max(0, %2) = <b>%3</b>").arg(a, sij, formatFormula(t.weight));
        step.why = tr("ReLU keeps the positive scores and sets the others to 0; unlike softmax the "
                      "weights need not add up to 1.");
    }
    step.formula +=
        tr("<br>row %1 of A: %2, sum %3")
            .arg(I, vectorText(head.weights.row(i)), formatFormula(head.weights.row(i).sum()));
    const QVector<QPoint> allowed = allowedCells(r.mask, i);
    step.matrices << shown(tr("row %1 of S").arg(I), scoresFigure(true), allowed)
                  << shown(tr("row %1 of A").arg(I), attentionFigure(s, r, h, false), allowed);
    return step;
}

} // namespace av

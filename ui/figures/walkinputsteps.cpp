// Steps 1–4 of the walkthrough: from the tokens to the queries, keys and values.
#include "names.h"
#include "numberformat.h"
#include "walk.h"

#include <QStringList>

namespace av {

using namespace walk;

WalkStep Walk::tokensStep() const
{
    WalkStep step;
    QStringList tokens = tokenLabels(s);
    for (QString& t : tokens)
        t = t.toHtmlEscaped();
    tokens[i] = QStringLiteral("<b><u>%1</u></b>").arg(tokens[i]);
    step.formula = tr("n = %1 tokens: %2<br>We follow token %3, %4, to the output number "
                      "O<sub>%3,%5</sub> = <b>%6</b>")
                       .arg(n)
                       .arg(tokens.join(QStringLiteral(" · ")), I, token, one(c),
                            formatFormula(r.output(i, c)));
    step.why = tr("A transformer never sees a sentence, only a list of tokens. Every step below "
                  "works on one row per token.");
    HeatmapData d;
    d.title = tr("Tokens and their positions");
    d.values.resize(1, n);
    for (int j = 0; j < n; ++j)
        d.values(0, j) = j + 1;
    d.rowLabels = QStringList{tr("position")};
    d.colLabels = tokenLabels(s);
    step.matrices << shown(tr("token %1 is followed").arg(I), d, {QPoint(i, 0)});
    return step;
}

WalkStep Walk::embeddingStep() const
{
    WalkStep step;
    step.formula = tr("%1 = embedding of %2 = %3<br>X is n × d<sub>model</sub> = %4 × %5")
                       .arg(sub(QStringLiteral("x"), I), token, vectorText(r.x.row(i)))
                       .arg(n)
                       .arg(s.dModel);
    step.why = tr("Each token is looked up in a table of learned vectors, its embedding. Tokens "
                  "used in similar ways end up with similar vectors.");
    step.matrices << shown(tr("row %1 of X").arg(I),
                           matrixFigure(tr("X — embeddings"), r.x, s, true), rowCells(i, s.dModel));
    return step;
}

WalkStep Walk::positionalStep() const
{
    WalkStep step;
    const attn::Matrix& xIn = sum ? *sum : r.xIn;
    step.formula =
        tr("%1 = %2 + %3 = %4 + %5 = %6<br>positional encoding: %7")
            .arg(sub(QStringLiteral("x"), QStringLiteral("in,") + I), sub(QStringLiteral("x"), I),
                 sub(QStringLiteral("p"), I), vectorText(r.x.row(i)), vectorText(r.p.row(i)),
                 vectorText(xIn.row(i)), kindName(s.positional.kind));
    if (s.positional.kind == attn::PeKind::Sinusoidal) // the formula's pos counts from 0
        step.formula += tr("<br>%1 = PE(pos = %2): token %3 is at pos %2, as positions count "
                           "from 0 in the formula")
                            .arg(sub(QStringLiteral("p"), I))
                            .arg(i)
                            .arg(I);
    step.why =
        s.positional.kind == attn::PeKind::None
            ? tr("Attention by itself ignores word order. This session adds no positional "
                 "encoding (P = 0), so shuffling the tokens would only shuffle the output rows.")
            : tr("Attention by itself ignores word order, so a vector that depends only on the "
                 "position is added to each embedding: the same word at another place gives "
                 "another input.");
    const QVector<QPoint> row = rowCells(i, s.dModel);
    step.matrices << shown(QStringLiteral("X"), matrixFigure(tr("X — embeddings"), r.x, s, true),
                           row)
                  << shown(QStringLiteral("+ P"),
                           matrixFigure(tr("P — positional encoding"), r.p, s, true), row)
                  << shown(tr("= X<sub>in</sub>"), matrixFigure(tr("X_in = X + P"), xIn, s, true),
                           row);
    return step;
}

WalkStep Walk::projectionStep() const
{
    WalkStep step;
    QStringList keys;
    for (int j = 0; j < n; ++j) {
        if (n > kMaxListed && j == kMaxListed - 1) {
            keys << QStringLiteral("…");
            j = n - 1;
        }
        keys << QStringLiteral("%1 = %2").arg(sub(QStringLiteral("k"), one(j)),
                                              vectorText(head.k.row(j)));
    }
    const QString input =
        headInput.isEmpty() ? sub(QStringLiteral("x"), QStringLiteral("in,") + I) : headInput;
    step.formula =
        tr("%1 = %2 W<sub>Q</sub>%3 = %4<br>%5<br>column %6 of V = %7")
            .arg(sub(QStringLiteral("q"), I), input,
                 biases ? QStringLiteral(" + b<sub>Q</sub>") : QString(), vectorText(head.q.row(i)),
                 keys.join(QStringLiteral(", ")), one(cc), vectorText(head.v.col(cc).transpose()));
    step.why =
        tr("Three projections of the same input, with head %1’s own W<sub>Q</sub>, W<sub>K</sub>, "
           "W<sub>V</sub>: the query asks what to look for, each key says what its token offers, "
           "and the values are what gets passed on.")
            .arg(H);
    step.matrices << shown(tr("the query of token %1").arg(I),
                           headFigure(QStringLiteral("Q"), head.q), rowCells(i, dK))
                  << shown(tr("every key"), headFigure(QStringLiteral("K"), head.k),
                           allCells(n, dK))
                  << shown(tr("column %1 of the values").arg(one(cc)),
                           headFigure(QStringLiteral("V"), head.v), columnCells(cc, n));
    return step;
}

} // namespace av

#include "walkthrough.h"

#include "figures.h"
#include "names.h"
#include "trace.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace av {
namespace {

constexpr int kMaxListed = 6; ///< longer vectors and sums are shortened with “…”

QString sub(const QString& name, const QString& index)
{
    return name + QStringLiteral("<sub>%1</sub>").arg(index);
}
QString one(int index)
{
    return QString::number(index + 1);
} // on screen, indices start at 1

/// "[0.30, 0.36, 0.42]", shortened after kMaxListed entries.
QString vectorText(const attn::RowVector& v)
{
    QStringList parts;
    for (Eigen::Index k = 0; k < v.size(); ++k) {
        if (v.size() > kMaxListed && k == kMaxListed - 1) {
            parts << QStringLiteral("…") << walkNumber(v(v.size() - 1));
            break;
        }
        parts << walkNumber(v(k));
    }
    return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
}

/// "0.30 × 0.50 + 0.36 × 0.98 + …": the terms of a sum of products, shortened when long.
QString productSum(const attn::RowVector& a, const attn::RowVector& b)
{
    QStringList terms;
    const Eigen::Index count = a.size();
    for (Eigen::Index k = 0; k < count; ++k) {
        if (count > kMaxListed && k == kMaxListed - 2) {
            terms << QStringLiteral("…");
            k = count - 1;
        }
        terms << QStringLiteral("%1 × %2").arg(walkNumber(a(k)), walkNumber(b(k)));
    }
    return terms.join(QStringLiteral(" + "));
}

QVector<QPoint> rowCells(int row, int cols)
{
    QVector<QPoint> cells;
    for (int c = 0; c < cols; ++c)
        cells << QPoint(c, row);
    return cells;
}

QVector<QPoint> columnCells(int col, int rows)
{
    QVector<QPoint> cells;
    for (int r = 0; r < rows; ++r)
        cells << QPoint(col, r);
    return cells;
}

QVector<QPoint> allCells(int rows, int cols)
{
    QVector<QPoint> cells;
    for (int r = 0; r < rows; ++r)
        cells += rowCells(r, cols);
    return cells;
}

/// The cells of row i that the mask lets through.
QVector<QPoint> allowedCells(const attn::MaskMatrix& mask, int i)
{
    QVector<QPoint> cells;
    for (int j = 0; j < mask.cols(); ++j)
        if (mask(i, j))
            cells << QPoint(j, i);
    return cells;
}

WalkStep::Shown shown(const QString& caption, const HeatmapData& data, const QVector<QPoint>& cells)
{
    return WalkStep::Shown{caption, data, cells};
}

/// Everything the steps share, resolved once. Its tr() translates in the context
/// "av::Walkthrough" (lupdate reads the context from the macro).
struct Walk
{
    Q_DECLARE_TR_FUNCTIONS(av::Walkthrough)

public:
    const attn::Session& s;
    const attn::ForwardResult& r;
    int i, c, h, cc, n, dK;
    const attn::HeadResult& head;
    std::vector<attn::WeightTrace> traces; ///< one per key j, for query i in head h
    int focus;     ///< the key with the largest weight: its sum is spelled out
    QString I, H;  ///< i and h as shown (from 1)
    QString token; ///< “I”, escaped for rich text

    HeatmapData headFigure(const QString& what, const attn::Matrix& m) const
    {
        return matrixFigure(QStringLiteral("%1 — %2").arg(what, tr("head %1").arg(H)), m, s, true);
    }
    /// 1 × n: the row of numbers query i gets, one per key (column labels are the tokens).
    HeatmapData keyRow(const QString& title, const attn::RowVector& values) const
    {
        HeatmapData d;
        d.title = title;
        d.values = values;
        d.rowLabels = QStringList{QStringLiteral("q") + I};
        d.colLabels = tokenLabels(s);
        d.colAxisTitle = tr("key");
        d.diverging = true;
        return d;
    }
    HeatmapData scoresFigure(bool hatched) const
    {
        HeatmapData d = attentionFigure(s, r, h, true);
        if (!hatched)
            d.masked.resize(0, 0);
        return d;
    }
    // The steps, in order.
    WalkStep tokensStep() const;
    WalkStep embeddingStep() const;
    WalkStep positionalStep() const;
    WalkStep projectionStep() const;
    WalkStep scoreStep() const;
    WalkStep scalingStep() const;
    WalkStep maskStep() const;
    WalkStep normaliseStep() const;
    WalkStep weightedSumStep() const;
    WalkStep concatStep() const;
    WalkStep outputStep() const;
    attn::RowVector traceRow(attn::Real attn::WeightTrace::*field) const
    {
        attn::RowVector v(n);
        for (int j = 0; j < n; ++j)
            v(j) = traces[j].*field;
        return v;
    }
};

WalkStep Walk::tokensStep() const
{
    WalkStep step;
    QStringList tokens = tokenLabels(s);
    for (QString& t : tokens)
        t = t.toHtmlEscaped();
    tokens[i] = QStringLiteral("<b><u>%1</u></b>").arg(tokens[i]);
    step.formula =
        tr("n = %1 tokens: %2<br>We follow token %3, %4, to the output number "
           "O<sub>%3,%5</sub> = <b>%6</b>")
            .arg(n)
            .arg(tokens.join(QStringLiteral(" · ")), I, token, one(c), walkNumber(r.output(i, c)));
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
    step.formula =
        tr("%1 = %2 + %3 = %4 + %5 = %6<br>positional encoding: %7")
            .arg(sub(QStringLiteral("x"), QStringLiteral("in,") + I), sub(QStringLiteral("x"), I),
                 sub(QStringLiteral("p"), I), vectorText(r.x.row(i)), vectorText(r.p.row(i)),
                 vectorText(r.xIn.row(i)), kindName(s.positional.kind));
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
                  << shown(tr("= X<sub>in</sub>"), matrixFigure(tr("X_in = X + P"), r.xIn, s, true),
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
    step.formula =
        tr("%1 = %2 W<sub>Q</sub> = %3<br>%4<br>column %5 of V = %6")
            .arg(sub(QStringLiteral("q"), I), sub(QStringLiteral("x"), QStringLiteral("in,") + I),
                 vectorText(head.q.row(i)), keys.join(QStringLiteral(", ")), one(cc),
                 vectorText(head.v.col(cc).transpose()));
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
                                walkNumber(t.raw), vectorText(row));
        step.why = tr("The additive score passes query and key through a small learned layer: one "
                      "number per key, how well it matches what token %1 looks for.")
                       .arg(I);
    } else {
        step.formula = tr("%1 · %2 = %3 = %4<br>%1 · k<sub>j</sub> for every key: %5")
                           .arg(sub(QStringLiteral("q"), I), sub(QStringLiteral("k"), J),
                                productSum(t.q, t.k), walkNumber(t.dot), vectorText(row));
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
                           .arg(S, q, k, walkNumber(t.dot))
                           .arg(dK)
                           .arg(walkNumber(t.sqrtDk), walkNumber(t.raw));
        step.why =
            tr("Dot products grow with the number of dimensions; large ones would make softmax "
               "give almost all weight to one key. Dividing by √d<sub>k</sub> keeps the weights "
               "soft.");
        break;
    case attn::ScoreKind::Cosine:
        step.formula = tr("%1 = %2 · %3 / (|%2| |%3|) = %4 / (%5 × %6) = %7")
                           .arg(S, q, k, walkNumber(t.dot), walkNumber(t.normQ),
                                walkNumber(t.normK), walkNumber(t.raw));
        step.why =
            tr("Cosine divides by both lengths instead of √d<sub>k</sub>: only the directions "
               "count, and every score lies between −1 and 1.");
        break;
    case attn::ScoreKind::Dot:
    case attn::ScoreKind::Additive:
        step.formula = tr("%1 = %2 (no scaling for the %3 score)")
                           .arg(S, walkNumber(t.raw), kindName(s.score));
        step.why =
            tr("This score is not divided by √d<sub>k</sub>. With many dimensions the scores "
               "grow large and softmax gives almost all weight to one key.");
        break;
    }
    if (s.temperature != 1)
        step.formula += tr("<br>÷ temperature T = %1: %2 / %1 = %3")
                            .arg(walkNumber(t.temperature), walkNumber(t.raw), walkNumber(t.score));
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
        step.formula = tr("%1 = exp(%2 − max) / Σ<sub>j</sub> exp(s<sub>%3,j</sub> − max)<br>"
                          "&nbsp;&nbsp;&nbsp;= exp(%4 − %5) / %6 = %7 / %6 = <b>%8</b>")
                           .arg(a, sij, I, walkNumber(t.score), walkNumber(t.rowMax),
                                walkNumber(t.rowSum), walkNumber(t.expValue), walkNumber(t.weight));
        step.why =
            tr("Softmax turns the scores into weights that are positive and add up to 1: each "
               "key’s share of token %1’s attention. Subtracting the maximum first changes "
               "nothing "
               "but keeps exp() from overflowing.")
                .arg(I);
    } else {
        step.formula = tr("%1 = max(0, %2) = <b>%3</b>").arg(a, sij, walkNumber(t.weight));
        step.why = tr("ReLU keeps the positive scores and sets the others to 0; unlike softmax the "
                      "weights need not add up to 1.");
    }
    step.formula +=
        tr("<br>row %1 of A: %2, sum %3")
            .arg(I, vectorText(head.weights.row(i)), walkNumber(head.weights.row(i).sum()));
    const QVector<QPoint> allowed = allowedCells(r.mask, i);
    step.matrices << shown(tr("row %1 of S").arg(I), scoresFigure(true), allowed)
                  << shown(tr("row %1 of A").arg(I), attentionFigure(s, r, h, false), allowed);
    return step;
}

WalkStep Walk::weightedSumStep() const
{
    WalkStep step;
    const QString z = sub(QStringLiteral("z"), I + QLatin1Char(',') + one(cc));
    step.formula =
        tr("%1 = Σ<sub>j</sub> a<sub>%2,j</sub> "
           "v<sub>j,%3</sub><br>&nbsp;&nbsp;&nbsp;= %4 = <b>%5</b>")
            .arg(z, I, one(cc), productSum(head.weights.row(i), head.v.col(cc).transpose()),
                 walkNumber(head.output(i, cc)));
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
                 vectorText(r.concat.row(i)), one(c), one(cc), H, walkNumber(r.concat(i, c)));
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
    step.formula = tr("O<sub>%1,%2</sub> = Σ<sub>m</sub> c<sub>%1,m</sub> W<sub>O m,%2</sub><br>"
                      "&nbsp;&nbsp;&nbsp;= %3 = <b>%4</b>")
                       .arg(I, one(c), productSum(r.concat.row(i), s.wo.col(c).transpose()),
                            walkNumber(r.output(i, c)));
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

} // namespace

WalkTarget WalkTarget::resolved(const attn::Session& session) const
{
    WalkTarget t;
    const int n = session.n();
    t.query = std::clamp(query < 0 ? n - 1 : query, 0, std::max(0, n - 1));
    t.column = std::clamp(column, 0, std::max(0, session.dModel - 1));
    return t;
}

QString walkNumber(double value)
{
    if (!std::isfinite(value))
        return std::isnan(value) ? QStringLiteral("NaN")
               : value > 0       ? QStringLiteral("∞")
                                 : QStringLiteral("−∞");
    QString text = QString::number(value, 'f', 6);
    const int point = text.indexOf(QLatin1Char('.'));
    while (text.size() > point + 3 && text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text == QLatin1String("-0.00"))
        text = QStringLiteral("0.00");
    return text.replace(QLatin1Char('-'), QChar(0x2212));
}

QVector<WalkStep> walkSteps(const attn::Session& s, const attn::ForwardResult& r, WalkTarget target)
{
    static const char* const kTitles[kWalkStepCount] = {
        QT_TRANSLATE_NOOP("av::Walkthrough", "Tokens"),
        QT_TRANSLATE_NOOP("av::Walkthrough", "Embeddings"),
        QT_TRANSLATE_NOOP("av::Walkthrough", "Positional encoding added"),
        QT_TRANSLATE_NOOP("av::Walkthrough", "Queries, keys and values"),
        QT_TRANSLATE_NOOP("av::Walkthrough", "Scores"),
        QT_TRANSLATE_NOOP("av::Walkthrough", "Scaling by √d_k"),
        QT_TRANSLATE_NOOP("av::Walkthrough", "Mask"),
        QT_TRANSLATE_NOOP("av::Walkthrough", "Softmax"),
        QT_TRANSLATE_NOOP("av::Walkthrough", "Weighted sum of V"),
        QT_TRANSLATE_NOOP("av::Walkthrough", "Concatenation of heads"),
        QT_TRANSLATE_NOOP("av::Walkthrough", "Output projection W_O"),
    };
    QVector<WalkStep> steps;
    const bool empty = s.n() == 0 || s.dModel == 0 || r.heads.empty() || r.output.rows() != s.n();
    if (empty) {
        for (int k = 0; k < kWalkStepCount; ++k) {
            WalkStep step;
            step.formula = Walk::tr("There are no tokens yet: type a sentence in the Input panel.");
            steps << step;
        }
    } else {
        const WalkTarget t = target.resolved(s);
        const int dK = s.dK();
        const int h = t.column / dK;
        Walk w{s,  r, t.query,      t.column, h, t.column % dK, s.n(), dK, r.heads[h],
               {}, 0, one(t.query), one(h),   {}};
        for (int j = 0; j < w.n; ++j)
            w.traces.push_back(attn::traceWeight(s, r, h, w.i, j));
        w.focus = w.i; // with no key allowed, the query's own key
        double best = -1;
        for (int j = 0; j < w.n; ++j) {
            if (r.mask(w.i, j) && w.head.weights(w.i, j) > best) {
                best = w.head.weights(w.i, j);
                w.focus = j;
            }
        }
        w.token = QStringLiteral("“%1”").arg(QString::fromStdString(s.tokens[w.i]).toHtmlEscaped());
        steps << w.tokensStep() << w.embeddingStep() << w.positionalStep() << w.projectionStep()
              << w.scoreStep() << w.scalingStep() << w.maskStep() << w.normaliseStep()
              << w.weightedSumStep() << w.concatStep() << w.outputStep();
    }
    for (int k = 0; k < kWalkStepCount; ++k)
        steps[k].title = QStringLiteral("%1. %2").arg(k + 1).arg(Walk::tr(kTitles[k]));
    return steps;
}

} // namespace av

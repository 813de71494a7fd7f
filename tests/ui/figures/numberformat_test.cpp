// One number formatter (ui/figures/numberformat.h): the places that print the same number
// print it the same way. The trace of one weight (the attention panel's tool tip) and the
// walkthrough spell out the same scores; Copy in the matrix editor and the CSV export
// write the same full-precision text.

#include "attention.h"
#include "document.h"
#include "exporter.h"
#include "matrixeditor.h"
#include "numberformat.h"
#include "trace.h"
#include "tracetext.h"
#include "walkthrough.h"

#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QRegularExpression>
#include <QTableView>
#include <QTest>
#include <QTextDocumentFragment>
#include <cmath>
#include <functional>
#include <limits>

namespace {

QString plain(const QString& richText)
{
    return QTextDocumentFragment::fromHtml(richText).toPlainText();
}

/// The entries of the list that follows `prefix` in text: "row 1 of S: [a, b, c]".
QStringList listAfter(const QString& text, const QString& prefix)
{
    const qsizetype start = text.indexOf(prefix);
    if (start < 0)
        return {};
    const qsizetype open = text.indexOf(u'[', start);
    const qsizetype close = text.indexOf(u']', open);
    if (open < 0 || close < 0)
        return {};
    return text.mid(open + 1, close - open - 1).split(QStringLiteral(", "));
}

/// A hyphen-minus used as a sign: "-0.5", "(-1", "= -2". On screen only U+2212 is.
const QRegularExpression kHyphenSign(QStringLiteral("(^|[\\s(\\[=,/])-\\d"));

} // namespace

class NumberFormatTest : public QObject
{
    Q_OBJECT

private slots:
    void traceAndWalkthroughPrintAScoreAlike();
    void copyAndCsvWriteTheSameText();
    void exactTextReadsBackAsTheSameDouble();
    void onScreenSigns();
};

void NumberFormatTest::traceAndWalkthroughPrintAScoreAlike()
{
    // The worked example with head 1's W_Q negated: its scores change sign, so some are
    // negative and their minus sign is printed.
    av::Document document;
    attn::Session s = document.session();
    s.wq[0] = -s.wq[0];
    const attn::ForwardResult r = attn::forward(s);
    int compared = 0, negative = 0;
    for (int i = 0; i < s.n(); ++i) {
        // Step 6 lists row i of S; the trace of (i, j) ends its temperature line with S(i, j).
        const QVector<av::WalkStep> steps = av::walkSteps(s, r, {i, 0});
        const QString walk = plain(steps[5].formula);
        const QStringList row = listAfter(walk, QStringLiteral("row %1 of S:").arg(i + 1));
        QCOMPARE(row.size(), s.n());
        for (int j = 0; j < s.n(); ++j) {
            const attn::WeightTrace t = attn::traceWeight(s, r, 0, i, j);
            const QString trace = plain(av::describeTrace(t, s));
            QVERIFY2(!kHyphenSign.match(trace).hasMatch(), qPrintable(trace));
            const QRegularExpression score(
                QStringLiteral("= %1(?![\\d.])").arg(QRegularExpression::escape(row[j])));
            QVERIFY2(score.match(trace).hasMatch(),
                     qPrintable(QStringLiteral("%1 not in:\n%2").arg(row[j], trace)));
            ++compared;
            negative += t.score < 0;
        }
        QVERIFY2(!kHyphenSign.match(walk).hasMatch(), qPrintable(walk));
    }
    QVERIFY(compared > 0);
    QVERIFY2(negative > 0, "the session was meant to have negative scores");
}

void NumberFormatTest::copyAndCsvWriteTheSameText()
{
    // Values whose texts differ between the usual formats: %.17g would print 0.1 as
    // 0.10000000000000001, 4 significant digits would cut 1/3.
    attn::Matrix m(2, 3);
    m << 0.1, -1.0 / 3, 2.5e-7, 123456.789, -0.0, 1e300;
    int gestures = 0;
    av::MatrixEditor editor([&gestures] { return ++gestures; });
    editor.setMatrix(m, {}, {});
    editor.show();
    QTableView* view = editor.view();
    view->selectionModel()->select(
        QItemSelection(view->model()->index(0, 0), view->model()->index(1, 2)),
        QItemSelectionModel::ClearAndSelect);
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    const QStringList copied = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    const QStringList csv =
        QString::fromUtf8(av::matrixCsv(m, {}, {})).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(copied.size(), 2);
    QCOMPARE(csv.size(), 3); // a header line, then the rows
    for (int r = 0; r < 2; ++r) {
        const QStringList copiedCells = copied[r].split(u'\t');
        const QStringList csvCells = csv[r + 1].split(u',').mid(1); // after the row label
        QCOMPARE(copiedCells, csvCells);
        for (int c = 0; c < 3; ++c) // and both read back as the matrix's value
            QCOMPARE(copiedCells[c].toDouble(), m(r, c));
    }
}

void NumberFormatTest::exactTextReadsBackAsTheSameDouble()
{
    for (const double v : {0.1, -1.0 / 3, 2.5e-7, 1e300, -5e-324, 123456.789, 0.716341, 1.0}) {
        const QString text = av::formatExact(v);
        QVERIFY2(!text.contains(QChar(0x2212)), qPrintable(text));
        QCOMPARE(std::strtod(text.toLatin1().constData(), nullptr), v);
        QVERIFY2(text.size() <= QString::number(v, 'g', 17).size(), qPrintable(text));
    }
    QCOMPARE(av::formatExact(-std::numeric_limits<double>::infinity()), QStringLiteral("-inf"));
    QCOMPARE(av::formatExact(std::nan("")), QStringLiteral("nan"));
}

void NumberFormatTest::onScreenSigns()
{
    const QString minus(QChar(0x2212));
    const double inf = std::numeric_limits<double>::infinity();
    // Each on-screen format: a true minus for negatives, none for a zero, the same symbols
    // for values that are not numbers.
    const QList<std::function<QString(double)>> formats{
        [](double v) { return av::formatSignificant(v, 3); },
        [](double v) { return av::formatDecimals(v, 4, 0); }, av::formatFormula, av::formatCell,
        av::formatFull};
    for (const auto& format : formats) {
        QVERIFY(format(-0.25).startsWith(minus));
        QVERIFY(!format(-0.0).contains(minus));
        QCOMPARE(format(inf), QStringLiteral("∞"));
        QCOMPARE(format(-inf), minus + QStringLiteral("∞"));
        QCOMPARE(format(std::nan("")), QStringLiteral("NaN"));
    }
    QCOMPARE(av::formatFormula(-1e-9), QStringLiteral("0.00")); // rounds to zero: no sign
    QCOMPARE(av::formatSignificant(-2.5e-7, 2), QStringLiteral("−2.5e−07"));
    QCOMPARE(av::formatDecimals(3.0, 6, 0), QStringLiteral("3"));
    QCOMPARE(av::formatCell(-0.5234), QStringLiteral("−0.52"));
    QCOMPARE(av::formatCell(12.34), QStringLiteral("12.3"));
}

QTEST_MAIN(NumberFormatTest)
#include "numberformat_test.moc"

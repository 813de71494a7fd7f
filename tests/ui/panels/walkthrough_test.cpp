// The guided walk on the worked example "I love NLP", following O(1, 1) (query 0, column 0):
// every step's outlined cells and the numbers in its formula, against values worked out
// by hand (the products and sums are spelled out next to each), and the panel's keys.

#include "attention.h"
#include "document.h"
#include "heatmapplot.h"
#include "numberformat.h"
#include "walkthrough.h"
#include "walkthroughpanel.h"

#include <QComboBox>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTest>
#include <QTextDocumentFragment>
#include <QUndoStack>
#include <cmath>

namespace {

using Cells = QVector<QPoint>;

/// The formula as a reader sees it: tags gone, "q<sub>1</sub>" reads "q1".
QString plain(const QString& richText)
{
    return QTextDocumentFragment::fromHtml(richText).toPlainText();
}

Cells row(int r, int cols)
{
    Cells cells;
    for (int c = 0; c < cols; ++c)
        cells << QPoint(c, r);
    return cells;
}

Cells column(int c, int rows)
{
    Cells cells;
    for (int r = 0; r < rows; ++r)
        cells << QPoint(c, r);
    return cells;
}

Cells all(int rows, int cols)
{
    Cells cells;
    for (int r = 0; r < rows; ++r)
        cells += row(r, cols);
    return cells;
}

QVector<Cells> highlights(const av::WalkStep& step)
{
    QVector<Cells> result;
    for (const av::WalkStep::Shown& shown : step.matrices)
        result << shown.highlighted;
    return result;
}

} // namespace

class WalkthroughTest : public QObject
{
    Q_OBJECT

private slots:
    void elevenStepsInTheOrderOfThePass();
    void eachStepOutlinesTheCellsOfTheFollowedNumber();
    void formulasCarryTheHandComputedNumbers();
    void anotherTargetMovesTheOutlines();
    void theColumnChoosesTheHead();
    void numbersPrintLikeTheWorkedExample();
    void noTokensGivesStepsWithoutMatrices();
    void keysAndTheStepListMoveThroughTheSteps();
    void panelShowsTheStepsMatricesAndOutlines();
    void panelFollowsAnEdit();
    void panelShowsEveryStepAsPresented();
    void titlesFollowTheSession();
    void nothingIsCutOffAtAnyWidth();

private:
    av::Document m_doc; // the worked example, as every new document
};

void WalkthroughTest::elevenStepsInTheOrderOfThePass()
{
    const auto steps = av::walkSteps(m_doc.session(), m_doc.result(), {0, 0});
    QCOMPARE(steps.size(), 11);
    const QStringList expected{"Tokens",
                               "Embeddings",
                               "ositional encoding", // the worked example has none
                               "Queries, keys and values",
                               "Scores",
                               "Scaling",
                               "Mask",
                               "Softmax",
                               "Weighted sum",
                               "Concatenation",
                               "W_O"};
    for (int k = 0; k < steps.size(); ++k) {
        QVERIFY2(steps[k].title.startsWith(QString::number(k + 1) + "."),
                 qPrintable(steps[k].title));
        QVERIFY2(steps[k].title.contains(expected[k]), qPrintable(steps[k].title));
        QVERIFY(!steps[k].why.isEmpty());
        QVERIFY(steps[k].matrices.size() >= 1 && steps[k].matrices.size() <= 3);
    }
}

void WalkthroughTest::eachStepOutlinesTheCellsOfTheFollowedNumber()
{
    // n = 3 tokens, d_model = d_k = 3, one head, no mask: O(0,0) needs row 0 of everything
    // on the query side, every key, column 0 of V and of W_O.
    const auto steps = av::walkSteps(m_doc.session(), m_doc.result(), {0, 0});
    const Cells row0 = row(0, 3);
    const QVector<QVector<Cells>> expected{
        {{QPoint(0, 0)}},                     // the token strip, 1 × 3: token 0
        {row0},                               // X
        {row0, row0, row0},                   // X, P, X_in
        {row0, all(3, 3), column(0, 3)},      // Q, K, V
        {row0, all(3, 3), row0},              // Q, K, the 1 × 3 row of q·k
        {row0, row0},                         // q·k (1 × 3), S
        {row0, row0},                         // the mask's row, S where allowed
        {row0, row0},                         // S, A
        {row0, column(0, 3), {QPoint(0, 0)}}, // A, V, Z
        {{QPoint(0, 0)}, {QPoint(0, 0)}},     // Z, C
        {row0, column(0, 3), {QPoint(0, 0)}}, // C, W_O, O
    };
    for (int k = 0; k < steps.size(); ++k)
        QVERIFY2(highlights(steps[k]) == expected[k], qPrintable(steps[k].title));
    // The strip is the tokens; the steps show the pass's matrices.
    QCOMPARE(steps[0].matrices[0].data.colLabels, (QStringList{"I", "love", "NLP"}));
    QCOMPARE(steps[3].matrices[0].data.values(0, 2), 0.42);
}

void WalkthroughTest::formulasCarryTheHandComputedNumbers()
{
    const auto steps = av::walkSteps(m_doc.session(), m_doc.result(), {0, 0});
    QStringList f;
    for (const av::WalkStep& step : steps)
        f << plain(step.formula);
    const auto has = [&](int k, const QString& text) {
        if (!f[k].contains(text))
            qWarning("step %d: \"%s\" not in \"%s\"", k + 1, qPrintable(text), qPrintable(f[k]));
        return f[k].contains(text);
    };
    QVERIFY(has(0, "O1,1 = 0.716341"));
    QVERIFY(has(1, "x1 = embedding of “I” = [0.10, 0.20, 0.30]"));
    QVERIFY(has(2, "[0.10, 0.20, 0.30] + [0.00, 0.00, 0.00] = [0.10, 0.20, 0.30]"));
    // q1 = x1 W_Q = [.1·.1+.2·.4+.3·.7, .1·.2+.2·.5+.3·.8, .1·.3+.2·.6+.3·.9]
    QVERIFY(has(3, "q1 = xin,1 WQ = [0.30, 0.36, 0.42]"));
    // k3 = x3 W_K = [.7·.1+.8·.2+.9·.3, .7·.3+.8·.4+.9·.5, .7·.5+.8·.6+.9·.7]
    QVERIFY(has(3, "k3 = [0.50, 0.98, 1.46]"));
    QVERIFY(has(3, "k1 = [0.14, 0.26, 0.38]"));
    QVERIFY(has(3, "column 1 of V = [0.30, 0.66, 1.02]"));
    // The key with the largest weight is key 3: 0.15 + 0.3528 + 0.6132 = 1.116.
    QVERIFY(has(4, "q1 · k3 = 0.30 × 0.50 + 0.36 × 0.98 + 0.42 × 1.46 = 1.116"));
    // q1·k1 = 0.042 + 0.0936 + 0.1596, q1·k2 = 0.096 + 0.2232 + 0.3864
    QVERIFY(has(4, "[0.2952, 0.7056, 1.116]"));
    // 1.116 / √3 = 1.116 / 1.7320508 = 0.6443229; 0.2952 / √3 = 0.1704338; 0.7056 / √3 = 0.4073784
    QVERIFY(has(5, "s1,3 = q1 · k3 / √dk = 1.116 / √3 = 1.116 / 1.732051 = 0.644323"));
    QVERIFY(has(5, "[0.170434, 0.407378, 0.644323]"));
    QVERIFY(!f[5].contains("temperature")); // T = 1: no step for it
    QVERIFY(has(6, "token 1 may attend to keys 1, 2, 3"));
    QVERIFY(!f[6].contains("hidden"));
    // exp(0.170434 − 0.644323) = 0.622576, exp(0.407378 − 0.644323) = 0.789035, + 1 = 2.411611
    QVERIFY(has(7, "exp(0.644323 − 0.644323) / 2.411611 = 1.00 / 2.411611 = 0.414661"));
    QVERIFY(has(7, "[0.258158, 0.327182, 0.414661], sum 1.00"));
    // 0.258158·0.30 + 0.327182·0.66 + 0.414661·1.02 = 0.077447 + 0.215940 + 0.422954
    QVERIFY(has(8, "0.258158 × 0.30 + 0.327182 × 0.66 + 0.414661 × 1.02 = 0.716341"));
    QVERIFY(has(9, "c1 = [z1] = [0.716341, 0.880426, 1.044511]"));
    // W_O is the identity (the file has none): O = C.
    QVERIFY(has(10, "0.716341 × 1.00 + 0.880426 × 0.00 + 1.044511 × 0.00 = 0.716341"));
}

void WalkthroughTest::anotherTargetMovesTheOutlines()
{
    // O(2, 1): token "NLP", column 1 (0-based).
    const auto steps = av::walkSteps(m_doc.session(), m_doc.result(), {2, 1});
    QCOMPARE(highlights(steps[0]), (QVector<Cells>{{QPoint(2, 0)}}));
    QCOMPARE(highlights(steps[3]), (QVector<Cells>{row(2, 3), all(3, 3), column(1, 3)}));
    QCOMPARE(highlights(steps[8]), (QVector<Cells>{row(2, 3), column(1, 3), {QPoint(1, 2)}}));
    QCOMPARE(highlights(steps[10]), (QVector<Cells>{row(2, 3), column(1, 3), {QPoint(1, 2)}}));
    // q3 = x3 W_Q = [.07+.32+.63, .14+.40+.72, .21+.48+.81]
    QVERIFY(plain(steps[3].formula).contains("q3 = xin,3 WQ = [1.02, 1.26, 1.50]"));
    // The default follows the last token.
    const auto byDefault = av::walkSteps(m_doc.session(), m_doc.result());
    QCOMPARE(byDefault[1].matrices[0].highlighted, row(2, 3));
}

void WalkthroughTest::theColumnChoosesTheHead()
{
    av::Document doc;
    QVERIFY(doc.setDModel(4).isEmpty());
    QVERIFY(doc.setHeads(2).isEmpty());
    QCOMPARE(doc.session().dK(), 2);
    // Column 3 of O (0-based) belongs to head 2 (index 1), its column 1.
    const auto steps = av::walkSteps(doc.session(), doc.result(), {1, 3});
    QVERIFY(steps[3].matrices[0].data.title.contains("head 2"));
    QCOMPARE(highlights(steps[3]), (QVector<Cells>{row(1, 2), all(3, 2), column(1, 3)}));
    QCOMPARE(highlights(steps[9]), (QVector<Cells>{{QPoint(1, 1)}, {QPoint(3, 1)}}));
    QVERIFY(plain(steps[9].formula).contains("column 4 of C is column 2 of head 2"));
}

void WalkthroughTest::numbersPrintLikeTheWorkedExample()
{
    QCOMPARE(av::formatFormula(0.3), QStringLiteral("0.30"));
    QCOMPARE(av::formatFormula(0.71634098), QStringLiteral("0.716341"));
    QCOMPARE(av::formatFormula(1.116), QStringLiteral("1.116"));
    QCOMPARE(av::formatFormula(1), QStringLiteral("1.00"));
    QCOMPARE(av::formatFormula(-0.25), QStringLiteral("−0.25"));
    QCOMPARE(av::formatFormula(-1e-9), QStringLiteral("0.00"));
}

void WalkthroughTest::noTokensGivesStepsWithoutMatrices()
{
    av::Document doc;
    doc.setTokens({});
    const auto steps = av::walkSteps(doc.session(), doc.result());
    QCOMPARE(steps.size(), 11);
    for (const av::WalkStep& step : steps)
        QVERIFY(step.matrices.isEmpty());
    av::WalkthroughPanel panel(&doc);
    panel.setStep(8);
    QCOMPARE(panel.currentStep(), 8);
    for (av::HeatmapPlot* plot : panel.plots())
        QVERIFY(plot->isHidden());
}

void WalkthroughTest::keysAndTheStepListMoveThroughTheSteps()
{
    av::WalkthroughPanel panel(&m_doc);
    panel.resize(1200, 800);
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    panel.setFocus();
    QCOMPARE(panel.currentStep(), 0);
    QTest::keyClick(&panel, Qt::Key_Right);
    QCOMPARE(panel.currentStep(), 1);
    QTest::keyClick(&panel, Qt::Key_Space);
    QCOMPARE(panel.currentStep(), 2);
    QTest::keyClick(&panel, Qt::Key_PageDown);
    QCOMPARE(panel.currentStep(), 3);
    QTest::keyClick(&panel, Qt::Key_Left);
    QCOMPARE(panel.currentStep(), 2);
    QTest::keyClick(&panel, Qt::Key_Backspace);
    QCOMPARE(panel.currentStep(), 1);
    QTest::keyClick(&panel, Qt::Key_PageUp);
    QTest::keyClick(&panel, Qt::Key_Left); // stays on the first step
    QCOMPARE(panel.currentStep(), 0);
    panel.setStep(10);
    QTest::keyClick(&panel, Qt::Key_Right); // stays on the last
    QCOMPARE(panel.currentStep(), 10);
    // Entering a step directly, from the list.
    auto* list = panel.findChild<QComboBox*>();
    QVERIFY(list);
    QCOMPARE(list->count(), 11);
    emit list->activated(6);
    QCOMPARE(panel.currentStep(), 6);
    QCOMPARE(list->currentIndex(), 6);
    QVERIFY(panel.step().title.contains("Mask"));
}

void WalkthroughTest::panelShowsTheStepsMatricesAndOutlines()
{
    av::WalkthroughPanel panel(&m_doc);
    panel.setTarget({0, 0});
    panel.resize(1400, 900);
    panel.show();
    panel.setStep(8); // A · V = Z
    QCOMPARE(panel.plots().size(), 3);
    for (av::HeatmapPlot* plot : panel.plots())
        QVERIFY(plot->isVisible());
    QCOMPARE(panel.plots()[0]->cellValue(0, 2), panel.step().matrices[0].data.values(0, 2));
    QVERIFY(std::abs(panel.plots()[0]->cellValue(0, 2) - 0.414661) < 5e-7);
    QVERIFY(std::abs(panel.plots()[2]->cellValue(0, 0) - 0.716341) < 5e-7);
    QVERIFY(plain(panel.formulaLabel()->text()).contains("= 0.716341"));
    panel.setStep(9); // two matrices: the third plot goes
    QVERIFY(panel.plots()[1]->isVisible());
    QVERIFY(panel.plots()[2]->isHidden());
    // The spin boxes show the target from 1.
    const auto spins = panel.findChildren<QSpinBox*>();
    QCOMPARE(spins.size(), 2);
    spins[0]->setValue(3);
    QCOMPARE(panel.target(), (av::WalkTarget{2, 0}));
    QCOMPARE(panel.currentStep(), 9); // the step stays
    QCOMPARE(panel.step().matrices[0].highlighted, (Cells{QPoint(0, 2)}));
}

void WalkthroughTest::panelFollowsAnEdit()
{
    av::Document doc;
    av::WalkthroughPanel panel(&doc);
    panel.setTarget({0, 0});
    panel.setStep(8);
    QVERIFY(plain(panel.formulaLabel()->text()).contains("= 0.716341"));
    doc.setCell(attn::MatrixRef{attn::MatrixKind::Embeddings, 0}, 0, 0, 0.5);
    // x1 = [0.5, 0.2, 0.3]: q1 = [.05+.08+.21, .10+.10+.24, .15+.12+.27] = [0.34, 0.44, 0.54],
    // and Z(0,0) becomes 0.729520 (NumPy, tests/reference's formulas).
    QCOMPARE(panel.currentStep(), 8);
    // A hidden panel (a tab behind another) fills its widgets when it is shown again; what
    // it reports is current at once.
    QVERIFY(panel.step().formula.contains("0.72952"));
    panel.show();
    const QString sum = plain(panel.formulaLabel()->text());
    QVERIFY2(sum.contains("= 0.72952") && !sum.contains("0.716341"), qPrintable(sum));
    panel.setStep(3);
    QVERIFY(plain(panel.formulaLabel()->text()).contains("q1 = xin,1 WQ = [0.34, 0.44, 0.54]"));
    QCOMPARE(panel.plots()[0]->cellValue(0, 0), doc.result().heads[0].q(0, 0));
    doc.undoStack()->undo();
    QVERIFY(plain(panel.formulaLabel()->text()).contains("[0.30, 0.36, 0.42]"));
}

void WalkthroughTest::panelShowsEveryStepAsPresented()
{
    // What a class sees, step by step, in the panel: each matrix with its values and
    // outlined cells, the formula with its numbers, the caption naming the matrix.
    av::WalkthroughPanel panel(&m_doc);
    panel.setTarget({0, 0});
    panel.resize(1400, 900);
    panel.show();
    const auto steps = av::walkSteps(m_doc.session(), m_doc.result(), {0, 0});
    const QList<QLabel*> labels = panel.findChildren<QLabel*>();
    for (int k = 0; k < av::kWalkStepCount; ++k) {
        panel.setStep(k);
        const av::WalkStep& step = steps[k];
        QCOMPARE(plain(panel.formulaLabel()->text()), plain(step.formula));
        QVERIFY(plain(panel.whyLabel()->text()).contains(plain(step.why)));
        for (int i = 0; i < av::WalkthroughPanel::kMaxPlots; ++i) {
            av::HeatmapPlot* plot = panel.plots()[i];
            QCOMPARE(plot->isVisible(), i < step.matrices.size());
            if (i >= step.matrices.size())
                continue;
            const av::WalkStep::Shown& shown = step.matrices[i];
            QVERIFY2(plot->highlightedCells() == shown.highlighted, qPrintable(step.title));
            QCOMPARE(plot->rowCount(), int(shown.data.values.rows()));
            QCOMPARE(plot->columnCount(), int(shown.data.values.cols()));
            for (int r = 0; r < plot->rowCount(); ++r)
                for (int c = 0; c < plot->columnCount(); ++c)
                    QCOMPARE(plot->cellValue(r, c), shown.data.values(r, c));
            // The matrix's name is in the caption above it.
            const bool captioned = std::any_of(labels.cbegin(), labels.cend(), [&](QLabel* label) {
                const QString text = plain(label->text());
                return label->isVisible() && text.contains(plain(shown.caption)) &&
                       text.contains(shown.data.title);
            });
            QVERIFY2(captioned, qPrintable(shown.data.title));
        }
    }
    // The followed number itself, outlined where the walk ends: O(1, 1) = 0.716341.
    panel.setStep(10);
    QCOMPARE(panel.plots()[2]->highlightedCells(), (Cells{QPoint(0, 0)}));
    QVERIFY(std::abs(panel.plots()[2]->cellValue(0, 0) - 0.716341) < 5e-7);
}

void WalkthroughTest::titlesFollowTheSession()
{
    // The steps whose work depends on the score and the normaliser say which one it is.
    attn::Session s = m_doc.session();
    const auto titles = [](const attn::Session& session) {
        QStringList result;
        for (const av::WalkStep& step : av::walkSteps(session, attn::forward(session), {0, 0}))
            result << step.title;
        return result;
    };
    QStringList scaled = titles(s);
    QVERIFY2(scaled[5].contains("√d_k"), qPrintable(scaled[5]));
    QVERIFY2(scaled[7].contains("Softmax"), qPrintable(scaled[7]));

    s.normalizer = attn::NormalizerKind::Relu;
    QStringList relu = titles(s);
    QVERIFY2(relu[7].contains("ReLU") && !relu[7].contains("Softmax"), qPrintable(relu[7]));
    QCOMPARE(relu[5], scaled[5]); // the scaling is the same

    s.score = attn::ScoreKind::Cosine;
    QStringList cosine = titles(s);
    QVERIFY2(cosine[5].contains("Cosine") && !cosine[5].contains("√d_k"), qPrintable(cosine[5]));

    s.score = attn::ScoreKind::Dot;
    QStringList dot = titles(s);
    QVERIFY2(!dot[5].contains("√d_k") && dot[5] != cosine[5], qPrintable(dot[5]));

    // Every step keeps its number, and the other titles stay.
    for (int k = 0; k < av::kWalkStepCount; ++k) {
        QVERIFY(cosine[k].startsWith(QString::number(k + 1) + "."));
        if (k != 5 && k != 7)
            QCOMPARE(cosine[k], scaled[k]);
    }
}

void WalkthroughTest::nothingIsCutOffAtAnyWidth()
{
    // From a narrow dock (the window at 1280 × 720) to the whole screen, at the usual and
    // at presentation font sizes: text wraps, rows of controls and the plots go under each
    // other, and nothing lies beyond the right edge or needs a horizontal scroll bar.
    for (const double scale : {1.0, 1.6}) {
        for (const int width : {300, 420, 640, 1000, 1900}) {
            av::WalkthroughPanel panel(&m_doc);
            QFont font = panel.font();
            font.setPointSizeF(font.pointSizeF() * scale);
            panel.setFont(font);
            panel.resize(width, 700);
            panel.show();
            auto* scroll = panel.findChild<QScrollArea*>();
            QVERIFY(scroll);
            for (int k = 0; k < av::kWalkStepCount; ++k) {
                panel.setStep(k);
                for (int pass = 0; pass < 3; ++pass)
                    QCoreApplication::processEvents();
                const QString where =
                    QStringLiteral("width %1, scale %2, step %3").arg(width).arg(scale).arg(k + 1);
                QVERIFY2(scroll->horizontalScrollBar()->maximum() == 0, qPrintable(where));
                for (QLabel* label : panel.findChildren<QLabel*>()) {
                    if (!label->isVisibleTo(&panel))
                        continue;
                    const QString what = where + QStringLiteral(": ") + plain(label->text());
                    QVERIFY2(label->wordWrap() || label->width() >= label->sizeHint().width(),
                             qPrintable(what));
                    const QPoint right = label->mapTo(&panel, QPoint(label->width() - 1, 0));
                    QVERIFY2(right.x() < panel.width(), qPrintable(what));
                }
            }
        }
    }
}

QTEST_MAIN(WalkthroughTest)
#include "walkthrough_test.moc"

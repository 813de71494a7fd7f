// The views of a whole transformer (ui/plots/headgridview.h, rankingplot.h): the model view
// finds the cell under the pointer and emits its block and head, draws 12 × 12 heads fast
// enough to follow every edit, and the ranked bars keep their order from the top.

#include "headgridview.h"
#include "modelfigures.h"
#include "modelforward.h"
#include "modelreader.h"
#include "rankingplot.h"
#include "testlessons.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <qcustomplot.h>
#include <variant>

namespace {

/// 12 blocks of 12 heads, as GPT-2 small has, over n tokens (every weight from the seed).
attn::Model twelveByTwelve(int n)
{
    QByteArray text = R"({"format": "attnviz-session", "version": 1, "d_model": 48,
                          "heads": 12, "seed": 7, "mask": {"kind": "causal"}, "tokens": [)";
    for (int i = 0; i < n; ++i)
        text += (i ? ", \"t" : "\"t") + QByteArray::number(i) + "\"";
    text += "]}";
    attn::SessionOverrides o;
    o.layers = 12;
    o.norm = attn::NormPlacement::Pre;
    return std::get<attn::Model>(
        attn::readAnySession(std::string_view(text.constData(), text.size()), "12x12", o));
}

} // namespace

class ModelPlotsTest : public QObject
{
    Q_OBJECT

private slots:
    void cellsAreFoundWhereTheyAreDrawn();
    void aClickEmitsBlockAndHead();
    void twelveByTwelveDrawsEveryCell_data();
    void twelveByTwelveDrawsEveryCell();
    void rankingKeepsTheOrderFromTheTop();
};

void ModelPlotsTest::cellsAreFoundWhereTheyAreDrawn()
{
    const attn::Model model = av::test::transformerLesson("small-gpt2-stack.attn.json");
    av::HeadGridView view;
    view.resize(700, 500);
    view.setData(av::modelViewFigure(model, attn::forwardModel(model)));
    for (int l = 0; l < 3; ++l)
        for (int h = 0; h < 4; ++h) {
            const QRect cell = view.cellRect(l, h);
            QVERIFY(!cell.isEmpty());
            QVERIFY(cell.width() >= 40);
            QCOMPARE(view.cellAt(cell.center()), std::make_pair(l, h));
            QCOMPARE(view.cellAt(cell.topLeft()), std::make_pair(l, h));
        }
    // Blocks run down, heads across.
    QVERIFY(view.cellRect(1, 0).top() > view.cellRect(0, 0).bottom());
    QVERIFY(view.cellRect(0, 1).left() > view.cellRect(0, 0).right());
    QCOMPARE(view.cellAt(QPoint(2, 2)), std::make_pair(-1, -1));
    QCOMPARE(view.cellRect(3, 0), QRect());
}

void ModelPlotsTest::aClickEmitsBlockAndHead()
{
    const attn::Model model = av::test::transformerLesson("small-gpt2-stack.attn.json");
    av::HeadGridView view;
    view.resize(700, 500);
    view.setData(av::modelViewFigure(model, attn::forwardModel(model)));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy clicked(&view, &av::HeadGridView::cellClicked);
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(2, 1).center());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked[0][0].toInt(), 2);
    QCOMPARE(clicked[0][1].toInt(), 1);
    // Between the cells nothing is clicked.
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(0, 0).topLeft() - QPoint(2, 2));
    QCOMPARE(clicked.size(), 1);
}

void ModelPlotsTest::twelveByTwelveDrawsEveryCell_data()
{
    QTest::addColumn<int>("n");
    QTest::newRow("16 tokens") << 16;
    QTest::newRow("64 tokens") << 64;
}

// How fast it redraws is BM_ModelViewRedraw's to measure (bench/uibench.cpp), not a test's.
void ModelPlotsTest::twelveByTwelveDrawsEveryCell()
{
    QFETCH(int, n);
    attn::Model model = twelveByTwelve(n);
    model.ablate = {{3, 5}};
    const attn::ModelResult result = attn::forwardModel(model);
    av::HeadGridView view;
    view.resize(1100, 1000);
    view.setHighlightedBlock(3);
    view.setData(av::modelViewFigure(model, result));
    QVERIFY(!view.grab().isNull());
    for (int l = 0; l < 12; ++l)
        for (int h = 0; h < 12; ++h) {
            const QRect cell = view.cellRect(l, h);
            QVERIFY(!cell.isEmpty());
            QCOMPARE(view.cellAt(cell.center()), std::make_pair(l, h));
        }
}

void ModelPlotsTest::rankingKeepsTheOrderFromTheTop()
{
    const attn::Model model = av::test::transformerLesson("small-gpt2-stack.attn.json");
    const attn::ModelResult result = attn::forwardModel(model);
    const av::PredictionsFigure f = av::predictionsFigure(model, result, model.n() - 1);
    av::RankingPlot plot;
    plot.resize(600, 460);
    plot.setData(f.title, f.labels, f.probability, QStringLiteral("probability"));
    QCOMPARE(plot.labels(), f.labels);
    QCOMPARE(plot.valueTexts().size(), f.labels.size());
    QCOMPARE(plot.valueTexts().first(), QString::number(f.probability.first(), 'f', 3));
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.plot()->replot();
    // Rank 0 is drawn above rank 1: the most probable at the top.
    QVERIFY(plot.plot()->yAxis->rangeReversed());
    QVERIFY(plot.plot()->yAxis->coordToPixel(0) < plot.plot()->yAxis->coordToPixel(1));
}

QTEST_MAIN(ModelPlotsTest)
#include "modelplots_test.moc"

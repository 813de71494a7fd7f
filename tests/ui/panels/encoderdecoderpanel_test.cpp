// The encoder–decoder tab (ui/panels/encoderdecoderpanel.h) on the translation lesson: each
// kind of attention shows the engine's own weights with its own tokens (target × source for
// cross-attention), a click on the grid opens that head, an edit in the weights shows at
// once, the export names follow the choice, and the window shows the tab only for a
// session with an encoder.

#include "document.h"
#include "encoderdecoderpanel.h"
#include "exporter.h"
#include "headgridview.h"
#include "headlinesdrawing.h"
#include "headlinespanel.h"
#include "headlinesview.h"
#include "heatmapplot.h"
#include "mainwindow.h"
#include "modeledit.h"
#include "names.h"
#include "presentation.h"
#include "testlessons.h"

#include <QComboBox>
#include <QDockWidget>
#include <QMenu>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

class EncoderDecoderPanelTest : public QObject
{
    Q_OBJECT

private slots:
    void hintWithoutAnEncoder();
    void eachKindShowsItsOwnWeightsAndTokens();
    void gridClicksAndEditsShowAtOnce();
    void windowShowsTheTabOnlyWithAnEncoder();
    void headLinesShowEachKindWithItsOwnColumns();
    void gridSwitchesHeadsOfEachKindOff();
};

namespace {

const char* const kLesson = "translation-cross-attention.attn.json";

/// The heatmap's values, as the plot stores them.
attn::Matrix shown(const av::HeatmapPlot* plot)
{
    attn::Matrix m(plot->rowCount(), plot->columnCount());
    for (int i = 0; i < m.rows(); ++i)
        for (int j = 0; j < m.cols(); ++j)
            m(i, j) = plot->cellValue(i, j);
    return m;
}

/// Triggers the menu's action of that text; false when there is none.
bool trigger(QMenu& menu, const QString& text)
{
    for (QAction* action : menu.actions())
        if (action->text() == text) {
            action->trigger();
            return true;
        }
    return false;
}

bool close(const attn::Matrix& a, const attn::Matrix& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() && (a - b).cwiseAbs().maxCoeff() < 1e-12;
}

} // namespace

void EncoderDecoderPanelTest::hintWithoutAnEncoder()
{
    av::Document document;
    av::EncoderDecoderPanel panel(&document);
    panel.show();
    QVERIFY(panel.showsHint());
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    QVERIFY(panel.showsHint()); // a model, but a decoder only
}

void EncoderDecoderPanelTest::eachKindShowsItsOwnWeightsAndTokens()
{
    av::Document document;
    av::EncoderDecoderPanel panel(&document);
    panel.resize(700, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    document.reset(av::test::transformerLesson(kLesson));
    QVERIFY(!panel.showsHint());
    const attn::Model& m = document.model();
    const attn::ModelResult& r = document.modelResult();
    // Cross-attention first: the target's 5 tokens down, the source's 4 across.
    QCOMPARE(panel.kind(), av::AttentionKind::Cross);
    QCOMPARE(panel.heatmap()->rowCount(), 5);
    QCOMPARE(panel.heatmap()->columnCount(), 4);
    QVERIFY(close(shown(panel.heatmap()), r.blocks[0].cross.heads[0].weights));
    const av::HeatmapData cell = av::attentionKindCellFigure(m, r, av::AttentionKind::Cross, 0, 0);
    QCOMPARE(cell.rowLabels, (QStringList{"<s>", "le", "chat", "noir", "dort"}));
    QCOMPARE(cell.colLabels, (QStringList{"the", "black", "cat", "sleeps"}));
    QCOMPARE(panel.grid()->data().cell(0, 1), r.blocks[0].cross.heads[1].weights);
    QCOMPARE(panel.cellFigureName(), QStringLiteral("cross-attention-layer-1-head-1"));
    QCOMPARE(panel.gridFigureName(), QStringLiteral("cross-model-view"));
    // The encoder: the source both ways, no mask.
    panel.kindChoice()->setCurrentIndex(
        panel.kindChoice()->findData(int(av::AttentionKind::Encoder)));
    panel.headChoice()->setValue(2);
    QCOMPARE(panel.heatmap()->rowCount(), 4);
    QVERIFY(close(shown(panel.heatmap()), r.encoder[0].blocks[0].heads[1].weights));
    QCOMPARE(panel.grid()->data().blocks, m.encoder[0].layerCount());
    QCOMPARE(panel.cellFigureName(), QStringLiteral("encoder-attention-layer-1-head-2"));
    // The decoder: its masked self-attention, named as the model's own figures.
    panel.kindChoice()->setCurrentIndex(
        panel.kindChoice()->findData(int(av::AttentionKind::Decoder)));
    QCOMPARE(panel.heatmap()->rowCount(), 5);
    QCOMPARE(panel.heatmap()->columnCount(), 5);
    QVERIFY(close(shown(panel.heatmap()).triangularView<Eigen::Lower>().toDenseMatrix(),
                  r.blocks[0].heads[1].weights));
    QCOMPARE(panel.cellFigureName(), QStringLiteral("attention-layer-1-head-2"));
    QCOMPARE(panel.gridFigureName(), QStringLiteral("model-view"));
    QVERIFY(!av::attentionKindFormula(av::AttentionKind::Cross).isEmpty());
}

void EncoderDecoderPanelTest::gridClicksAndEditsShowAtOnce()
{
    av::Document document;
    av::EncoderDecoderPanel panel(&document);
    panel.resize(700, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    document.reset(av::test::transformerLesson(kLesson));
    QTest::mouseClick(panel.grid(), Qt::LeftButton, {}, panel.grid()->cellRect(0, 1).center());
    QCOMPARE(panel.headChoice()->value(), 2);
    QVERIFY(close(shown(panel.heatmap()), document.modelResult().blocks[0].cross.heads[1].weights));
    // An edit of cross head 2's W_K: the panel shows the new pass, which moved.
    const attn::Matrix before = document.modelResult().blocks[0].cross.heads[1].weights;
    const attn::ModelMatrixRef ref{attn::ModelMatrix::WK, 0, 1, true};
    QVERIFY(av::modelMatrixName(ref).contains("cross-attention"));
    document.setModelCell(ref, 0, 0, 4.0);
    const attn::Matrix after = document.modelResult().blocks[0].cross.heads[1].weights;
    QVERIFY((after - before).cwiseAbs().maxCoeff() > 1e-3);
    QVERIFY(close(shown(panel.heatmap()), after));
    // And an edit of the encoder's embeddings reaches the cross-attention through E.
    const attn::ModelMatrixRef x{attn::ModelMatrix::Embeddings, 0, 0, false, true};
    QVERIFY(av::modelMatrixName(x).startsWith("Encoder"));
    document.setModelCell(x, 2, 0, 3.0); // "cat" now also means "the"
    QVERIFY(close(shown(panel.heatmap()), document.modelResult().blocks[0].cross.heads[1].weights));
    QVERIFY(document.modelResult().blocks[0].cross.heads[0].weights(1, 2) > 0.3); // le → cat too
    document.undoStack()->undo();
    QVERIFY(document.modelResult().blocks[0].cross.heads[0].weights(1, 2) < 0.05);
    QMenu menu;
    panel.fillMenu(&menu); // no export controller: nothing to offer
    QVERIFY(menu.isEmpty());
}

void EncoderDecoderPanelTest::windowShowsTheTabOnlyWithAnEncoder()
{
    av::Document document;
    av::MainWindow window(&document, /*persistent=*/false);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* dock = window.findChild<QDockWidget*>("EncoderDecoderDock");
    QVERIFY(dock);
    QVERIFY(dock->isHidden());
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    QVERIFY(dock->isHidden());
    document.reset(av::test::transformerLesson(kLesson));
    QVERIFY(dock->isVisible());
    QTest::qWait(100);
    QVERIFY(!window.encoderDecoderPanel()->showsHint());
    QMenu menu;
    window.encoderDecoderPanel()->fillMenu(&menu);
    QVERIFY(!menu.isEmpty()); // export and copy of both figures
    if (const QString dir = qEnvironmentVariable("ATTNVIZ_TEST_SHOTS"); !dir.isEmpty()) {
        dock->raise();
        QTest::qWait(100);
        window.grab().save(dir + "/encoder-decoder-dock.png");
        window.presentation()->setActive(true);
        window.resize(1920, 1080);
        dock->raise();
        QTest::qWait(200);
        window.grab().save(dir + "/encoder-decoder-dock-presenting.png");
        window.presentation()->setActive(false);
    }
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    QVERIFY(dock->isHidden());
}

void EncoderDecoderPanelTest::headLinesShowEachKindWithItsOwnColumns()
{
    av::Document document;
    av::HeadLinesPanel panel(&document);
    panel.resize(800, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    QVERIFY(panel.kindChoice()->isHidden()); // a decoder only: nothing to choose
    document.reset(av::test::transformerLesson(kLesson));
    QVERIFY(!panel.kindChoice()->isHidden());
    const attn::Model& m = document.model();
    const attn::ModelResult& r = document.modelResult();
    const av::HeadLinesFigure& f = panel.view()->drawing().figure();
    QCOMPARE(panel.figureName(), QString("head-lines-layer-1"));
    QCOMPARE(f.keys(), f.n()); // the decoder's own tokens on both sides

    // Cross-attention: the target's queries left, the source's keys right, A n × m.
    panel.kindChoice()->setCurrentIndex(
        panel.kindChoice()->findData(int(av::AttentionKind::Cross)));
    QCOMPARE(panel.figureName(), QString("cross-head-lines-layer-1"));
    QCOMPARE(f.tokens, av::modelTokenLabels(m));
    QCOMPARE(f.keyLabels(), av::modelTokenLabels(m.encoder.front()));
    QVERIFY(f.n() != f.keys()); // 5 target tokens, 4 source tokens
    for (int h = 0; h < m.heads(); ++h) {
        QVERIFY(close(f.weights[h], r.blocks[0].cross.heads[h].weights));
        const auto lines =
            attn::strongestLines(r.blocks[0].cross.heads[h].weights, {}, av::kDefaultLineCoverage);
        QCOMPARE(f.lines[h].size(), lines.size());
        for (std::size_t k = 0; k < lines.size(); ++k) {
            QCOMPARE(f.lines[h][k].query, lines[k].query);
            QCOMPARE(f.lines[h][k].key, lines[k].key);
        }
    }
    // The key column ends with the source: below its last token, nothing to hover.
    const av::HeadLinesDrawing& drawing = panel.view()->drawing();
    const int keyX = drawing.labelRect(av::LineSide::Key, 0).center().x();
    const auto lastKey = drawing.tokenAt({keyX, drawing.rowCentre(f.keys() - 1)});
    QCOMPARE(lastKey.first, av::LineSide::Key);
    QCOMPARE(lastKey.second, f.keys() - 1);
    QCOMPARE(drawing.tokenAt({keyX, drawing.rowCentre(f.n() - 1)}).first, av::LineSide::None);
    QCOMPARE(f.rows(), f.n()); // the taller column, the target's, sets the height
    QVERIFY(drawing.bodyHeight() >= drawing.rowCentre(f.n() - 1) + drawing.pitch() / 2);

    // The encoder's blocks, chosen apart from the document's block.
    panel.kindChoice()->setCurrentIndex(
        panel.kindChoice()->findData(int(av::AttentionKind::Encoder)));
    QCOMPARE(f.tokens, av::modelTokenLabels(m.encoder.front()));
    QVERIFY(close(f.weights[0], r.encoder.front().blocks[0].heads[0].weights));
    QCOMPARE(panel.figureName(), QString("encoder-head-lines-layer-1"));

    // Each exports by its name, and the names are among the model's figures.
    const QStringList names = av::modelFigureNames(m, r);
    for (const QString name : {"encoder-head-lines-layer-1", "cross-head-lines-layer-1"}) {
        QVERIFY2(names.contains(name), qPrintable(name));
        QVERIFY(!av::modelFigureFile(m, r, name, av::ExportOptions()).isEmpty());
    }
    QVERIFY(av::modelFigureFile(m, r, "cross-head-lines-layer-9", av::ExportOptions()).isEmpty());
    if (const QString dir = qEnvironmentVariable("ATTNVIZ_TEST_SHOTS"); !dir.isEmpty()) {
        panel.kindChoice()->setCurrentIndex(
            panel.kindChoice()->findData(int(av::AttentionKind::Cross)));
        QTest::qWait(50);
        panel.grab().save(dir + "/cross-head-lines.png");
    }
}

void EncoderDecoderPanelTest::gridSwitchesHeadsOfEachKindOff()
{
    av::Document document;
    document.reset(av::test::transformerLesson(kLesson));
    av::EncoderDecoderPanel panel(&document);
    panel.resize(700, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.select(av::AttentionKind::Cross, 0, 1);
    const attn::Matrix decoded = document.modelResult().final;
    const attn::Matrix cross0 = document.modelResult().blocks[0].cross.heads[0].weights;
    {
        QMenu menu;
        panel.fillMenu(&menu, 0, 1);
        QVERIFY(trigger(menu, "Switch head off"));
    }
    // Cross-attention head 2 of block 1: its Z is 0, its weights are still shown, framed off.
    const attn::CrossResult& cross = document.modelResult().blocks[0].cross;
    QCOMPARE(cross.heads[1].output.cwiseAbs().maxCoeff(), 0.0);
    QVERIFY(cross.heads[0].output.cwiseAbs().maxCoeff() > 0);
    QVERIFY(document.model().isCrossAblated(0, 1));
    QVERIFY(!document.model().isAblated(0, 1)); // the self-attention head is still on
    QVERIFY(panel.grid()->data().isAblated(0, 1));
    QVERIFY(!panel.grid()->data().isAblated(0, 0));
    QVERIFY(panel.heatmap()->title().contains("switched off"));
    QVERIFY((document.modelResult().final - decoded).cwiseAbs().maxCoeff() > 1e-6);
    {
        QMenu menu;
        panel.fillMenu(&menu, 0, 1);
        QVERIFY(trigger(menu, "Switch head on"));
    }
    QVERIFY(!document.model().isCrossAblated(0, 1));
    QVERIFY(close(document.modelResult().final, decoded));

    // An encoder head: the encoder's output E changes, and with it every cross-attention.
    panel.select(av::AttentionKind::Encoder, 0, 0);
    {
        QMenu menu;
        panel.fillMenu(&menu, 0, 0);
        QVERIFY(trigger(menu, "Switch head off"));
    }
    QVERIFY(document.model().encoder.front().isAblated(0, 0));
    QVERIFY(!document.model().isAblated(0, 0));
    QCOMPARE(document.modelResult().encoder.front().blocks[0].heads[0].output.cwiseAbs().maxCoeff(),
             0.0);
    QVERIFY(panel.grid()->data().isAblated(0, 0));
    QVERIFY(!close(document.modelResult().blocks[0].cross.heads[0].weights, cross0));
    document.undoStack()->undo();
    QVERIFY(!document.model().encoder.front().isAblated(0, 0));
    QVERIFY(close(document.modelResult().blocks[0].cross.heads[0].weights, cross0));
    QVERIFY(!panel.grid()->data().isAblated(0, 0));
    document.undoStack()->redo();
    QVERIFY(document.model().encoder.front().isAblated(0, 0));
}

QTEST_MAIN(EncoderDecoderPanelTest)
#include "encoderdecoderpanel_test.moc"

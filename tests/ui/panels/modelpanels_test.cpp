// The panels of a whole transformer (ui/panels/modelviewpanel.h, predictionspanel.h) on a
// real document: they follow every change, switch heads off and on through the undo stack,
// and the window connects a click on a head to the attention panel.

#include "attentionpanel.h"
#include "document.h"
#include "headgridview.h"
#include "mainwindow.h"
#include "modelfigures.h"
#include "modelreader.h"
#include "modelviewpanel.h"
#include "predictionspanel.h"
#include "rankingplot.h"
#include "testlessons.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <variant>

namespace {

QAction* actionNamed(QMenu& menu, const QString& text)
{
    for (QAction* action : menu.actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

} // namespace

class ModelPanelsTest : public QObject
{
    Q_OBJECT

private slots:
    void hintsWithoutAModel();
    void modelViewFollowsTheDocument();
    void contextMenuSwitchesHeadsOffAndOn();
    void predictionsFollowTheChosenToken();
    void predictionsHintWithoutAnUnembedding();
    void windowShowsTheClickedHead();
};

void ModelPanelsTest::hintsWithoutAModel()
{
    av::Document document; // the worked example: version 1
    av::ModelViewPanel view(&document);
    av::PredictionsPanel predictions(&document);
    view.show();
    predictions.show();
    QVERIFY(view.showsHint());
    QVERIFY(predictions.showsHint());
    QCOMPARE(predictions.currentToken(), -1);
}

void ModelPanelsTest::modelViewFollowsTheDocument()
{
    av::Document document;
    av::ModelViewPanel view(&document);
    view.resize(800, 600);
    view.show();
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    QVERIFY(!view.showsHint());
    const av::ModelViewFigure& shown = view.grid()->data();
    QCOMPARE(shown.blocks, 3);
    QCOMPARE(shown.heads, 4);
    for (int l = 0; l < 3; ++l)
        for (int h = 0; h < 4; ++h)
            QVERIFY(shown.cell(l, h) == document.modelResult().blocks[l].heads[h].weights);
    QCOMPARE(view.grid()->highlightedBlock(), 0);
    document.setBlock(2);
    QCOMPARE(view.grid()->highlightedBlock(), 2);

    QSignalSpy activated(&view, &av::ModelViewPanel::headActivated);
    QTest::mouseClick(view.grid(), Qt::LeftButton, {}, view.grid()->cellRect(1, 3).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated[0][0].toInt(), 1);
    QCOMPARE(activated[0][1].toInt(), 3);

    // Back to a v1 session: the hint again.
    document.reset(attn::Session(document.session()));
    QVERIFY(view.showsHint());
}

void ModelPanelsTest::contextMenuSwitchesHeadsOffAndOn()
{
    av::Document document;
    av::ModelViewPanel view(&document);
    view.show();
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    const attn::Matrix before = document.modelResult().blocks[2].output;
    {
        QMenu menu;
        view.fillMenu(&menu, 1, 2);
        QVERIFY(!actionNamed(menu, "Switch head on"));
        QAction* off = actionNamed(menu, "Switch head off");
        QVERIFY(off);
        off->trigger();
    }
    QVERIFY(document.model().isAblated(1, 2));
    QVERIFY(view.grid()->data().isAblated(1, 2));
    QVERIFY(!view.grid()->data().isAblated(1, 1));
    QVERIFY(document.modelResult().blocks[2].output != before); // recomputed
    {
        QMenu menu;
        view.fillMenu(&menu, 1, 2);
        QAction* on = actionNamed(menu, "Switch head on");
        QVERIFY(on);
        on->trigger();
    }
    QVERIFY(!document.model().isAblated(1, 2));
    QVERIFY(!view.grid()->data().isAblated(1, 2));
    // Each switch is one undo step.
    document.undoStack()->undo();
    QVERIFY(view.grid()->data().isAblated(1, 2));
    document.undoStack()->undo();
    QVERIFY(!view.grid()->data().isAblated(1, 2));
}

void ModelPanelsTest::predictionsFollowTheChosenToken()
{
    av::Document document;
    av::PredictionsPanel panel(&document);
    panel.resize(600, 500);
    panel.show();
    const attn::Model model = av::test::transformerLesson("small-gpt2-stack.attn.json");
    document.reset(model);
    QVERIFY(!panel.showsHint());
    const int last = model.n() - 1;
    QCOMPARE(panel.currentToken(), last);
    av::PredictionsFigure expected =
        av::predictionsFigure(document.model(), document.modelResult(), last);
    QCOMPARE(panel.chart()->labels(), expected.labels);
    QCOMPARE(panel.chart()->values(), expected.probability);
    QCOMPARE(panel.chart()->title(), expected.title);

    panel.setCurrentToken(3);
    QCOMPARE(panel.currentToken(), 3);
    expected = av::predictionsFigure(document.model(), document.modelResult(), 3);
    QCOMPARE(panel.chart()->labels(), expected.labels);
    // An edit keeps the chosen token and shows its new predictions.
    document.setAblated(0, 0, true);
    QCOMPARE(panel.currentToken(), 3);
    expected = av::predictionsFigure(document.model(), document.modelResult(), 3);
    QCOMPARE(panel.chart()->values(), expected.probability);
    QTest::qWait(50); // the plot replots from the event loop
}

void ModelPanelsTest::predictionsHintWithoutAnUnembedding()
{
    av::Document document;
    av::PredictionsPanel panel(&document);
    panel.show();
    document.reset(av::test::transformerLesson("transformer-2017-block.attn.json"));
    QVERIFY(panel.showsHint());
}

void ModelPanelsTest::windowShowsTheClickedHead()
{
    av::Document document;
    av::MainWindow window(&document, /*persistent=*/false);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.findChild<QDockWidget*>("ModelViewDock"));
    QVERIFY(window.findChild<QDockWidget*>("PredictionsDock"));
    // Both are in the View menu, like every dock.
    QStringList viewMenu;
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction* action : menu->menu()->actions())
                viewMenu << action->text();
    QVERIFY(viewMenu.contains("Model view"));
    QVERIFY(viewMenu.contains("Predictions"));

    // Hidden for a v1 session, where they hold only a hint; shown when a model opens.
    QVERIFY(window.findChild<QDockWidget*>("ModelViewDock")->isHidden());
    QVERIFY(window.findChild<QDockWidget*>("PredictionsDock")->isHidden());
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    QVERIFY(window.findChild<QDockWidget*>("ModelViewDock")->isVisible());
    QVERIFY(window.findChild<QDockWidget*>("PredictionsDock")->isVisible());
    emit window.modelViewPanel()->headActivated(2, 3);
    QCOMPARE(document.block(), 2);
    QCOMPARE(window.attentionPanel()->currentHead(), 3);
    QCOMPARE(window.modelViewPanel()->grid()->highlightedBlock(), 2);
    QTest::qWait(50);
}

QTEST_MAIN(ModelPanelsTest)
#include "modelpanels_test.moc"

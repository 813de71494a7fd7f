// The Train panel (ui/panels/trainpanel.h) and its run (ui/model/trainrun.h): Reset makes
// the task's model, Start trains it on a worker while the document shows the weights as
// they change (no undo step each), Pause makes the run one undo step that undo takes back
// and redo brings again; an edit while a run goes on stops it and keeps the edit; a model
// the task cannot train is refused with a message and left as it was.

#include "curveplot.h"
#include "document.h"
#include "modeledit.h"
#include "testlessons.h"
#include "trainpanel.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QUndoStack>
#include <qcustomplot.h>

class TrainPanelTest : public QObject
{
    Q_OBJECT

private slots:
    void resetThenStartTrainsLiveAndPauseIsOneUndoStep();
    void stepIsOneUndoStep();
    void anEditDuringARunStopsItAndIsKept();
    void aModelTheTaskCannotTrainIsRefused();
};

namespace {

/// Runs until the run has at least `steps` steps (the worker is fast: a few ms a step).
bool runFor(av::TrainPanel& panel, std::size_t steps)
{
    panel.startButton()->click();
    if (!panel.run()->isRunning())
        return false;
    QElapsedTimer clock;
    clock.start();
    while (panel.run()->history().size() < steps && clock.elapsed() < 30000)
        QTest::qWait(20);
    return panel.run()->history().size() >= steps;
}

} // namespace

void TrainPanelTest::resetThenStartTrainsLiveAndPauseIsOneUndoStep()
{
    av::Document document; // a v1 lesson: no model to train yet
    av::TrainPanel panel(&document);
    panel.resize(600, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!panel.startButton()->isEnabled());
    panel.resetButton()->click();
    QVERIFY(document.hasModel());
    QCOMPARE(document.model().layerCount(), 2);
    QVERIFY(document.model().vocabularySize() > 10);
    QVERIFY(panel.startButton()->isEnabled());

    const attn::Model before = document.model();
    const int undoSteps = document.undoStack()->count();
    QVERIFY(runFor(panel, 60));
    QVERIFY(panel.pauseButton()->isEnabled());
    QVERIFY(!panel.startButton()->isEnabled());
    // Shown live: the document's weights move while the run goes on, with no undo step.
    QTRY_VERIFY(document.model().layers[1].attention.wq[0] != before.layers[1].attention.wq[0]);
    QCOMPARE(document.undoStack()->count(), undoSteps);
    QVERIFY(panel.status()->text().contains("Step"));
    panel.pauseButton()->click();
    QVERIFY(!panel.run()->isRunning());
    QCOMPARE(document.undoStack()->count(), undoSteps + 1);
    QVERIFY(document.undoStack()->undoText().startsWith("Train induction"));
    const attn::Model trained = document.model();
    QVERIFY(trained.trainingJson.find("\"task\":\"induction\"") != std::string::npos);
    // The plots: loss and accuracy, and one score curve per head.
    QCOMPARE(panel.lossPlot()->plot()->graphCount(), 2);
    QVERIFY(panel.lossPlot()->plot()->graph(0)->dataCount() >= 60);
    QCOMPARE(panel.scoresPlot()->plot()->graphCount(), 4);

    document.undoStack()->undo();
    QCOMPARE(document.model().layers[1].attention.wq[0], before.layers[1].attention.wq[0]);
    QCOMPARE(panel.lossPlot()->plot()->graphCount(), 0); // the record of the run is gone
    document.undoStack()->redo();
    QCOMPARE(document.model().layers[1].attention.wq[0], trained.layers[1].attention.wq[0]);
    // The run goes on from where it stopped: its steps count on.
    const std::size_t stopped = panel.run()->history().size();
    QVERIFY(runFor(panel, stopped + 10));
    panel.pauseButton()->click();
    QVERIFY(panel.run()->history().front().step == 1 && panel.run()->history().size() > stopped);
}

void TrainPanelTest::stepIsOneUndoStep()
{
    av::Document document;
    av::TrainPanel panel(&document);
    panel.resetButton()->click();
    const attn::Model before = document.model();
    const int undoSteps = document.undoStack()->count();
    panel.stepButton()->click();
    QCOMPARE(document.undoStack()->count(), undoSteps + 1);
    QCOMPARE(panel.run()->history().size(), std::size_t(1));
    QVERIFY(document.model().tokenEmbeddings != before.tokenEmbeddings);
    document.undoStack()->undo();
    QCOMPARE(document.model().tokenEmbeddings, before.tokenEmbeddings);
}

void TrainPanelTest::anEditDuringARunStopsItAndIsKept()
{
    av::Document document;
    av::TrainPanel panel(&document);
    panel.resetButton()->click();
    const attn::Model untrained = document.model();
    const int undoSteps = document.undoStack()->count();
    QVERIFY(runFor(panel, 20));
    const attn::ModelMatrixRef ref{attn::ModelMatrix::WQ, 0, 0};
    document.setModelCell(ref, 0, 0, 7.5);
    QVERIFY(!panel.run()->isRunning());
    QTest::qWait(100); // a last frame of the run, if any, must not overwrite the edit
    // The edit is of the weights before the run: the run's are dropped, the history holds.
    QCOMPARE(attn::modelMatrix(document.model(), ref)(0, 0), 7.5);
    QCOMPARE(document.model().tokenEmbeddings, untrained.tokenEmbeddings);
    QCOMPARE(document.undoStack()->count(), undoSteps + 1); // the edit, and no run
    QVERIFY(panel.status()->text().contains("changed while it ran"));
    document.undoStack()->undo();
    QCOMPARE(document.model().layers[0].attention.wq[0], untrained.layers[0].attention.wq[0]);

    // Undo past a run, then an edit in its place: the next run starts from the edited model.
    panel.stepButton()->click();
    document.undoStack()->undo();
    document.setModelCell(ref, 0, 0, -3.0);
    panel.stepButton()->click();
    document.undoStack()->undo();
    QCOMPARE(attn::modelMatrix(document.model(), ref)(0, 0), -3.0);
    QCOMPARE(document.model().tokenEmbeddings, untrained.tokenEmbeddings);

    // A session opened while a run goes on stops it, and stays as opened.
    QVERIFY(runFor(panel, 5));
    const attn::Model lesson = av::test::transformerLesson("small-gpt2-stack.attn.json");
    document.reset(lesson);
    QVERIFY(!panel.run()->isRunning());
    QTest::qWait(100);
    QCOMPARE(document.model().tokenEmbeddings, lesson.tokenEmbeddings);
    QCOMPARE(document.undoStack()->count(), 0);
    // A lesson trained on a task offers that task.
    panel.taskChoice()->setCurrentText("copy");
    document.reset(av::test::transformerLesson("induction-trained.attn.json"));
    QCOMPARE(panel.taskChoice()->currentText(), QString("induction"));
}

void TrainPanelTest::aModelTheTaskCannotTrainIsRefused()
{
    av::Document document;
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    av::TrainPanel panel(&document);
    const attn::Model before = document.model();
    panel.taskChoice()->setCurrentText("copy");
    panel.startButton()->click();
    QVERIFY(!panel.run()->isRunning());
    QVERIFY2(panel.status()->text().contains("Cannot train"), qPrintable(panel.status()->text()));
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(document.model().tokenEmbeddings, before.tokenEmbeddings);
}

QTEST_MAIN(TrainPanelTest)
#include "trainpanel_test.moc"

// The workspace window, driven as a user would, off screen (QT_QPA_PLATFORM=offscreen).

#include "attentionpanel.h"
#include "document.h"
#include "heatmapplot.h"
#include "inputpanel.h"
#include "mainwindow.h"
#include "matrixeditor.h"
#include "pipelinepanel.h"
#include "sessionio.h"
#include "weightspanel.h"

#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace av;

class WorkspaceTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = new Document;
        m_window = new MainWindow(m_document, /*persistent=*/false);
        m_window->resize(1600, 1000);
        m_window->show();
    }
    void cleanup()
    {
        delete m_window;
        delete m_document;
    }

    void startsOnTheWorkedExample()
    {
        HeatmapPlot* plot = m_window->attentionPanel()->singlePlot();
        QCOMPARE(plot->rowCount(), 3);
        // The numbers of the worked example, worked out by hand (not by this program).
        QVERIFY(std::abs(plot->cellValue(0, 0) - 0.258158) < 5e-7);
        QVERIFY(std::abs(plot->cellValue(0, 2) - 0.414661) < 5e-7);
    }

    void pipelineStepsScrolledIntoViewShowTheLatestPass()
    {
        PipelinePanel* pipeline = m_window->pipelinePanel();
        pipeline->show();
        pipeline->raise();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        const attn::MatrixRef ref{attn::MatrixKind::Embeddings, 0};
        m_document->setCell(ref, 0, 0, 0.5);
        const HeatmapPlot* first = pipeline->steps().front().plot;
        const HeatmapPlot* last = pipeline->steps().back().plot;
        QCOMPARE(first->cellValue(0, 0), 0.5); // in view: drawn at once
        // Out of view (O, step 13) it waits, and shows the latest pass once scrolled to.
        auto* scroll = pipeline->findChild<QScrollArea*>();
        QVERIFY(scroll);
        scroll->ensureWidgetVisible(const_cast<HeatmapPlot*>(last));
        QCOMPARE(last->cellValue(0, 0), m_document->result().output(0, 0));
        scroll->verticalScrollBar()->setValue(0);
        m_document->setCell(ref, 0, 0, 0.25);
        QVERIFY(last->cellValue(0, 0) != m_document->result().output(0, 0));
        scroll->ensureWidgetVisible(const_cast<HeatmapPlot*>(last));
        QCOMPARE(last->cellValue(0, 0), m_document->result().output(0, 0));
    }

    void typingTokensChangesTheHeatmapToTheEnginesWeights()
    {
        QLineEdit* sentence = m_window->inputPanel()->sentenceEdit();
        sentence->selectAll();
        QTest::keyClicks(sentence, QStringLiteral("the cat sat down"));
        QCOMPARE(m_document->session().n(), 4);
        HeatmapPlot* plot = m_window->attentionPanel()->singlePlot();
        QCOMPARE(plot->rowCount(), 4);
        QCOMPARE(plot->columnCount(), 4);
        const attn::ForwardResult expected = attn::forward(m_document->session());
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 4; ++j)
                QCOMPARE(plot->cellValue(i, j), expected.heads[0].weights(i, j));
        // One stretch of typing is one undo step.
        QCOMPARE(m_document->undoStack()->count(), 1);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->session().n(), 3);
        QCOMPARE(sentence->text(), QStringLiteral("I love NLP"));
    }

    void editingACellThenUndoAndRedoRestoresBothValuesExactly()
    {
        WeightsPanel* weights = m_window->weightsPanel();
        weights->showMatrix({attn::MatrixKind::WQ, 0});
        const double before = m_document->session().wq[0](1, 2);
        const double weightBefore = m_document->result().heads[0].weights(0, 1);
        emit weights->editor()->cellEditRequested(1, 2, 0.123456789, 0);
        QCOMPARE(m_document->session().wq[0](1, 2), 0.123456789);
        const double weightAfter = m_document->result().heads[0].weights(0, 1);
        QVERIFY(weightAfter != weightBefore);
        QCOMPARE(m_window->attentionPanel()->singlePlot()->cellValue(0, 1), weightAfter);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->session().wq[0](1, 2), before);
        QCOMPARE(m_document->result().heads[0].weights(0, 1), weightBefore);
        QCOMPARE(m_window->attentionPanel()->singlePlot()->cellValue(0, 1), weightBefore);
        m_document->undoStack()->redo();
        QCOMPARE(m_document->session().wq[0](1, 2), 0.123456789);
        QCOMPARE(m_window->attentionPanel()->singlePlot()->cellValue(0, 1), weightAfter);
    }

    void aScrubIsOneUndoStep()
    {
        WeightsPanel* weights = m_window->weightsPanel();
        weights->showMatrix({attn::MatrixKind::WK, 0});
        const double before = m_document->session().wk[0](0, 0);
        for (int step = 1; step <= 20; ++step)
            emit weights->editor()->cellEditRequested(0, 0, before + 0.01 * step, 7);
        QCOMPARE(m_document->undoStack()->count(), 1);
        QCOMPARE(m_document->session().wk[0](0, 0), before + 0.2);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->session().wk[0](0, 0), before);
    }

    void changingHeadsRelaysTheViews()
    {
        QSpinBox* dModel = m_window->inputPanel()->dModelSpin();
        dModel->setValue(8);
        m_window->inputPanel()->headsSpin()->setValue(4);
        QCOMPARE(m_document->session().heads, 4);
        AttentionPanel* attention = m_window->attentionPanel();
        attention->setShowAllHeads(true);
        QCOMPARE(attention->headPlots().size(), 4);
        for (int h = 0; h < 4; ++h)
            QCOMPARE(attention->headPlots()[h]->cellValue(2, 1),
                     m_document->result().heads[h].weights(2, 1));
        m_window->inputPanel()->headsSpin()->setValue(2);
        QCOMPARE(attention->headPlots().size(), 2);
        // A refused size changes nothing and says why.
        m_window->inputPanel()->headsSpin()->setValue(3);
        QCOMPARE(m_document->session().heads, 2);
        QCOMPARE(m_window->inputPanel()->headsSpin()->value(), 2);
    }

    void aSessionSavedAndOpenedAgainIsIdentical()
    {
        m_document->setTokens({"我", "爱", "自然", "语言"});
        QCOMPARE(m_document->setDModel(6), QString());
        QCOMPARE(m_document->setHeads(2), QString());
        m_document->setMaskKind(attn::MaskKind::Causal);
        m_document->setTemperature(0.7);
        m_document->setCell({attn::MatrixKind::WV, 1}, 2, 1, -1.0 / 3);
        QVERIFY(m_document->isModified());
        const attn::Session saved = m_document->session();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.attn.json"));
        QString error;
        QVERIFY2(m_document->save(path, &error), qPrintable(error));
        QVERIFY(!m_document->isModified());
        m_document->reset(attn::Session(saved), {});
        m_document->setSeed(99);
        QVERIFY(m_document->open(path, &error));
        QVERIFY(m_document->session() == saved);
        QVERIFY(!m_document->isModified());
    }

    void aRefusedFileLeavesTheSessionAsItWas()
    {
        m_document->setTemperature(2.5);
        const attn::Session before = m_document->session();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.attn.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"format": "attnviz-session", "version": 1, "tokens": ["a"], "d_model": 4, "heads": 3})");
        file.close();
        QString error;
        QVERIFY(!m_document->open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("bad.attn.json: heads:")), qPrintable(error));
        QVERIFY(m_document->session() == before);
        QCOMPARE(m_document->undoStack()->count(), 1);
    }

    void theHoverBreakdownShowsTheEnginesNumbers()
    {
        const QString text = m_window->attentionPanel()->cellExplanation(0, 0, 2);
        // q_1 = [0.30, 0.36, 0.42], k_3 = [0.50, 0.98, 1.46]: q·k = 0.15 + 0.3528 + 0.6132
        // = 1.116, / √3 = 0.644323.
        QVERIFY2(text.contains(QStringLiteral("= 1.116")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("0.644323")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("0.414661")), qPrintable(text));
        const attn::HeadResult& head = m_document->result().heads[0];
        QVERIFY(text.contains(QString::number(head.rowSum(0), 'g', 6)));
    }

    void aCustomMaskIsEditedByClickingCells()
    {
        m_document->setMaskKind(attn::MaskKind::Custom);
        HeatmapPlot* plot = m_window->attentionPanel()->singlePlot();
        emit plot->cellClicked(0, 2);
        QCOMPARE(int(m_document->session().mask.custom(0, 2)), 0);
        QCOMPARE(plot->cellValue(0, 2), 0.0);
        QVERIFY(std::abs(m_document->result().heads[0].weights.row(0).sum() - 1) < 1e-12);
    }

    void zeroTokensShowAnEmptyStateWithoutCrashing()
    {
        QLineEdit* sentence = m_window->inputPanel()->sentenceEdit();
        sentence->selectAll();
        QTest::keyClick(sentence, Qt::Key_Delete);
        QCOMPARE(m_document->session().n(), 0);
        QCOMPARE(m_window->attentionPanel()->singlePlot()->rowCount(), 0);
        QTest::keyClicks(sentence, QStringLiteral("back again"));
        QCOMPARE(m_window->attentionPanel()->singlePlot()->rowCount(), 2);
    }

    void theWindowTitleMarksUnsavedChanges()
    {
        QVERIFY(!m_window->isWindowModified());
        m_document->setTemperature(3);
        QVERIFY(m_window->isWindowModified());
        m_document->undoStack()->undo();
        QVERIFY(!m_window->isWindowModified());
    }

private:
    Document* m_document = nullptr;
    MainWindow* m_window = nullptr;
};

QTEST_MAIN(WorkspaceTest)
#include "workspace_test.moc"

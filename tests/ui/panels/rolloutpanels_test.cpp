// The rollout and head-roles panels (ui/panels/rolloutpanel.h, headrolespanel.h) on a real
// document: they show the engine's numbers, follow edits and ablations, sort, and the
// window shows their docks with a model and connects a double-click to the attention panel.

#include "attentionpanel.h"
#include "document.h"
#include "headgridview.h"
#include "headroles.h"
#include "headrolespanel.h"
#include "heatmapplot.h"
#include "mainwindow.h"
#include "modelfigures.h"
#include "modelviewpanel.h"
#include "presentation.h"
#include "rollout.h"
#include "rolloutpanel.h"
#include "testlessons.h"

#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

class RolloutPanelsTest : public QObject
{
    Q_OBJECT

private slots:
    void hintsWithoutAModel();
    void rolloutShowsTheEngineNumbersAndFollowsAblation();
    void headRolesSortAndActivate();
    void windowShowsTheDocksWithAModel();
    void modelViewFramesShowAScore();
};

void RolloutPanelsTest::hintsWithoutAModel()
{
    av::Document document; // the worked example: version 1
    av::RolloutPanel rollout(&document);
    av::HeadRolesPanel roles(&document);
    rollout.show();
    roles.show();
    QVERIFY(rollout.showsHint());
    QVERIFY(roles.showsHint());
}

void RolloutPanelsTest::rolloutShowsTheEngineNumbersAndFollowsAblation()
{
    av::Document document;
    av::RolloutPanel panel(&document);
    panel.resize(700, 600);
    panel.show();
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    QVERIFY(!panel.showsHint());
    const int n = document.model().n();
    QCOMPARE(panel.plot()->rowCount(), n);
    QCOMPARE(panel.plot()->columnCount(), n);
    const attn::Matrix before =
        attn::attentionRollout(document.model(), document.modelResult()).rollout;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            QCOMPARE(panel.plot()->cellValue(i, j), before(i, j));
    // Switching every head of block 1 off leaves only its residual: the rollout changes.
    for (int h = 0; h < document.model().heads(); ++h)
        document.setAblated(0, h, true);
    const attn::Matrix after =
        attn::attentionRollout(document.model(), document.modelResult()).rollout;
    QVERIFY(!after.isApprox(before));
    QCOMPARE(panel.plot()->cellValue(n - 1, 0), after(n - 1, 0));
}

void RolloutPanelsTest::headRolesSortAndActivate()
{
    av::Document document;
    av::HeadRolesPanel panel(&document);
    panel.resize(700, 500);
    panel.show();
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    QTableWidget* table = panel.table();
    const auto roles = attn::headRoles(document.model(), document.modelResult());
    QCOMPARE(table->rowCount(), int(roles.size()));
    QCOMPARE(table->columnCount(), 7);
    // Every column says what its number is.
    for (int c = 0; c < table->columnCount(); ++c)
        QVERIFY(!table->horizontalHeaderItem(c)->toolTip().isEmpty());
    table->sortItems(2, Qt::DescendingOrder); // previous token
    double highest = -1;
    for (const attn::HeadRole& role : roles)
        highest = std::max(highest, role.previousToken);
    QCOMPARE(table->item(0, 2)->data(Qt::UserRole).toDouble(), highest);
    for (int r = 1; r < table->rowCount(); ++r)
        QVERIFY(table->item(r - 1, 2)->data(Qt::UserRole).toDouble() >=
                table->item(r, 2)->data(Qt::UserRole).toDouble());
    const int block = table->item(0, 0)->data(Qt::UserRole).toInt() - 1;
    const int head = table->item(0, 1)->data(Qt::UserRole).toInt() - 1;
    const auto top = std::find_if(roles.begin(), roles.end(), [&](const attn::HeadRole& r) {
        return r.block == block && r.head == head;
    });
    QVERIFY(top != roles.end());
    QCOMPARE(top->previousToken, highest);
    QSignalSpy activated(&panel, &av::HeadRolesPanel::headActivated);
    emit table->cellDoubleClicked(0, 3);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), block);
    QCOMPARE(activated.at(0).at(1).toInt(), head);
    // The order survives an edit of the document.
    document.setAblated(block, head, true);
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), 2);
    int off = 0;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 1)->text().contains("off")) {
            ++off;
            QCOMPARE(table->item(r, 0)->data(Qt::UserRole).toInt() - 1, block);
            QCOMPARE(table->item(r, 1)->data(Qt::UserRole).toInt() - 1, head);
        }
    QCOMPARE(off, 1);
}

void RolloutPanelsTest::windowShowsTheDocksWithAModel()
{
    av::Document document;
    av::MainWindow window(&document, /*persistent=*/false);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* rollout = window.findChild<QDockWidget*>("RolloutDock");
    auto* roles = window.findChild<QDockWidget*>("HeadRolesDock");
    QVERIFY(rollout && roles);
    QVERIFY(rollout->isHidden());
    QVERIFY(roles->isHidden());
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    QVERIFY(rollout->isVisible());
    QVERIFY(roles->isVisible());
    emit window.headRolesPanel()->headActivated(1, 2);
    QCOMPARE(document.block(), 1);
    QCOMPARE(window.attentionPanel()->currentHead(), 2);
    // ATTNVIZ_TEST_SHOTS=DIR: the window with each dock in front, to be looked at.
    if (const QString dir = qEnvironmentVariable("ATTNVIZ_TEST_SHOTS"); !dir.isEmpty()) {
        rollout->raise();
        QTest::qWait(100);
        window.grab().save(dir + "/rollout-dock.png");
        roles->raise();
        QTest::qWait(100);
        window.grab().save(dir + "/head-roles-dock.png");
        window.presentation()->setActive(true);
        window.resize(1920, 1080);
        rollout->raise();
        QTest::qWait(200);
        window.grab().save(dir + "/rollout-dock-presenting.png");
        window.presentation()->setActive(false);
    }
}

void RolloutPanelsTest::modelViewFramesShowAScore()
{
    av::Document document;
    av::ModelViewPanel panel(&document);
    panel.resize(800, 600);
    panel.show();
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    QVERIFY(panel.grid()->data().frameScores.isEmpty());
    const QImage plain = panel.grid()->grab().toImage();
    panel.frameChoice()->setCurrentIndex(1); // previous token
    const av::ModelViewFigure& f = panel.grid()->data();
    const auto roles = attn::headRoles(document.model(), document.modelResult());
    QCOMPARE(f.frameScores.size(), int(roles.size()));
    for (const attn::HeadRole& role : roles)
        QCOMPARE(f.frameScores[f.index(role.block, role.head)], role.previousToken);
    QVERIFY(f.title.contains(f.frameScoreName));
    QVERIFY(panel.grid()->grab().toImage() != plain);
    if (const QString dir = qEnvironmentVariable("ATTNVIZ_TEST_SHOTS"); !dir.isEmpty())
        panel.grab().save(dir + "/model-view-frames.png");
    // Edits keep the choice.
    document.setAblated(0, 0, true);
    QCOMPARE(panel.grid()->data().frameScores.size(), int(roles.size()));
    panel.frameChoice()->setCurrentIndex(0);
    QVERIFY(panel.grid()->data().frameScores.isEmpty());
}

QTEST_MAIN(RolloutPanelsTest)
#include "rolloutpanels_test.moc"

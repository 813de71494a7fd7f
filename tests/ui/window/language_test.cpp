// The language switch: --lang, then the saved setting (View ▸ Language), then the system
// locale; choosing in the menu saves the setting and offers a restart; Simplified Chinese
// reaches the menus, the docks, the walkthrough (titles, formulas) and presentation mode.

#include "document.h"
#include "language.h"
#include "mainwindow.h"
#include "presentation.h"
#include "walkthrough.h"
#include "walkthroughpanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

namespace {

QMenu* menuTitled(QMainWindow& window, const QString& title)
{
    for (QAction* action : window.menuBar()->actions())
        if (action->menu() && action->text() == title)
            return action->menu();
    return nullptr;
}

} // namespace

class LanguageTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void commandLineThenSettingThenEnglish();
    void unknownLanguagesAreRefused();
    void theMenuSavesTheChoiceAndAsksToRestart();
    // Installs the translators for good: last.
    void chineseReachesTheWholeInterface();
};

void LanguageTest::initTestCase()
{
    // Settings in a test location: the user's are neither read nor changed.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("AttnVizTest"));
    QCoreApplication::setApplicationName(QStringLiteral("language_test"));
    QSettings().clear();
}

void LanguageTest::commandLineThenSettingThenEnglish()
{
    QCOMPARE(av::supportedLanguages(), (QStringList{"en", "zh_CN"}));
    QCOMPARE(av::chooseLanguage("zh_CN"), QStringLiteral("zh_CN"));
    QSettings().setValue("language", "zh_CN");
    QCOMPARE(av::chooseLanguage({}), QStringLiteral("zh_CN"));
    QCOMPARE(av::chooseLanguage("en"), QStringLiteral("en")); // --lang wins
    QSettings().setValue("language", "klingon");              // not one we speak: ignored
    const QString system = av::chooseLanguage({});
    QVERIFY(av::supportedLanguages().contains(system));
    QSettings().remove("language");
}

void LanguageTest::unknownLanguagesAreRefused()
{
    QVERIFY(!av::installLanguage("fr"));
    QVERIFY(av::installLanguage("en")); // the sources' own language: nothing to install
    QCOMPARE(QCoreApplication::translate("av::MainWindow", "&File"), QStringLiteral("&File"));
}

void LanguageTest::theMenuSavesTheChoiceAndAsksToRestart()
{
    av::Document doc;
    av::MainWindow window(&doc, false);
    QMenu* view = menuTitled(window, "&View");
    QVERIFY(view);
    QMenu* languages = nullptr;
    for (QAction* action : view->actions())
        if (action->menu() && action->text() == "&Language")
            languages = action->menu();
    QVERIFY(languages);
    QCOMPARE(languages->actions().size(), 2);
    QAction* chinese = languages->actions()[1];
    QCOMPARE(chinese->text(), QStringLiteral("简体中文"));
    // The restart question: answered No, so that the test goes on in this process.
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        asked = box->text().contains("starts again");
        box->button(QMessageBox::No)->click();
    });
    chinese->trigger();
    QVERIFY(asked);
    QCOMPARE(QSettings().value("language").toString(), QStringLiteral("zh_CN"));
    QVERIFY(chinese->isChecked());
    QCOMPARE(av::chooseLanguage({}), QStringLiteral("zh_CN")); // what the restart will use
    QSettings().remove("language");
}

void LanguageTest::chineseReachesTheWholeInterface()
{
    QVERIFY(av::installLanguage("zh_CN"));
    QCOMPARE(QCoreApplication::translate("av::MainWindow", "&File"), QStringLiteral("文件(&F)"));
    av::Document doc;
    av::MainWindow window(&doc, false);
    QVERIFY(menuTitled(window, QStringLiteral("文件(&F)")));
    QCOMPARE(window.findChild<QDockWidget*>("WalkthroughDock")->windowTitle(),
             QStringLiteral("逐步讲解"));
    QCOMPARE(window.presentation()->presentAction()->text(), QStringLiteral("演示模式(&P)"));
    // The walkthrough: titles and the words around the numbers, the numbers unchanged.
    const auto steps = av::walkSteps(doc.session(), doc.result(), {0, 0});
    QCOMPARE(steps.size(), av::kWalkStepCount);
    QVERIFY2(steps[4].title.contains(QStringLiteral("注意力分数")), qPrintable(steps[4].title));
    for (const av::WalkStep& step : steps) {
        // Every title is Chinese: at least one CJK character in it.
        const bool cjk = std::any_of(step.title.cbegin(), step.title.cend(), [](QChar c) {
            return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff;
        });
        // Softmax and W_O are names, written the same in Chinese lectures.
        QVERIFY2(cjk || step.title.contains("W_O") || step.title.contains("Softmax"),
                 qPrintable(step.title));
    }
    QVERIFY(steps[8].formula.contains("0.716341"));
    // Presenting in Chinese: the dock titles drawn large carry the translated title.
    window.show();
    window.presentation()->setActive(true);
    auto* title =
        qobject_cast<QLabel*>(window.findChild<QDockWidget*>("WalkthroughDock")->titleBarWidget());
    QVERIFY(title);
    QVERIFY(title->text().contains(QStringLiteral("逐步讲解")));
    window.presentation()->setActive(false);
}

QTEST_MAIN(LanguageTest)
#include "language_test.moc"

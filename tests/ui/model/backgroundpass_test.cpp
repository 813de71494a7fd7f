// Large passes run off the GUI thread: the window keeps showing a session and a pass that
// fit together, the editors show the latest edits, the status bar says that it computes,
// a stale pass is dropped, and the recovery file holds the latest edits.

#include "autosave.h"
#include "bitcompare.h"
#include "computingindicator.h"
#include "document.h"
#include "inputpanel.h"
#include "mainwindow.h"
#include "sessionfile.h"
#include "testtokens.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace av;

class BackgroundPassTest : public QObject
{
    Q_OBJECT

private slots:
    void theViewsShowTheOldPassUntilTheNewOneIsReady()
    {
        Document document;
        document.setBackgroundFlops(0);
        QSignalSpy computing(&document, &Document::computingChanged);
        QSignalSpy changed(&document, &Document::changed);
        const attn::Session before = document.session();

        document.setTokens(testTokens(9));
        QVERIFY(document.isComputing());
        QCOMPARE(computing.count(), 1);
        QCOMPARE(computing.at(0).at(0).toBool(), true);
        QCOMPARE(document.latestSession().n(), 9);
        QVERIFY(test::sameBits(document.session(), before)); // the views' pair is unchanged
        QVERIFY(test::resultDifference(document.result(), attn::forward(before)).empty());

        QTRY_VERIFY(!document.isComputing());
        QCOMPARE(computing.count(), 2);
        QCOMPARE(computing.at(1).at(0).toBool(), false);
        QCOMPARE(document.session().n(), 9);
        QVERIFY(
            test::resultDifference(document.result(), attn::forward(document.session())).empty());
        // The views were told of the new sizes when the pass arrived.
        const auto last = qvariant_cast<Document::Changes>(changed.last().at(0));
        QVERIFY(last & Document::Structure);
    }

    void aStalePassIsDroppedAndOnlyTheLatestIsShown()
    {
        Document document;
        document.setBackgroundFlops(0);
        std::vector<int> shownSizes;
        connect(&document, &Document::changed, this, [&](Document::Changes changes) {
            if (changes & Document::Values)
                shownSizes.push_back(document.session().n());
        });
        for (int n = 3; n <= 12; ++n)
            document.setTokens(testTokens(n), document.newGestureId());
        QTRY_VERIFY(!document.isComputing());
        QVERIFY(!shownSizes.empty());
        QCOMPARE(shownSizes.back(), 12);
        // The first pass may still have been shown, but never one after a newer edit came.
        QVERIFY(shownSizes.size() <= 2);
        QVERIFY(
            test::resultDifference(document.result(), attn::forward(document.session())).empty());
    }

    void theWindowStaysConsistentAndSaysItComputes()
    {
        Document document;
        document.setBackgroundFlops(0);
        MainWindow window(&document, /*persistent=*/false);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* indicator = window.findChild<ComputingIndicator*>();
        QVERIFY(indicator);
        QVERIFY(!indicator->isVisible());

        // The first edit makes the document modified: every view is told (File) while the
        // pass still runs, and must draw the older pair without mixing it with the new sizes.
        document.setTokens(testTokens(14));
        QVERIFY(document.isComputing());
        window.grab();
        // The editors show the latest edits at once.
        auto* sentence = window.inputPanel()->findChild<QLineEdit*>();
        QVERIFY(sentence);
        QVERIFY(sentence->text().startsWith(QStringLiteral("w0 w1")));
        QTRY_VERIFY(!document.isComputing());
        window.grab();
        QVERIFY(!indicator->isVisible());

        // A pass that takes long shows the indicator after its delay, and hides it after.
        emit document.computingChanged(true);
        QVERIFY(!indicator->isVisible());
        QTRY_VERIFY(indicator->isVisible());
        emit document.computingChanged(false);
        QVERIFY(!indicator->isVisible());
    }

    void theRecoveryFileHoldsTheLatestEdits()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Document document;
        document.setBackgroundFlops(0);
        Autosave autosave(&document);
        autosave.setFolder(dir.path());
        autosave.setDelay(0);
        QSignalSpy written(&autosave, &Autosave::written);
        document.setTokens(testTokens(7));
        QVERIFY(written.wait(5000));
        QCOMPARE(readSessionFile(autosave.sessionPath()).tokens, testTokens(7));
    }
};

QTEST_MAIN(BackgroundPassTest)
#include "backgroundpass_test.moc"

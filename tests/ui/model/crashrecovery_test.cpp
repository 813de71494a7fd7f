// Crash recovery, end to end: a child process (this executable with --child) edits a
// lesson under an Autosave and is killed with SIGKILL; the parent finds its recovery file
// and restores exactly the session the child had. Run off screen (QT_QPA_PLATFORM=offscreen).

#include "autosave.h"
#include "document.h"
#include "recovery.h"
#include "recoverydialog.h"
#include "sessionfile.h"
#include "sessionio.h"

#include <algorithm>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <cstdio>
#include <functional>

using namespace av;

namespace {

/// The lesson the child works on: tokens, a d_model and heads change, cell edits (one of
/// them a merged gesture), options. pause() lets the child's autosave write in between.
/// Returns false if the document refused an edit.
bool applyScript(Document& document, const std::function<void()>& pause)
{
    document.setTitle(QStringLiteral("Crash lesson"));
    document.setTokens({"the", "cat", "sat", "on", "the", "mat"});
    if (!document.setDModel(8).isEmpty() || !document.setHeads(2).isEmpty())
        return false;
    pause();
    document.setCell({attn::MatrixKind::WQ, 1}, 2, 3, 0.123456789012345);
    const int gesture = document.newGestureId();
    for (double value : {0.1, 0.2, 0.3, -0.41, 0.5000000000000001})
        document.setCell({attn::MatrixKind::Embeddings}, 0, 0, value, gesture);
    document.setCell({attn::MatrixKind::WO}, 7, 0, -1.5e-7);
    document.setTemperature(0.7);
    document.setScore(attn::ScoreKind::Additive);
    document.setCell({attn::MatrixKind::AdditiveW}, 1, 0, 0.75);
    pause();
    document.setPositional(attn::PeKind::Learned);
    document.setCell({attn::MatrixKind::LearnedPE}, 1, 1, 3.25);
    document.setMaskKind(attn::MaskKind::Window);
    document.setMaskRadius(2);
    document.toggleMaskCell(5, 0);
    document.setNormalizer(attn::NormalizerKind::Relu);
    document.setSeed(7); // derives every weight again: then edit after it
    document.setCell({attn::MatrixKind::WV, 0}, 4, 1, 2.0 / 3.0);
    return true;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The child: edits under an Autosave, says EDITS-DONE once the recovery file holds the
/// final session, then waits to be killed.
int runChild(const QString& recoveryDir, const QString& originalPath)
{
    Document document;
    Autosave autosave(&document);
    autosave.setFolder(recoveryDir);
    autosave.setDelay(200);
    QString error;
    if (!document.save(originalPath, &error)) {
        std::printf("CHILD-FAILED save: %s\n", qPrintable(error));
        return 1;
    }
    if (!applyScript(document, [] { QTest::qWait(400); })) {
        std::printf("CHILD-FAILED an edit was refused\n");
        return 1;
    }
    const QByteArray expected = QByteArray::fromStdString(attn::writeSession(document.session()));
    if (!QTest::qWaitFor([&] { return readAll(autosave.sessionPath()) == expected; }, 20000)) {
        std::printf("CHILD-FAILED the recovery file never held the final session\n");
        return 1;
    }
    std::printf("EDITS-DONE\n");
    std::fflush(stdout);
    // Never outlives a parent that died before killing it.
    QTimer::singleShot(60000, qApp, &QCoreApplication::quit);
    return QCoreApplication::exec();
}

/// Answers the message boxes that come up, in order, by clicking the button whose text
/// is the next answer, and keeps each box's text.
class MessageBoxAnswerer : public QObject
{
public:
    explicit MessageBoxAnswerer(QStringList answers) : m_answers(std::move(answers))
    {
        connect(&m_timer, &QTimer::timeout, this, &MessageBoxAnswerer::poll);
        m_timer.start(10);
    }
    QStringList texts;

private:
    void poll()
    {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(widget);
            if (!box || !box->isVisible() || m_answered.contains(box))
                continue;
            m_answered << box;
            texts << box->text();
            const QString answer = m_answers.isEmpty() ? QString() : m_answers.takeFirst();
            for (QAbstractButton* button : box->buttons())
                if (button->text().remove('&') == answer) {
                    button->click();
                    return;
                }
            box->reject(); // no such button: closed without an answer
        }
    }
    QStringList m_answers;
    QList<QPointer<QMessageBox>> m_answered;
    QTimer m_timer;
};

QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files, QDir::Name);
}

} // namespace

class CrashRecoveryTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_folder = m_tmp.path() + QStringLiteral("/recovery-") + QString::number(++m_run);
    }

    void killedChildsWorkIsRestoredExactly()
    {
        // The same script in this process: the session the child must have had.
        Document reference;
        QVERIFY(applyScript(reference, [] {}));
        const attn::Session expected = reference.session();
        QVERIFY(!(expected == defaultLesson())); // the script changed the lesson
        QCOMPARE(expected.n(), 6);
        QCOMPARE(expected.heads, 2);

        const QString original = m_tmp.path() + QStringLiteral("/lesson.attn.json");
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--child"), m_folder, original});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        const qint64 childPid = child.processId();
        QByteArray out;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         child.waitForReadyRead(50);
                         out += child.readAllStandardOutput();
                         return out.contains("EDITS-DONE") || child.state() == QProcess::NotRunning;
                     },
                     30000),
                 out.constData());
        QVERIFY2(out.contains("EDITS-DONE"), (out + child.readAllStandardError()).constData());

        // While the child lives, its work is its own: nothing is offered.
        QVERIFY(Recovery::pending(m_folder).isEmpty());

        child.kill(); // SIGKILL: no destructor, no clean-up runs
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const QString id = QStringLiteral("attnviz-%1-").arg(childPid);
        // A write the kill interrupted may leave QSaveFile's temporary, NAME.XXXXXX beside
        // NAME, which no reader looks at: it is not part of the dead instance's work.
        QStringList left = filesIn(m_folder);
        const QStringList all = left;
        left.removeIf([&all](const QString& name) {
            return std::any_of(all.begin(), all.end(), [&name](const QString& base) {
                return name.size() == base.size() + 7 && name.startsWith(base + QLatin1Char('.'));
            });
        });
        QVERIFY2(left.size() == 3, qPrintable(all.join(QLatin1Char(' ')))); // session, info, lock
        for (const QString& name : left)
            QVERIFY2(name.startsWith(id), qPrintable(name));

        const QList<RecoveryEntry> entries = Recovery::pending(m_folder);
        QCOMPARE(entries.size(), 1);
        const RecoveryEntry& entry = entries.first();
        QVERIFY2(entry.error.isEmpty(), qPrintable(entry.error));
        QCOMPARE(entry.pid, childPid);
        QCOMPARE(entry.originalPath, original);
        QVERIFY(std::get<attn::Session>(entry.session) == expected);
        QVERIFY(qAbs(entry.savedAt.secsTo(QDateTime::currentDateTime())) < 60);

        // Restore through the question, into a fresh document with its own autosave.
        Document restored;
        Autosave autosave(&restored);
        autosave.setFolder(m_folder);
        autosave.setDelay(60000); // only offer()'s immediate write may write
        MessageBoxAnswerer answerer({QStringLiteral("Restore")});
        QVERIFY(RecoveryDialog::offer(nullptr, &restored, m_folder, &autosave));
        QCOMPARE(answerer.texts.size(), 1);
        QVERIFY2(answerer.texts.first().contains(QStringLiteral("lesson.attn.json")),
                 qPrintable(answerer.texts.first()));
        QVERIFY(restored.session() == expected);
        QCOMPARE(restored.filePath(), original);
        QVERIFY(restored.isModified());
        restored.undoStack()->undo(); // nothing to undo: still modified
        QVERIFY(restored.isModified());

        // The child's files are gone; this instance's hold the same work now.
        for (const QString& name : filesIn(m_folder))
            QVERIFY2(name.startsWith(autosave.id()), qPrintable(name));
        QVERIFY(readSessionFile(autosave.sessionPath()) == expected);
        QVERIFY(Recovery::pending(m_folder).isEmpty()); // ours is live

        // Save writes to the original file and removes the recovery files.
        QString error;
        QVERIFY2(restored.save(restored.filePath(), &error), qPrintable(error));
        QVERIFY(readSessionFile(original) == expected);
        QVERIFY(!QFile::exists(autosave.sessionPath()));
        QVERIFY(!QFile::exists(autosave.infoPath()));
    }

    void editsAreWrittenAfterTheDelayAndSavingRemovesThem()
    {
        Document document;
        Autosave autosave(&document);
        autosave.setFolder(m_folder);
        autosave.setDelay(300);
        QSignalSpy written(&autosave, &Autosave::written);
        document.setTokens({"a", "b", "c", "d"});
        QTest::qWait(200);
        document.setTokens({"a", "b", "c", "d", "e"});
        QElapsedTimer sinceLastEdit;
        sinceLastEdit.start();
        QTest::qWait(150);
        // 350 ms after the first edit but only 150 after the last: not yet. (Checked only
        // when this machine kept to time; a stall past the delay proves nothing either way.)
        if (sinceLastEdit.elapsed() < 250)
            QCOMPARE(written.count(), 0);
        QVERIFY(written.wait(2000));
        QCOMPARE(written.count(), 1); // one write for the burst
        QCOMPARE(readAll(autosave.sessionPath()),
                 QByteArray::fromStdString(attn::writeSession(document.session())));
        QVERIFY(QFile::exists(autosave.infoPath()));

        QString error;
        QVERIFY(document.save(m_tmp.path() + QStringLiteral("/saved.attn.json"), &error));
        QVERIFY(!QFile::exists(autosave.sessionPath()));
        QVERIFY(!QFile::exists(autosave.infoPath()));
        QTest::qWait(250);
        QVERIFY(!QFile::exists(autosave.sessionPath())); // and nothing comes back
    }

    void aCleanDocumentWritesNothing()
    {
        Document document;
        Autosave autosave(&document);
        autosave.setFolder(m_folder);
        autosave.setDelay(50);
        document.reset(defaultLesson());
        QTest::qWait(200);
        QVERIFY(!QFile::exists(autosave.sessionPath()));

        // An edit undone before the delay is back to clean: still nothing.
        document.setTemperature(2);
        document.undoStack()->undo();
        QVERIFY(!document.isModified());
        QTest::qWait(200);
        QVERIFY(!QFile::exists(autosave.sessionPath()));

        // Undo back to the saved state after a write removes the file.
        document.setTemperature(3);
        QVERIFY(QTest::qWaitFor([&] { return QFile::exists(autosave.sessionPath()); }, 2000));
        document.undoStack()->undo();
        QVERIFY(!QFile::exists(autosave.sessionPath()));
    }

    void aNormalCloseRemovesEveryFile()
    {
        auto* document = new Document;
        auto* autosave = new Autosave(document);
        autosave->setFolder(m_folder);
        autosave->setDelay(0);
        document->setHeads(3);
        QVERIFY(autosave->saveNow());
        QCOMPARE(filesIn(m_folder).size(), 3);
        delete autosave; // what the end of main() does with a modified document
        QCOMPARE(filesIn(m_folder), QStringList());
        delete document;

        // Closing with "Discard": the document stays modified until the program ends, and
        // a write that was waiting must not bring the files back.
        Document discarded;
        Autosave closing(&discarded);
        closing.setFolder(m_folder);
        closing.setDelay(50);
        discarded.setHeads(3);
        closing.discard();
        QTest::qWait(200);
        QCOMPARE(filesIn(m_folder), QStringList());
    }

    void aGestureThatNeverPausesIsStillWritten()
    {
        Document document;
        Autosave autosave(&document);
        autosave.setFolder(m_folder);
        autosave.setDelay(100);
        const int gesture = document.newGestureId();
        bool writtenDuringGesture = false;
        for (int i = 1; i <= 60 && !writtenDuringGesture; ++i) { // 60 × 20 ms, never 100 ms still
            document.setCell({attn::MatrixKind::WO}, 0, 0, 1 + i * 0.01, gesture);
            QTest::qWait(20);
            writtenDuringGesture = QFile::exists(autosave.sessionPath());
        }
        QVERIFY(writtenDuringGesture);
    }

    void aCorruptFileIsReportedAndDiscarded_data()
    {
        QTest::addColumn<QByteArray>("text");
        // Plain strings: moc misreads raw string literals with unbalanced braces.
        QTest::newRow("truncated")
            << QByteArray("{\"format\": \"attnviz-session\", \"version\": 1, \"tok");
        QTest::newRow("wrong shape")
            << QByteArray("{\"format\": \"attnviz-session\", \"version\": 1, \"tokens\": [\"a\", "
                          "\"b\"], \"d_model\": 2, \"heads\": 1, \"embeddings\": [[1, 2]]}");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 12);
        QTest::newRow("empty") << QByteArray();
    }
    void aCorruptFileIsReportedAndDiscarded()
    {
        QFETCH(QByteArray, text);
        QVERIFY(QDir().mkpath(m_folder));
        const QString path = m_folder + QStringLiteral("/attnviz-999999-1.attn.json");
        QVERIFY(writeFileAtomically(path, text).isEmpty());
        QVERIFY(writeFileAtomically(m_folder + QStringLiteral("/attnviz-999999-1.recovery.json"),
                                    "{not json")
                    .isEmpty());

        const QList<RecoveryEntry> entries = Recovery::pending(m_folder);
        QCOMPARE(entries.size(), 1);
        QVERIFY(!entries.first().error.isEmpty());

        Document document;
        const attn::Session before = document.session();
        MessageBoxAnswerer answerer({QStringLiteral("OK")});
        QVERIFY(!RecoveryDialog::offer(nullptr, &document, m_folder));
        QCOMPARE(answerer.texts.size(), 1);
        QVERIFY2(answerer.texts.first().contains(QStringLiteral("attnviz-999999-1.attn.json")),
                 qPrintable(answerer.texts.first()));
        QVERIFY(document.session() == before);
        QVERIFY(!document.isModified());
        QCOMPARE(filesIn(m_folder), QStringList());
    }

    void discardRemovesAndClosingKeepsForLater()
    {
        // A dead instance's work, written by an Autosave whose process we pretend died:
        // its files are copied under another id with no lock.
        Document source;
        source.setTokens({"keep", "me"});
        {
            Autosave autosave(&source);
            autosave.setFolder(m_folder);
            QVERIFY(autosave.saveNow());
            QVERIFY(QFile::copy(autosave.sessionPath(), m_folder + "/attnviz-999998-1.attn.json"));
            // No info file: still restorable, as an unsaved session.
        }
        QCOMPARE(filesIn(m_folder), QStringList{"attnviz-999998-1.attn.json"});

        Document document;
        {
            MessageBoxAnswerer answerer({QStringLiteral("no such button")});
            QVERIFY(!RecoveryDialog::offer(nullptr, &document, m_folder));
            QCOMPARE(answerer.texts.size(), 1);
            QVERIFY2(
                answerer.texts.first().contains(QStringLiteral("Untitled")) ||
                    answerer.texts.first().contains(QString::fromStdString(source.session().title)),
                qPrintable(answerer.texts.first()));
        }
        QCOMPARE(filesIn(m_folder), QStringList{"attnviz-999998-1.attn.json"}); // kept
        QVERIFY(!document.isModified());

        const QList<RecoveryEntry> entries = Recovery::pending(m_folder);
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.first().originalPath.isEmpty());
        QVERIFY(std::get<attn::Session>(entries.first().session) == source.session());

        {
            MessageBoxAnswerer answerer({QStringLiteral("Discard")});
            QVERIFY(!RecoveryDialog::offer(nullptr, &document, m_folder));
        }
        QCOMPARE(filesIn(m_folder), QStringList());
        QVERIFY(!document.isModified());
        QVERIFY(!(document.session() == source.session()));
    }

private:
    QTemporaryDir m_tmp;
    QString m_folder;
    int m_run = 0;
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc >= 4 && qstrcmp(argv[1], "--child") == 0)
        return runChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    CrashRecoveryTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "crashrecovery_test.moc"

// Opening something that is not a regular file (a device that never ends, a FIFO that
// blocks until someone writes to it) is refused at once, names the file, and leaves the
// session, the pass and the undo history exactly as they were.

#include "bitcompare.h"
#include "document.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <sys/stat.h>

using namespace av;
using av::test::resultDifference;
using av::test::sameBits;

class OpenSpecialFileTest : public QObject
{
    Q_OBJECT

private:
    /// Opens path in a document with a history (one step undone, one to redo) and checks
    /// that it is refused quickly and changes nothing.
    static void checkRefused(const QString& path)
    {
        Document document;
        document.setTemperature(2);
        document.setCell({attn::MatrixKind::WO, 0}, 0, 1, 0.25);
        document.undoStack()->undo();
        const attn::Session before = document.session();
        const int count = document.undoStack()->count();
        const int index = document.undoStack()->index();
        const bool modified = document.isModified();

        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY(!document.open(path, &error));
        QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(error.contains(path), qPrintable(error));
        // Refused for what it is, before a byte is read (not for its size after 256 MB of it).
        QVERIFY2(error.contains(QStringLiteral("not a regular file")), qPrintable(error));
        QVERIFY(sameBits(document.session(), before));
        QVERIFY(resultDifference(document.result(), attn::forward(before)).empty());
        QCOMPARE(document.undoStack()->count(), count);
        QCOMPARE(document.undoStack()->index(), index);
        QCOMPARE(document.isModified(), modified);
        QVERIFY(document.filePath().isEmpty());
        document.undoStack()->redo(); // the history still works
        QCOMPARE(document.session().wo(0, 1), 0.25);
    }

private slots:
    void aDeviceIsRefusedAtOnce()
    {
        if (!QFileInfo::exists(QStringLiteral("/dev/zero")))
            QSKIP("no /dev/zero");
        checkRefused(QStringLiteral("/dev/zero"));
    }

    void aFifoIsRefusedAtOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("pipe.attn.json"));
        QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        checkRefused(path);
    }
};

QTEST_MAIN(OpenSpecialFileTest)
#include "openspecialfile_test.moc"

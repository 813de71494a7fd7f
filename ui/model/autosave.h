#pragma once
// Background recovery file: a few seconds after the last edit of a modified document, the
// session is written to this instance's files in the recovery folder (see recovery.h),
// so that a crash, a kill or a power cut loses at most those seconds of a lesson. The
// files go when the document is saved or reverted to its saved state, and when the
// Autosave is destroyed on a normal close.

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

class QJsonObject;
class QLockFile;
class QTimer;
template <typename T> class QFutureWatcher;

namespace av {

class Document;

class Autosave : public QObject
{
    Q_OBJECT

public:
    /// Writes into Recovery::defaultFolder() unless setFolder() says otherwise.
    explicit Autosave(Document* document, QObject* parent = nullptr);
    /// A normal close: removes this instance's files (a crash never gets here).
    ~Autosave() override;

    /// Wait after the last edit before writing, in ms (3000 by default). A continuous
    /// gesture that keeps editing is still written every 5 × delay at the latest.
    void setDelay(int ms);
    int delay() const { return m_delay; }

    /// Moves this instance's files to folder (tests use a temporary one).
    void setFolder(const QString& folder);
    QString folder() const { return m_folder; }

    /// "attnviz-<pid>-<start ms>": the names of this instance's files.
    QString id() const { return m_id; }
    QString sessionPath() const;
    QString infoPath() const;
    QString lockPath() const;

    /// Writes now, on this thread, if the document is modified (removes the files if it is
    /// not). Returns false when a write failed; lastError() says why. The timer instead
    /// writes on a worker thread, so that a large lesson never stalls the window.
    bool saveNow();
    /// Removes this instance's files and drops a pending write; the next edit writes them
    /// again. A normal close (QCoreApplication::aboutToQuit) calls this.
    void discard();

    QString lastError() const { return m_lastError; }

signals:
    /// The recovery files now hold the document's current session.
    void written(const QString& sessionPath);

private:
    void documentChanged();
    bool ensureLocked(QString* error);
    QJsonObject info() const;
    void saveInBackground();
    void backgroundWriteFinished();
    void waitForBackgroundWrite();
    /// Reports the end of a write (written(), or the error once); true when it succeeded.
    bool finishWrite(const QString& error);

    QPointer<Document> m_document;
    QTimer* m_timer;
    QFutureWatcher<QString>* m_writer; ///< the write running on a worker thread, if any
    bool m_writeAgain = false;         ///< edits came during that write
    QElapsedTimer m_pendingSince;      ///< since the first edit not yet written
    std::unique_ptr<QLockFile> m_lock;
    QString m_folder;
    QString m_id;
    QString m_lastError;
    int m_delay = 3000;
};

} // namespace av

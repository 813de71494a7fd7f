#pragma once
// Crash recovery: the files an instance's Autosave left behind when it did not close
// properly (the question at start-up is ui/window/recoverydialog.h).
//
// Each running instance owns one id ("attnviz-<pid>-<start ms>") in the recovery folder:
//   <id>.attn.json      the unsaved session, a plain session file, v1 or v2 (File ▸ Open reads it)
//   <id>.recovery.json  where it belongs: the original file, the time, the pid
//   <id>.lock           a QLockFile the instance holds while it runs
// An id whose lock can be taken belongs to an instance that is gone: QLockFile knows a
// lock is stale when its process no longer runs (or the machine rebooted since).

#include "modelreader.h"
#include "session.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace av {

class Autosave;
class Document;

struct RecoveryEntry
{
    QString id;
    QString sessionPath;  ///< <folder>/<id>.attn.json
    QString infoPath;     ///< <folder>/<id>.recovery.json
    QString originalPath; ///< the file the work belongs to; empty when it was never saved
    QDateTime savedAt;    ///< when the recovery file was last written
    qint64 pid = 0;       ///< the instance that wrote it
    QString error;        ///< non-empty when the session cannot be read: discard, never load
    attn::AnySession session;

    /// The original file's name, or the session's title.
    QString displayName() const;
};

class Recovery
{
public:
    /// QStandardPaths' AppDataLocation + "/recovery".
    static QString defaultFolder();

    /// The left-behind work in folder, newest first: ids whose instance no longer runs.
    /// A live instance's files (another window open now, or this one's own) are skipped.
    /// An unreadable session is listed with error set, never thrown.
    static QList<RecoveryEntry> pending(const QString& folder);

    /// Loads entry into document: the original file path is kept, so Save writes there,
    /// and the document is left modified, so closing asks to save it.
    static void restore(Document* document, const RecoveryEntry& entry);

    /// Removes entry's files.
    static void discard(const RecoveryEntry& entry);
};

} // namespace av

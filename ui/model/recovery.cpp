#include "recovery.h"

#include "autosave.h"
#include "document.h"
#include "sessionerror.h"
#include "sessionfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSet>
#include <QStandardPaths>
#include <QUndoStack>
#include <algorithm>

namespace av {
namespace {

const QString kSessionSuffix = QStringLiteral(".attn.json");
const QString kInfoSuffix = QStringLiteral(".recovery.json");
const QString kLockSuffix = QStringLiteral(".lock");

QString tr(const char* text)
{
    return QCoreApplication::translate("av::Recovery", text);
}

/// True when the instance that owns id is gone. Taking its lock proves it; the lock is
/// let go at once (which removes the lock file): nobody owns the id any more.
bool ownerIsGone(const QString& lockPath)
{
    QLockFile lock(lockPath);
    lock.setStaleLockTime(0); // a live instance's lock never goes stale with age
    if (!lock.tryLock(0))
        return false;
    lock.unlock();
    return true;
}

/// Fills the where and when from the info file; without one (a crash between writing
/// the session and its info), the session file's time stands in and the path is unknown.
void readInfo(RecoveryEntry& entry)
{
    entry.savedAt = QFileInfo(entry.sessionPath).lastModified();
    QFile file(entry.infoPath);
    if (!file.open(QIODevice::ReadOnly) || file.size() > (1 << 20))
        return;
    const QJsonObject info = QJsonDocument::fromJson(file.readAll()).object();
    if (info.value(QStringLiteral("format")).toString() != QStringLiteral("attnviz-recovery"))
        return;
    entry.originalPath = info.value(QStringLiteral("original_path")).toString();
    entry.pid = info.value(QStringLiteral("pid")).toInteger();
    const QDateTime savedAt =
        QDateTime::fromString(info.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
    if (savedAt.isValid())
        entry.savedAt = savedAt;
}

} // namespace

QString RecoveryEntry::displayName() const
{
    if (!originalPath.isEmpty())
        return QFileInfo(originalPath).fileName();
    const std::string& title = sessionTitle(session);
    return title.empty() ? QCoreApplication::translate("av::RecoveryEntry", "Untitled")
                         : QString::fromStdString(title);
}

QString Recovery::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

QList<RecoveryEntry> Recovery::pending(const QString& folder)
{
    const QDir dir(folder);
    QSet<QString> ids;
    for (const QString& name : dir.entryList({QStringLiteral("attnviz-*")}, QDir::Files)) {
        for (const QString& suffix : {kSessionSuffix, kInfoSuffix, kLockSuffix})
            if (name.endsWith(suffix))
                ids.insert(name.chopped(suffix.size()));
    }
    QList<RecoveryEntry> entries;
    for (const QString& id : ids) {
        RecoveryEntry entry;
        entry.id = id;
        entry.sessionPath = dir.filePath(id + kSessionSuffix);
        entry.infoPath = dir.filePath(id + kInfoSuffix);
        if (!ownerIsGone(dir.filePath(id + kLockSuffix)))
            continue;
        if (!QFile::exists(entry.sessionPath)) {
            if (!QFile::exists(entry.infoPath))
                continue; // a lock left alone: gone with ownerIsGone()
            entry.error = tr("%1: the session file is missing")
                              .arg(QDir::toNativeSeparators(entry.sessionPath));
        } else {
            try {
                entry.session = readAnySessionFile(entry.sessionPath);
            } catch (const attn::SessionError& e) {
                entry.error = QString::fromStdString(e.what());
            } catch (const std::exception& e) {
                entry.error = QDir::toNativeSeparators(entry.sessionPath) + QStringLiteral(": ") +
                              QString::fromLocal8Bit(e.what());
            }
        }
        readInfo(entry);
        entries << entry;
    }
    std::sort(entries.begin(), entries.end(), [](const RecoveryEntry& a, const RecoveryEntry& b) {
        return a.savedAt != b.savedAt ? a.savedAt > b.savedAt : a.id < b.id;
    });
    return entries;
}

void Recovery::restore(Document* document, const RecoveryEntry& entry)
{
    document->restore(entry.session, entry.originalPath);
}

void Recovery::discard(const RecoveryEntry& entry)
{
    QFile::remove(entry.infoPath);
    QFile::remove(entry.sessionPath);
}

} // namespace av

#include "autosave.h"

#include "document.h"
#include "recovery.h"
#include "sessionerror.h"
#include "sessionfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace av {

Autosave::Autosave(Document* document, QObject* parent)
    : QObject(parent), m_document(document), m_timer(new QTimer(this)),
      m_writer(new QFutureWatcher<QString>(this)), m_folder(Recovery::defaultFolder()),
      m_id(QStringLiteral("attnviz-%1-%2")
               .arg(QCoreApplication::applicationPid())
               .arg(QDateTime::currentMSecsSinceEpoch()))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Autosave::saveInBackground);
    connect(m_writer, &QFutureWatcher<QString>::finished, this, &Autosave::backgroundWriteFinished);
    // Every edit, undo, redo and reset comes through edited() (even while its pass is still
    // computing); the File change of a save or of an undo back to the saved state is what
    // removes the files.
    connect(document, &Document::edited, this, &Autosave::documentChanged);
    connect(document, &Document::changed, this, [this](Document::Changes changes) {
        if (changes & Document::File)
            documentChanged();
    });
}

Autosave::~Autosave()
{
    discard();
    // m_lock's destructor releases the lock and removes the lock file.
}

void Autosave::setDelay(int ms)
{
    m_delay = std::max(0, ms);
}

void Autosave::setFolder(const QString& folder)
{
    if (folder == m_folder)
        return;
    discard();
    m_lock.reset();
    m_folder = folder;
    if (m_document && m_document->isModified())
        documentChanged();
}

QString Autosave::sessionPath() const
{
    return m_folder + '/' + m_id + QStringLiteral(".attn.json");
}
QString Autosave::infoPath() const
{
    return m_folder + '/' + m_id + QStringLiteral(".recovery.json");
}
QString Autosave::lockPath() const
{
    return m_folder + '/' + m_id + QStringLiteral(".lock");
}

void Autosave::documentChanged()
{
    if (!m_document || !m_document->isModified()) {
        m_timer->stop();
        m_pendingSince.invalidate();
        discard();
        return;
    }
    // Restarted by every edit, so a burst of typing is written once at its end; but a
    // gesture that never pauses is written at the latest 5 × delay after it began.
    if (!m_pendingSince.isValid())
        m_pendingSince.start();
    const qint64 latest = 5 * qint64(m_delay) - m_pendingSince.elapsed();
    m_timer->start(int(std::clamp<qint64>(latest, 0, m_delay)));
}

bool Autosave::ensureLocked(QString* error)
{
    if (m_lock)
        return true;
    if (!QDir().mkpath(m_folder)) {
        *error = tr("%1: cannot be created").arg(QDir::toNativeSeparators(m_folder));
        return false;
    }
    auto lock = std::make_unique<QLockFile>(lockPath());
    // Only a dead process makes the lock stale, never its age: a lesson runs for hours.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        *error = tr("%1: cannot be locked").arg(QDir::toNativeSeparators(lockPath()));
        return false;
    }
    m_lock = std::move(lock);
    return true;
}

namespace {

/// Writes the recovery files of one session (on whichever thread): the session first, for
/// the info only says where it belongs, and a session without its info is still
/// restorable (as an unsaved session). Returns the error, or an empty string.
QString writeRecoveryFiles(const attn::AnySession& session, const QString& sessionPath,
                           const QString& infoPath, const QJsonObject& info)
{
    QString error;
    try {
        error = writeFileAtomically(
            sessionPath, QByteArray::fromStdString(Document::fileText(session, sessionPath)));
    } catch (const std::exception& e) { // a model folder that has gone, out of memory
        error = QString::fromLocal8Bit(e.what());
    }
    if (!error.isEmpty())
        return error;
    return writeFileAtomically(infoPath, QJsonDocument(info).toJson());
}

} // namespace

QJsonObject Autosave::info() const
{
    return {
        {QStringLiteral("format"), QStringLiteral("attnviz-recovery")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
        {QStringLiteral("saved_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("original_path"), m_document->filePath()},
        {QStringLiteral("title"), QString::fromStdString(m_document->latestSession().title)},
        {QStringLiteral("session_file"), m_id + QStringLiteral(".attn.json")},
    };
}

bool Autosave::saveNow()
{
    m_timer->stop();
    m_pendingSince.invalidate();
    waitForBackgroundWrite();
    if (!m_document || !m_document->isModified()) {
        discard();
        return true;
    }
    QString error;
    if (ensureLocked(&error))
        error = writeRecoveryFiles(m_document->latest(), sessionPath(), infoPath(), info());
    return finishWrite(error);
}

void Autosave::saveInBackground()
{
    m_timer->stop();
    m_pendingSince.invalidate();
    if (!m_document || !m_document->isModified()) {
        discard();
        return;
    }
    if (m_writer->isRunning()) {
        m_writeAgain = true; // this write's session is already old: another follows it
        return;
    }
    QString error;
    if (!ensureLocked(&error)) {
        finishWrite(error);
        return;
    }
    // A copy: the document goes on changing while the session of a large lesson is
    // serialised, which takes seconds at GPT-2 sizes.
    m_writer->setFuture(QtConcurrent::run(writeRecoveryFiles, m_document->latest(),
                                          sessionPath(), infoPath(), info()));
}

void Autosave::backgroundWriteFinished()
{
    if (!m_writer->future().isValid())
        return; // waited for and dropped by waitForBackgroundWrite()
    const QString error = m_writer->result();
    m_writer->setFuture(QFuture<QString>());
    if (finishWrite(error) && m_writeAgain) {
        m_writeAgain = false;
        saveInBackground();
    }
}

void Autosave::waitForBackgroundWrite()
{
    // Two writers of the same files at once would race; a discard must not be undone by a
    // write that ends after it.
    m_writer->waitForFinished();
    m_writer->setFuture(QFuture<QString>());
    m_writeAgain = false;
}

bool Autosave::finishWrite(const QString& error)
{
    if (!error.isEmpty()) {
        // Said once per distinct problem: the next edit tries again, silently.
        if (error != m_lastError)
            qWarning("AttnViz: the recovery file was not written: %s", qPrintable(error));
        m_lastError = error;
        return false;
    }
    m_lastError.clear();
    emit written(sessionPath());
    return true;
}

void Autosave::discard()
{
    // Also drops a write still waiting: after "Discard" on close the document stays
    // modified, and the files must not come back before the program ends.
    waitForBackgroundWrite();
    m_timer->stop();
    m_pendingSince.invalidate();
    QFile::remove(infoPath());
    QFile::remove(sessionPath());
}

} // namespace av

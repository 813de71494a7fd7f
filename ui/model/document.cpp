#include "document.h"

#include "celledit.h"
#include "commands.h"
#include "names.h"
#include "positionalencoding.h"
#include "sessiondiff.h"
#include "sessionerror.h"
#include "sessionfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <exception>

namespace av {
namespace {

/// Which setting a whole-session edit changes: only edits of the same setting merge.
enum SessionSetting
{
    kTokens = 1,
    kDModel,
    kHeads,
    kSeed,
    kPositionalBase,
    kTemperature,
    kMaskRadius
};

/// After the last incremental edit of a large session, the exact pass starts this much later:
/// a scrub is not slowed by passes that the next step makes stale.
constexpr int kExactPassDelayMs = 300;

} // namespace

/// A background pass: the edit it was computed for, and the pass (empty if it failed).
struct Document::Job
{
    std::uint64_t generation = 0;
    attn::ForwardResult result;
    std::string error;
};

Document::Document(QObject* parent)
    : QObject(parent), m_undoStack(new QUndoStack(this)), m_job(new QFutureWatcher<Job>(this)),
      m_exactTimer(new QTimer(this)), m_modelJob(new QFutureWatcher<ModelJob>(this))
{
    m_exactTimer->setSingleShot(true);
    m_exactTimer->setInterval(kExactPassDelayMs);
    connect(m_exactTimer, &QTimer::timeout, this, &Document::startJob);
    connect(m_job, &QFutureWatcher<Job>::finished, this, &Document::jobFinished);
    connect(m_modelJob, &QFutureWatcher<ModelJob>::finished, this, &Document::modelJobFinished);
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this] { emit changed(File); });
    reset(defaultLesson());
}

// A v1 pass owns copies of everything it reads: waiting only keeps the thread pool tidy.
// A model's pass reads the model in place, and is stopped before it goes.
Document::~Document()
{
    stopModelJob();
    m_job->waitForFinished();
}

QString Document::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return m_session.title.empty() ? tr("Untitled") : QString::fromStdString(m_session.title);
}

attn::Matrix Document::encodingPreview(int positions) const
{
    const attn::Session& s = session();
    if (s.positional.kind == attn::PeKind::Learned) {
        const attn::Matrix& learned = m_model ? m_model->learnedPositions : s.positional.learned;
        return learned.topRows(std::clamp<Eigen::Index>(positions, 0, learned.rows()));
    }
    return attn::sinusoidalEncoding(positions, s.dModel, s.positional.base);
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

void Document::reset(const attn::Session& session, const QString& filePath)
{
    emit replacing();
    m_previewBase.reset();
    dropModelPass();
    m_model.reset();
    m_tokenizer.reset();
    m_modelResult = {};
    m_block = 0;
    if (runsInBackground(session))
        holdShownSession();
    m_session = session;
    m_filePath = filePath;
    // Computed before the history is cleared: views told of the clean state (File) read a
    // session and a pass that fit together.
    recompute(Values | Structure);
    m_undoStack->clear();
    m_undoStack->setClean();
    emit changed(File);
}

void Document::restore(const attn::AnySession& session, const QString& filePath)
{
    reset(session, filePath);
    m_undoStack->resetClean(); // no clean state in the history: modified until saved
    emit changed(File);
}

bool Document::open(const QString& path, QString* error)
{
    try {
        // A GPT-2 folder opens as a new, unsaved session of its model: Save asks where.
        if (QFileInfo(path).isDir()) {
            reset(readModelFolder(path, QString()));
            return true;
        }
        reset(readAnySessionFile(path), path);
        return true;
    } catch (const attn::SessionError& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    } catch (const std::exception& e) { // out of memory, a file system error
        if (error)
            *error = QDir::toNativeSeparators(path) + QStringLiteral(": ") +
                     QString::fromLocal8Bit(e.what());
        return false;
    }
}

bool Document::save(const QString& path, QString* error)
{
    QString message;
    try {
        message = writeFileAtomically(path, QByteArray::fromStdString(fileText(latest(), path)));
    } catch (const attn::SessionError& e) { // a model folder that has gone: nothing written
        message = QString::fromStdString(e.what());
    } catch (const std::exception& e) { // out of memory comparing with the folder's weights
        message = QDir::toNativeSeparators(path) + QStringLiteral(": ") +
                  QString::fromLocal8Bit(e.what());
    }
    if (!message.isEmpty()) {
        if (error)
            *error = message;
        return false;
    }
    m_filePath = path;
    m_undoStack->setClean();
    emit changed(File);
    return true;
}

int Document::newGestureId()
{
    return ++m_lastGestureId;
}

void Document::pushSession(const QString& text, attn::Session after, int gestureId, int mergeKind)
{
    if (after == m_session)
        return;
    if (m_model) {
        // The views show a GPT-2 model's tokens as text (showBlock); the model keeps its own.
        if (!m_model->tokenText.empty() && after.tokens == m_session.tokens)
            after.tokens = m_model->settings.tokens;
        // The settings every block shares; the model refuses what it cannot take.
        try {
            pushModel(text, attn::withSettings(*m_model, after), 0, gestureId, mergeKind);
        } catch (const attn::SessionError& e) {
            emit refused(QString::fromStdString(e.what()));
        }
        return;
    }
    const bool structural = after.n() != m_session.n() || after.dModel != m_session.dModel ||
                            after.heads != m_session.heads;
    const Changes changes = structural ? Changes(Values | Structure) : Changes(Values);
    // The step keeps what changed, not the two sessions (a 512-token session is megabytes).
    m_undoStack->push(new SetSessionCommand(this, text, attn::SessionDiff(m_session, after),
                                            changes, gestureId, mergeKind));
}

void Document::setTitle(const QString& title)
{
    attn::Session s = m_session;
    s.title = title.toStdString();
    pushSession(tr("Change title"), std::move(s));
}

void Document::setTokens(const std::vector<std::string>& tokens, int gestureId)
{
    if (hasModelFolder()) { // a GPT-2 folder's text is tokenised by its own tokeniser
        std::string text;
        for (const std::string& token : tokens)
            text += (text.empty() ? "" : " ") + token;
        setText(QString::fromStdString(text), gestureId);
        return;
    }
    std::vector<std::string> kept = tokens;
    if (kept.size() > static_cast<std::size_t>(attn::kMaxTokens))
        kept.resize(attn::kMaxTokens);
    pushSession(tr("Edit tokens"), attn::withTokens(m_session, kept), gestureId, kTokens);
}

QString Document::setDModel(int dModel, int gestureId)
{
    if (m_model && dModel != m_session.dModel)
        return tr("A whole transformer keeps its d_model; set it on the command line "
                  "(--d-model with --layers)");
    if (dModel < 1 || dModel > attn::kMaxDModel)
        return tr("d_model must be between 1 and %1").arg(attn::kMaxDModel);
    if (dModel % m_session.heads != 0)
        return tr("d_model %1 is not divisible by %2 heads").arg(dModel).arg(m_session.heads);
    if (dModel != m_session.dModel)
        pushSession(tr("Change d_model to %1").arg(dModel), attn::withDModel(m_session, dModel),
                    gestureId, kDModel);
    return {};
}

QString Document::setHeads(int heads, int gestureId)
{
    if (m_model && heads != m_session.heads)
        return tr("A whole transformer keeps its heads; set them on the command line "
                  "(--heads with --layers)");
    if (heads < 1 || heads > m_session.dModel || m_session.dModel % heads != 0)
        return tr("%1 heads do not divide d_model %2").arg(heads).arg(m_session.dModel);
    if (heads != m_session.heads)
        pushSession(tr("Change heads to %1").arg(heads), attn::withHeads(m_session, heads),
                    gestureId, kHeads);
    return {};
}

void Document::setSeed(std::uint64_t seed, int gestureId)
{
    if (seed != m_session.seed)
        pushSession(tr("Change seed to %1").arg(seed), attn::withSeed(m_session, seed), gestureId,
                    kSeed);
}

void Document::setPositional(attn::PeKind kind)
{
    attn::Session s = m_session;
    s.positional.kind = kind;
    if (kind == attn::PeKind::Learned &&
        (s.positional.learned.rows() != s.n() || s.positional.learned.cols() != s.dModel))
        s.positional.learned =
            attn::initialMatrix(s, {attn::MatrixKind::LearnedPE}, attn::InitKind::XavierUniform);
    pushSession(tr("Positional encoding: %1").arg(kindName(kind)), std::move(s));
}

void Document::setPositionalBase(attn::Real base, int gestureId)
{
    if (!(base > 0) || !std::isfinite(base))
        return;
    attn::Session s = m_session;
    s.positional.base = base;
    pushSession(tr("Positional encoding base %1").arg(base), std::move(s), gestureId,
                kPositionalBase);
}

void Document::setScore(attn::ScoreKind score)
{
    attn::Session s = m_session;
    s.score = score;
    pushSession(tr("Score: %1").arg(kindName(score)), std::move(s));
}

void Document::setTemperature(attn::Real temperature, int gestureId)
{
    if (!(temperature > 0) || !std::isfinite(temperature))
        return;
    attn::Session s = m_session;
    s.temperature = temperature;
    pushSession(tr("Temperature %1").arg(temperature), std::move(s), gestureId, kTemperature);
}

void Document::setMaskKind(attn::MaskKind kind)
{
    attn::Session s = m_session;
    s.mask.kind = kind;
    if (kind == attn::MaskKind::Custom && s.mask.custom.rows() != s.n())
        s.mask.custom = attn::buildMask(m_session); // start from what the user sees now
    pushSession(tr("Mask: %1").arg(kindName(kind)), std::move(s));
}

void Document::setMaskRadius(int radius, int gestureId)
{
    if (radius < 0)
        return;
    attn::Session s = m_session;
    s.mask.radius = radius;
    pushSession(tr("Mask radius %1").arg(radius), std::move(s), gestureId, kMaskRadius);
}

void Document::toggleMaskCell(int query, int key)
{
    if (query < 0 || key < 0 || query >= m_session.n() || key >= m_session.n())
        return;
    attn::Session s = m_session;
    if (s.mask.kind != attn::MaskKind::Custom) {
        s.mask.custom = attn::buildMask(m_session);
        s.mask.kind = attn::MaskKind::Custom;
    }
    s.mask.custom(query, key) = s.mask.custom(query, key) ? 0 : 1;
    pushSession(tr("Toggle mask cell (%1, %2)").arg(query + 1).arg(key + 1), std::move(s));
}

void Document::setNormalizer(attn::NormalizerKind normalizer)
{
    attn::Session s = m_session;
    s.normalizer = normalizer;
    pushSession(tr("Normalizer: %1").arg(kindName(normalizer)), std::move(s));
}

void Document::setCell(attn::MatrixRef ref, int row, int col, attn::Real value, int gestureId)
{
    if (m_model) {
        if (const auto modelRef = attn::modelRef(ref, m_block))
            setModelCell(*modelRef, row, col, value, gestureId);
        return;
    }
    const bool perHead = ref.kind == attn::MatrixKind::WQ || ref.kind == attn::MatrixKind::WK ||
                         ref.kind == attn::MatrixKind::WV;
    if (perHead && (ref.head < 0 || ref.head >= m_session.heads))
        return;
    const attn::Matrix& m = attn::matrixOf(m_session, ref);
    if (row < 0 || col < 0 || row >= m.rows() || col >= m.cols() || !std::isfinite(value))
        return;
    const attn::Real before = m(row, col);
    if (before == value)
        return;
    auto* command = new SetCellCommand(this, ref, row, col, before, value, gestureId);
    command->setText(tr("Edit %1 (%2, %3)").arg(matrixName(ref)).arg(row + 1).arg(col + 1));
    m_undoStack->push(command);
}

void Document::reinitialise(attn::MatrixRef ref, attn::InitKind kind)
{
    if (m_model)
        return; // a model's weights are edited cell by cell (the weights panel hides these)
    attn::Session s = m_session;
    attn::matrixOf(s, ref) = attn::initialMatrix(s, ref, kind);
    pushSession(tr("Re-initialise %1 (%2)").arg(matrixName(ref), kindName(kind)), std::move(s));
}

void Document::applyChange(const attn::SessionDiff& change, bool forward, Changes changes)
{
    const auto step = [&](bool ahead) {
        if (ahead)
            change.apply(m_session);
        else
            change.revert(m_session);
    };
    step(forward);
    if (runsInBackground(m_session) && !m_shown) {
        // The views keep the session before the change until its pass is ready: step back
        // for the copy they show (only the changed fields are copied twice).
        step(!forward);
        holdShownSession();
        step(forward);
    }
    recompute(changes | Values);
}

void Document::applyCell(attn::MatrixRef ref, int row, int col, attn::Real value)
{
    attn::Real& cell = attn::matrixOf(m_session, ref)(row, col);
    const attn::Real before = cell;
    cell = value;
    if (m_shown) {
        // The shown pass is not of the session before this edit: the background pass
        // takes this edit along.
        recompute(Values);
        return;
    }
    const bool large = runsInBackground(m_session);
    // A small session's exact update is cheap enough for every step of a scrub; a large
    // one's one-head update may differ in the last bits, and the exact pass follows when
    // the edits pause, so that undo returns exactly to the numbers shown before.
    switch (attn::updateAfterCellEdit(m_session, m_result, ref, row, col, large)) {
    case attn::CellUpdate::NeedsFullPass:
        if (large) {
            // The views keep the session before this edit, which their pass is of.
            cell = before;
            holdShownSession();
            cell = value;
        }
        recompute(Values);
        return;
    case attn::CellUpdate::Approximate:
        ++m_generation; // a pass still running for the session before is stale now
        m_approximate = true;
        m_exactTimer->start();
        break;
    case attn::CellUpdate::Exact:
        ++m_generation;
        break;
    }
    emit changed(Values);
    emit edited();
}

bool Document::runsInBackground(const attn::Session& s) const
{
    return attn::passFlops(s) >= m_backgroundFlops;
}

void Document::holdShownSession()
{
    if (m_shown)
        return;
    m_shown = std::make_unique<const attn::Session>(m_session);
    emit computingChanged(true);
}

void Document::recompute(Changes changes)
{
    ++m_generation;
    m_exactTimer->stop();
    if (m_shown && runsInBackground(m_session)) {
        m_pendingChanges |= changes;
        startJob();
    } else {
        publish(attn::forward(m_session), changes | m_pendingChanges);
    }
    emit edited();
}

void Document::publish(attn::ForwardResult result, Changes changes)
{
    const attn::Session& before = session();
    if (before.n() != m_session.n() || before.dModel != m_session.dModel ||
        before.heads != m_session.heads)
        changes |= Structure;
    m_result = std::move(result);
    m_approximate = false;
    const bool wasComputing = m_shown != nullptr;
    m_shown.reset();
    m_pendingChanges = {};
    emit changed(changes | Values);
    if (wasComputing)
        emit computingChanged(false);
}

void Document::startJob()
{
    if (m_jobGeneration != 0)
        return; // one pass at a time: jobFinished() starts the next if this one is stale
    m_jobGeneration = m_generation;
    m_job->setFuture(QtConcurrent::run([session = m_session, generation = m_generation] {
        Job job;
        job.generation = generation;
        try {
            job.result = attn::forward(session);
        } catch (const std::exception& e) { // out of memory at the largest sizes
            job.error = e.what();
        }
        return job;
    }));
}

void Document::jobFinished()
{
    if (m_jobGeneration == 0 || !m_job->isFinished())
        return; // already handled by waitUntilComputed()
    m_jobGeneration = 0;
    // Moved out, not copied: at 2048 tokens a pass is 400 MB, and a copy would double
    // the peak until the future let go of it.
    Job job = m_job->future().takeResult();
    m_job->setFuture(QFuture<Job>());
    if (job.generation != m_generation) {
        if (m_shown)
            startJob(); // stale: compute the latest edits instead
        else if (m_approximate && !m_exactTimer->isActive())
            m_exactTimer->start();
        return;
    }
    if (!job.error.empty()) {
        // The views keep the last pass they showed; the next edit tries again.
        m_failedGeneration = job.generation;
        qWarning("AttnViz: the pass could not be computed: %s", job.error.c_str());
        return;
    }
    publish(std::move(job.result), m_pendingChanges);
}

void Document::dropBackgroundPass()
{
    const bool wasComputing = m_shown != nullptr;
    m_exactTimer->stop();
    m_approximate = false;
    m_shown.reset();
    ++m_generation;
    m_job->waitForFinished();
    jobFinished();
    if (wasComputing)
        emit computingChanged(false);
}

void Document::waitUntilComputed()
{
    if (m_modelJobGeneration != 0) {
        m_modelJob->waitForFinished();
        modelJobFinished();
    }
    for (;;) {
        if (m_jobGeneration == 0) {
            if ((!m_shown && !m_approximate) || m_failedGeneration == m_generation)
                return;
            m_exactTimer->stop();
            startJob();
        }
        m_job->waitForFinished();
        jobFinished();
    }
}

} // namespace av

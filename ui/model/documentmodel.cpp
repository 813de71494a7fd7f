// Document's whole-transformer half (session v2): the model, its pass, the selected
// block and the edits of the model. The v1 half is document.cpp.

#include "attentionview.h"
#include "bpetokenizer.h"
#include "document.h"
#include "modelcommands.h"
#include "modelforward.h"
#include "modelreference.h"
#include "modelwriter.h"
#include "names.h"
#include "sessionerror.h"
#include "sessionwriter.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>

namespace av {
namespace {

ModelInputs inputsOf(const attn::Model& m)
{
    return {m.settings.tokens, m.text, m.ablate, m.crossAblate,
            m.hasEncoder() ? m.encoder.front().ablate : std::vector<std::pair<int, int>>()};
}

/// Which setting a model edit changes: only edits of the same setting merge.
enum ModelSetting
{
    kLayers = 100,
    kFfnWidth,
    kTextMerge
};

} // namespace

void Document::setBlock(int block)
{
    if (!m_model)
        return;
    block = std::clamp(block, 0, m_model->layerCount() - 1);
    if (block == m_block)
        return;
    m_block = block;
    showBlock();
    emit changed(Values | Structure);
}

attn::AnySession Document::latest() const
{
    if (m_model)
        return *m_model;
    return m_session;
}

std::string Document::fileText(const attn::AnySession& session, const QString& path)
{
    if (const auto* model = std::get_if<attn::Model>(&session))
        return model->folder.empty()
                   ? attn::writeModelSession(*model)
                   : attn::writeModelReference(
                         *model, QFile::encodeName(QFileInfo(path).absolutePath()).toStdString());
    return attn::writeSession(std::get<attn::Session>(session));
}

void Document::reset(const attn::AnySession& session, const QString& filePath)
{
    if (const auto* model = std::get_if<attn::Model>(&session))
        reset(*model, filePath);
    else
        reset(std::get<attn::Session>(session), filePath);
}

void Document::reset(const attn::Model& model, const QString& filePath)
{
    emit replacing();
    m_previewBase.reset();
    dropModelPass();
    dropBackgroundPass();
    if (model.folder.empty())
        m_tokenizer.reset();
    else if (!m_tokenizer || !m_model || m_model->folder != model.folder) {
        m_tokenizer.reset();
        try {
            m_tokenizer = std::make_shared<const attn::BpeTokenizer>(
                attn::BpeTokenizer::fromFolder(model.folder));
        } catch (const attn::SessionError&) { // the folder has gone: its tokens stay as they are
        }
    }
    m_model = model;
    m_filePath = filePath;
    m_block = 0;
    m_modelResult = attn::forwardModel(*m_model);
    showBlock();
    ++m_generation;
    emit changed(Values | Structure);
    emit edited();
    m_undoStack->clear();
    m_undoStack->setClean();
    emit changed(File);
}

void Document::showBlock()
{
    attn::AttentionView view = attn::attentionView(*m_model, m_modelResult, m_block);
    m_session = std::move(view.session);
    // Every view shows a GPT-2 token as its text, not its byte-level spelling ("Ġworld").
    if (!m_model->tokenText.empty())
        m_session.tokens = shownTokens(*m_model);
    m_result = std::move(view.result);
    m_approximate = false;
}

void Document::recomputeModel(int firstBlock, Changes changes, bool mayWait)
{
    stopModelJob(); // already stopped by the edit; a pass of the model before it is stale
    ++m_generation;
    m_pendingFirstBlock = std::min(m_pendingFirstBlock, std::max(firstBlock, -1));
    m_pendingChanges |= changes;
    if (!mayWait || attn::modelFlops(*m_model) < m_backgroundFlops) {
        if (m_pendingFirstBlock < 0)
            m_modelResult = attn::forwardModel(*m_model);
        else
            attn::recomputeFrom(*m_model, m_modelResult, m_pendingFirstBlock);
        publishModel();
    } else {
        startModelJob();
    }
    emit edited();
}

void Document::publishModel()
{
    showBlock();
    const Changes changes = m_pendingChanges | Values;
    m_pendingChanges = {};
    m_pendingFirstBlock = std::numeric_limits<int>::max();
    const bool wasComputing = m_modelComputing;
    m_modelComputing = false;
    emit changed(changes);
    if (wasComputing)
        emit computingChanged(false);
}

void Document::startModelJob()
{
    if (!m_modelComputing) {
        m_modelComputing = true;
        emit computingChanged(true);
    }
    m_cancelModelJob = false;
    m_modelJobGeneration = m_generation;
    // The worker reads m_model and m_modelResult in place: neither changes before
    // stopModelJob() or modelJobFinished(), and the GUI thread only reads them meanwhile.
    m_modelJob->setFuture(
        QtConcurrent::run([this, generation = m_generation, first = m_pendingFirstBlock] {
            ModelJob job;
            job.generation = generation;
            job.firstBlock = first;
            try {
                job.finished = attn::recomputeTail(*m_model, m_modelResult, first, job.tail,
                                                   &m_cancelModelJob);
            } catch (const std::exception& e) { // out of memory at the largest sizes
                job.error = e.what();
            }
            return job;
        }));
}

void Document::stopModelJob()
{
    if (m_modelJobGeneration == 0)
        return;
    m_cancelModelJob = true;
    m_modelJob->waitForFinished();
    m_modelJobGeneration = 0;
    m_modelJob->setFuture(QFuture<ModelJob>()); // lets go of the unfinished tail
}

void Document::dropModelPass()
{
    stopModelJob();
    m_pendingFirstBlock = std::numeric_limits<int>::max();
    if (m_modelComputing) {
        m_modelComputing = false;
        emit computingChanged(false);
    }
}

void Document::modelJobFinished()
{
    if (m_modelJobGeneration == 0 || !m_modelJob->isFinished())
        return; // stopped, or already handled by waitUntilComputed()
    m_modelJobGeneration = 0;
    ModelJob job = m_modelJob->future().takeResult();
    m_modelJob->setFuture(QFuture<ModelJob>());
    if (!job.error.empty() || !job.finished || job.generation != m_generation) {
        // The views keep the pass they show; the next edit tries again.
        if (!job.error.empty())
            qWarning("AttnViz: the model's pass could not be computed: %s", job.error.c_str());
        m_modelComputing = false;
        emit computingChanged(false);
        return;
    }
    attn::spliceTail(m_modelResult, std::move(job.tail), job.firstBlock);
    publishModel();
}

void Document::pushModel(const QString& text, attn::Model after, int firstBlock, int gestureId,
                         int mergeKind)
{
    if (m_previewBase) { // `after` was made from weights that are being trained
        emit refused(tr("Pause the training run first: this edit changes the whole model."));
        return;
    }
    try {
        attn::validate(after);
    } catch (const attn::SessionError& e) {
        emit refused(QString::fromStdString(e.what()));
        return;
    }
    m_undoStack->push(new SetModelCommand(this, text, *m_model, std::move(after), firstBlock,
                                          gestureId, mergeKind));
}

void Document::previewModel(const attn::Model& model)
{
    if (!m_model)
        return;
    stopModelJob();
    const bool structural =
        model.n() != m_model->n() || model.layerCount() != m_model->layerCount();
    if (!m_previewBase)
        m_previewBase = std::move(*m_model);
    m_model = model;
    recomputeModel(-1, structural ? Changes(Values | Structure) : Changes(Values), false);
}

void Document::commitModel(const QString& text, const attn::Model& before, attn::Model after)
{
    if (!m_model)
        return;
    try {
        attn::validate(after);
    } catch (const attn::SessionError& e) {
        emit refused(QString::fromStdString(e.what()));
        endPreview();
        m_model = before;
        recomputeModel(-1, Changes(Values | Structure), false);
        return;
    }
    stopModelJob();
    m_previewBase.reset();
    m_model = before; // the command's before; its redo shows after at once
    m_undoStack->push(new SetModelCommand(this, text, before, std::move(after), -1, 0, 0));
}

void Document::replaceModel(const QString& text, attn::Model model)
{
    if (m_model) {
        pushModel(text, std::move(model), -1);
        return;
    }
    reset(model); // a v1 session has no model command to undo into: a new document
}

void Document::pushModelInputs(const QString& text, ModelInputs after, int firstBlock,
                               int gestureId, int mergeKind)
{
    ModelInputs before = inputsOf(*m_model);
    if (after == before)
        return;
    m_undoStack->push(new SetModelInputsCommand(this, text, std::move(before), std::move(after),
                                                firstBlock, gestureId, mergeKind));
}

void Document::endPreview()
{
    if (!m_previewBase)
        return;
    m_model = std::move(*m_previewBase);
    m_previewBase.reset();
}

void Document::applyModel(const ModelInputs& inputs, int firstBlock)
{
    stopModelJob();
    if (m_previewBase)
        firstBlock = -1; // every weight goes back to the model before the preview
    endPreview();
    const bool structural = inputs.tokens.size() != m_model->settings.tokens.size();
    m_model->settings.tokens = inputs.tokens;
    m_model->text = inputs.text;
    m_model->ablate = inputs.ablate;
    m_model->crossAblate = inputs.crossAblate;
    if (m_model->hasEncoder())
        m_model->encoder.front().ablate = inputs.encoderAblate;
    if (!structural && firstBlock >= 0) {
        recomputeModel(firstBlock, Values, true);
        return;
    }
    recomputeModel(-1, structural ? Changes(Values | Structure) : Changes(Values), !structural);
}

void Document::applyModel(const attn::Model& model, int firstBlock)
{
    stopModelJob();
    if (m_previewBase)
        firstBlock = -1; // the pass before is of the previewed weights
    endPreview();
    const bool structural = model.n() != m_model->n() ||
                            model.layerCount() != m_model->layerCount() ||
                            model.vocabularySize() != m_model->vocabularySize();
    const bool sameShape = !structural && model.layers.size() == m_model->layers.size();
    m_model = model;
    m_block = std::min(m_block, m_model->layerCount() - 1);
    // At once: the views must not read the new model's shape with the old pass.
    recomputeModel(sameShape && firstBlock > 0 ? firstBlock : -1,
                   structural ? Changes(Values | Structure) : Changes(Values), false);
}

void Document::setModelCell(attn::ModelMatrixRef ref, int row, int col, attn::Real value,
                            int gestureId)
{
    if (!m_model || !attn::hasMatrix(*m_model, ref) || !std::isfinite(value))
        return;
    // While a training run is previewed the edit is of the weights before it (endPreview).
    const attn::ConstMatrixMap m =
        attn::modelMatrix(m_previewBase ? *m_previewBase : std::as_const(*m_model), ref);
    if (row < 0 || col < 0 || row >= m.rows() || col >= m.cols())
        return;
    const attn::Real before = m(row, col);
    if (before == value)
        return;
    auto* command = new SetModelCellCommand(this, ref, row, col, before, value, gestureId);
    command->setText(tr("Edit %1 (%2, %3)").arg(modelMatrixName(ref)).arg(row + 1).arg(col + 1));
    m_undoStack->push(command);
}

void Document::applyModelCell(attn::ModelMatrixRef ref, int row, int col, attn::Real value)
{
    stopModelJob();
    const bool previewed = m_previewBase.has_value();
    endPreview();
    attn::modelMatrix(*m_model, ref)(row, col) = value;
    recomputeModel(previewed ? -1 : attn::firstBlockChanged(*m_model, ref), Values, true);
}

bool Document::isAblated(int block, int head, Heads heads) const
{
    if (!m_model || (heads != Heads::Self && !m_model->hasEncoder()))
        return false;
    if (heads == Heads::Cross)
        return m_model->isCrossAblated(block, head);
    return (heads == Heads::Encoder ? m_model->encoder.front() : *m_model).isAblated(block, head);
}

void Document::setAblated(int block, int head, bool off, Heads heads)
{
    if (!m_model || (heads != Heads::Self && !m_model->hasEncoder()))
        return;
    const attn::Model& m = heads == Heads::Encoder ? m_model->encoder.front() : *m_model;
    if (block < 0 || block >= m.layerCount() || head < 0 || head >= m.heads() ||
        isAblated(block, head, heads) == off)
        return;
    const QString what = heads == Heads::Cross     ? tr("cross-attention block %1 head %2")
                         : heads == Heads::Encoder ? tr("encoder block %1 head %2")
                                                   : tr("block %1 head %2");
    const QString text =
        (off ? tr("Switch off %1") : tr("Switch on %1")).arg(what.arg(block + 1).arg(head + 1));
    ModelInputs after = inputsOf(*m_model);
    auto& pairs = heads == Heads::Cross     ? after.crossAblate
                  : heads == Heads::Encoder ? after.encoderAblate
                                            : after.ablate;
    pairs = attn::withAblation(std::move(pairs), block, head, off);
    // The encoder's output feeds every decoder block: its heads recompute the whole pass.
    pushModelInputs(text, std::move(after), heads == Heads::Encoder ? -1 : block);
}

void Document::setLayerCount(int layers, int gestureId)
{
    if (!m_model || layers < 1 || layers > attn::kMaxLayers || layers == m_model->layerCount())
        return;
    pushModel(tr("Blocks: %1").arg(layers), attn::withLayerCount(*m_model, layers),
              std::min(layers, m_model->layerCount()), gestureId, kLayers);
}

void Document::setNorm(attn::NormPlacement norm)
{
    if (!m_model)
        return;
    pushModel(tr("Norm: %1").arg(kindName(norm)), attn::withNorm(*m_model, norm), 0);
}

void Document::setFfnWidth(int dFf, int gestureId)
{
    if (!m_model || dFf < 0)
        return;
    const auto& ffn = m_model->layers.front().ffn;
    if ((ffn ? ffn->width() : 0) == dFf)
        return;
    const QString text = dFf == 0 ? tr("No feed-forward network") : tr("FFN width %1").arg(dFf);
    pushModel(text, attn::withFfnWidth(*m_model, dFf), 0, gestureId, kFfnWidth);
}

void Document::setActivation(attn::Activation activation)
{
    if (!m_model)
        return;
    pushModel(tr("Activation: %1").arg(kindName(activation)),
              attn::withActivation(*m_model, activation), 0);
}

void Document::setResidual(bool residual)
{
    if (!m_model)
        return;
    pushModel(residual ? tr("Residual on") : tr("Residual off"),
              attn::withResidual(*m_model, residual), 0);
}

int Document::maxTokens() const
{
    if (m_model && m_model->settings.positional.kind == attn::PeKind::Learned)
        return std::min<int>(attn::kMaxTokens, static_cast<int>(m_model->learnedPositions.rows()));
    return attn::kMaxTokens;
}

bool Document::setText(const QString& text, int gestureId)
{
    if (!hasModelFolder())
        return true;
    if (!m_tokenizer) {
        emit refused(tr("%1: the model folder's tokeniser cannot be read any more; the text "
                        "stays as it was")
                         .arg(QString::fromStdString(m_model->folder)));
        return true;
    }
    ModelInputs after = inputsOf(*m_model);
    bool whole = true;
    try {
        const std::vector<int> ids = m_tokenizer->encode(text.toStdString());
        whole = ids.size() <= static_cast<std::size_t>(maxTokens());
        after.tokens.clear();
        for (std::size_t i = 0; i < ids.size() && i < static_cast<std::size_t>(maxTokens()); ++i)
            after.tokens.push_back(m_tokenizer->piece(ids[i]));
    } catch (const attn::SessionError& e) {
        emit refused(QString::fromStdString(e.what()));
        return true;
    }
    after.text = text.toStdString();
    pushModelInputs(tr("Edit text"), std::move(after), -1, gestureId, kTextMerge);
    return whole;
}

} // namespace av

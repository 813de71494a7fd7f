#pragma once
// The one document: the session, the pass computed from it, and the undo stack through
// which every edit goes. Views listen to changed() and show; they never compute.

#include "attention.h"
#include "initializers.h"
#include "model.h"
#include "modeledit.h"
#include "modelreader.h"
#include "modelresult.h"
#include "session.h"
#include "sessionedit.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>

class QTimer;
class QUndoStack;
template <typename T> class QFutureWatcher;

namespace attn {
class SessionDiff;
}

namespace attn {
class BpeTokenizer;
}

namespace av {

/// What of a model an edit of its text or ablations changes: an undo step keeps these, not
/// the model (a checkpoint's weights are a gigabyte).
struct ModelInputs
{
    std::vector<std::string> tokens; ///< the model's spelling (GPT-2's byte-level pieces)
    std::string text;                ///< a model folder's text
    std::vector<std::pair<int, int>> ablate;
    std::vector<std::pair<int, int>> crossAblate;   ///< an encoder–decoder's cross-attention
    std::vector<std::pair<int, int>> encoderAblate; ///< its encoder's self-attention

    bool operator==(const ModelInputs&) const = default;
};

class Document : public QObject
{
    Q_OBJECT

public:
    enum Change
    {
        Values = 0x1,    ///< numbers changed, shapes did not
        Structure = 0x2, ///< n, d_model or heads changed: views re-lay themselves out
        File = 0x4,      ///< the file name or the saved state changed
    };
    Q_DECLARE_FLAGS(Changes, Change)
    /// Whether views of the pass have anything to redraw: not for the saved state alone,
    /// which changes at the first edit after a save (a large model's views take seconds).
    static bool redraws(Changes changes) { return changes & (Values | Structure); }

    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    /// The session result() was computed from: the latest edits, or, while a large pass
    /// still runs in the background (isComputing()), the session before them. Views show
    /// this pair, so that what they draw always fits together.
    const attn::Session& session() const { return m_shown ? *m_shown : m_session; }
    const attn::ForwardResult& result() const { return m_result; }
    /// Every edit so far, including those whose pass is still computing: what Save and
    /// the recovery file write. With a model open: the selected block's attention.
    const attn::Session& latestSession() const { return m_session; }

    // A whole transformer (session v2). While one is open, session() and result() are the
    // attention of the selected block (engine/attentionview.h), so that every v1 view
    // shows that block; the model's own views read model() and modelResult().
    bool hasModel() const { return m_model.has_value(); }
    const attn::Model& model() const { return *m_model; } ///< only when hasModel()
    const attn::ModelResult& modelResult() const { return m_modelResult; }
    /// The selected block, 0-based (0 without a model).
    int block() const { return m_block; }
    /// Selects a block: not an undo step. Emits changed(Values | Structure).
    void setBlock(int block);
    /// What Save and the recovery file write: the model, or the session.
    attn::AnySession latest() const;
    /// The file of a session to be written at path: a model opened from a folder writes a
    /// reference to it (relative to path's folder), not its weights. Throws
    /// attn::SessionError when such a model cannot be written so.
    static std::string fileText(const attn::AnySession& session, const QString& path);

    /// Passes of at least this many floating-point operations (8·n·d² + 4·n²·d) run off the
    /// GUI thread, and one-head edits of such sessions update the output incrementally
    /// until an exact pass replaces it a moment after the last edit.
    static constexpr double kBackgroundFlops = 5e7;
    void setBackgroundFlops(double flops) { m_backgroundFlops = flops; }
    double backgroundFlops() const { return m_backgroundFlops; }
    /// True while the views show an older session (or an older pass of the model) than the
    /// latest edits.
    bool isComputing() const { return m_shown != nullptr || m_modelComputing; }
    /// True while result().output came from an incremental one-head edit (within rounding
    /// of the exact pass, which follows a moment after the last edit).
    bool isApproximate() const { return m_approximate; }
    /// Blocks until result() is the exact pass of latestSession() (headless rendering).
    void waitUntilComputed();
    QUndoStack* undoStack() const { return m_undoStack; }
    /// positions × d_model: the sinusoidal encoding at the session's d_model and base,
    /// for the encoding's figures (which may show more positions than there are tokens). A
    /// learned encoding gives its own rows instead: at most as many as it has (a model's
    /// n_positions, a v1 session's tokens).
    attn::Matrix encodingPreview(int positions) const;

    QString filePath() const { return m_filePath; }
    /// The window title's name: the file's name, or the session's title when unsaved.
    QString displayName() const;
    bool isModified() const;

    /// Replaces everything (New, Open, a lesson). Clears the undo history.
    void reset(const attn::Session& session, const QString& filePath = {});
    void reset(const attn::Model& model, const QString& filePath = {});
    void reset(const attn::AnySession& session, const QString& filePath = {});
    /// Opens a session file, or a GPT-2 model folder (docs/gpt2.md) as a new, unsaved
    /// session. On failure the document is left exactly as it was and error names the file
    /// and the field.
    bool open(const QString& path, QString* error);
    /// Replaces everything with work that is saved nowhere yet (crash recovery): like
    /// reset(), but the document stays modified, and Save writes to filePath.
    void restore(const attn::AnySession& session, const QString& filePath);
    bool save(const QString& path, QString* error);

    /// A fresh id for a continuous gesture (a scrub, a held arrow, typing in a field): edits
    /// of the same setting (or cell) with the same id merge into one undo step, which goes
    /// when the gesture ends where it began. The only source of gesture ids: the editors ask
    /// here.
    int newGestureId();

    // Edits. Each pushes one undoable command when it changes something; those that can
    // be refused return a message saying why (and change nothing).
    void setTitle(const QString& title);
    void setTokens(const std::vector<std::string>& tokens, int gestureId = 0);
    /// A model opened from a GPT-2 folder: the text, tokenised by the folder's tokeniser (at
    /// most maxTokens() tokens are kept: returns false when the text had more). Emits
    /// refused for text that is not valid UTF-8, or when the folder's tokeniser is gone.
    bool setText(const QString& text, int gestureId = 0);
    /// A model opened from a GPT-2 folder (its text, sizes and settings are the folder's).
    bool hasModelFolder() const { return m_model && !m_model->folder.empty(); }
    /// True for a model opened from a GPT-2 folder: its text is tokenised with setText.
    bool hasTokenizer() const { return m_tokenizer != nullptr; }
    /// The most tokens the model takes (its positions); kMaxTokens without a learned encoding.
    int maxTokens() const;
    QString setDModel(int dModel, int gestureId = 0);
    QString setHeads(int heads, int gestureId = 0);
    void setSeed(std::uint64_t seed, int gestureId = 0);
    void setPositional(attn::PeKind kind);
    void setPositionalBase(attn::Real base, int gestureId = 0);
    void setScore(attn::ScoreKind score);
    void setTemperature(attn::Real temperature, int gestureId = 0);
    void setMaskKind(attn::MaskKind kind);
    void setMaskRadius(int radius, int gestureId = 0);
    void toggleMaskCell(int query, int key);
    void setNormalizer(attn::NormalizerKind normalizer);
    void setCell(attn::MatrixRef ref, int row, int col, attn::Real value, int gestureId = 0);
    void reinitialise(attn::MatrixRef ref, attn::InitKind kind);

    // Edits of a whole transformer; each is one undo step. Refused edits change nothing.
    void setModelCell(attn::ModelMatrixRef ref, int row, int col, attn::Real value,
                      int gestureId = 0);
    /// Switches a head off (its Z is 0) or on again: of the blocks' self-attention, their
    /// cross-attention or the encoder's self-attention (an encoder–decoder session).
    enum class Heads
    {
        Self,
        Cross,
        Encoder
    };
    void setAblated(int block, int head, bool off, Heads heads = Heads::Self);
    /// Whether that head is switched off (false without a model or an encoder to have it).
    bool isAblated(int block, int head, Heads heads = Heads::Self) const;
    void setLayerCount(int layers, int gestureId = 0);
    void setNorm(attn::NormPlacement norm);
    void setFfnWidth(int dFf, int gestureId = 0);
    void setActivation(attn::Activation activation);
    void setResidual(bool residual);

    // A training run (ui/model/trainrun.h). While it runs the views show its weights as they
    /// are now, no undo step each; when it stops, the whole run becomes one undo step.
    /// Shows `model` (the open model's shape, new weights): not an undo step. The model
    /// before the first preview is kept: an edit, undo or redo while previewing applies to
    /// it (the preview ends), so that the history stays that of the weights it holds.
    void previewModel(const attn::Model& model);
    /// One undo step from `before` (the model when the run began) to `after`; undo shows
    /// `before` again. Refused (a message, nothing changed) when after is invalid.
    void commitModel(const QString& text, const attn::Model& before, attn::Model after);
    /// Replaces the open model (or session) by `model`, of any shape: one undo step.
    void replaceModel(const QString& text, attn::Model model);

    // Used by the undo commands only.
    /// Steps latestSession() through change: forward from its before to its after, or back.
    void applyChange(const attn::SessionDiff& change, bool forward, Changes changes);
    void applyCell(attn::MatrixRef ref, int row, int col, attn::Real value);
    void applyModelCell(attn::ModelMatrixRef ref, int row, int col, attn::Real value);
    void applyModel(const attn::Model& model, int firstBlock);
    void applyModel(const ModelInputs& inputs, int firstBlock);

signals:
    /// session() and result() changed (always together), or the file name or saved state.
    void changed(av::Document::Changes changes);
    /// latestSession() changed: an edit, undo or redo, even before its pass is shown.
    void edited();
    /// A background pass started or ended keeping the views behind the latest edits.
    void computingChanged(bool computing);
    /// An edit was refused (a token not in the model's vocabulary, …): the message says why.
    void refused(const QString& message);
    /// Everything is about to be replaced (New, Open, a lesson, recovery).
    void replacing();

private:
    struct Job;
    /// A model's pass on a worker thread: what recomputeTail() gave for the edit `generation`.
    struct ModelJob
    {
        std::uint64_t generation = 0;
        int firstBlock = -1;
        bool finished = false; ///< false: cancelled by a newer edit, or failed (error)
        attn::ModelResult tail;
        std::string error;
    };
    void pushSession(const QString& text, attn::Session after, int gestureId = 0,
                     int mergeKind = 0);
    bool runsInBackground(const attn::Session& session) const;
    /// Keeps the session the views show, before m_session changes under a background pass.
    void holdShownSession();
    /// The full pass of m_session: at once, or in the background for a large session.
    void recompute(Changes changes);
    void publish(attn::ForwardResult result, Changes changes);
    void startJob();
    void jobFinished();
    /// A v1 pass still running is of a session that is being replaced: made stale, waited
    /// for and let go of.
    void dropBackgroundPass();
    void pushModel(const QString& text, attn::Model after, int firstBlock, int gestureId = 0,
                   int mergeKind = 0);
    void pushModelInputs(const QString& text, ModelInputs after, int firstBlock, int gestureId = 0,
                         int mergeKind = 0);
    /// session() and result() from the selected block of the model and its pass.
    void showBlock();
    /// The model's pass again from block firstBlock (−1: from its input), then the selected
    /// block shown: at once, or for a large model when mayWait, on a worker thread while the
    /// views keep the pass before (Computing…). mayWait only for a change of values: the
    /// views read the model and its pass together, and their shapes must agree.
    void recomputeModel(int firstBlock, Changes changes, bool mayWait);
    void startModelJob();
    void modelJobFinished();
    /// Cancels the model's pass on the worker and waits for it (at most a block's time):
    /// called before m_model changes, which the worker reads. What it was to show stays
    /// pending, for the next pass.
    void stopModelJob();
    /// The model is being replaced: its pass on the worker, and what it was to show, go.
    void dropModelPass();
    /// The pass of every pending edit is in m_modelResult: the views are told.
    void publishModel();
    /// A preview ends: the model before it is the model again (not recomputed here).
    void endPreview();

    attn::Session m_session;
    std::optional<attn::Model> m_previewBase;     ///< the model before previewModel() began
    std::unique_ptr<const attn::Session> m_shown; ///< set while a background pass catches up
    attn::ForwardResult m_result;
    QUndoStack* m_undoStack;
    QString m_filePath;
    int m_lastGestureId = 0;

    double m_backgroundFlops = kBackgroundFlops;
    std::uint64_t m_generation = 0;       ///< counts edits: a pass of an older one is stale
    std::uint64_t m_jobGeneration = 0;    ///< the running pass's edit, 0 when none runs
    std::uint64_t m_failedGeneration = 0; ///< the edit whose pass threw (out of memory)
    QFutureWatcher<Job>* m_job;
    QTimer* m_exactTimer;       ///< runs the exact pass after incremental one-head edits
    bool m_approximate = false; ///< result().output came from attn::updateHead
    Changes m_pendingChanges;   ///< what the views will be told when the pass is shown

    std::optional<attn::Model> m_model; ///< set while a v2 session is open
    /// The model folder's tokeniser (GPT-2's BPE), shared by the undo steps' models.
    std::shared_ptr<const attn::BpeTokenizer> m_tokenizer;
    attn::ModelResult m_modelResult;
    int m_block = 0;
    QFutureWatcher<ModelJob>* m_modelJob;
    std::atomic<bool> m_cancelModelJob{false};
    std::uint64_t m_modelJobGeneration = 0; ///< the running model pass's edit, 0 when none
    bool m_modelComputing = false;          ///< the views show a pass older than m_model
    /// The first block the edits not yet shown changed (−1: the input; INT_MAX: none).
    int m_pendingFirstBlock = std::numeric_limits<int>::max();
};

} // namespace av

Q_DECLARE_OPERATORS_FOR_FLAGS(av::Document::Changes)

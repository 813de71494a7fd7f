#pragma once
// The one document: the session, the pass computed from it, and the undo stack through
// which every edit goes. Views listen to changed() and show; they never compute.

#include "attention.h"
#include "initializers.h"
#include "session.h"
#include "sessionedit.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace av {

class Document : public QObject
{
    Q_OBJECT

public:
    enum Change {
        Values = 0x1,    ///< numbers changed, shapes did not
        Structure = 0x2, ///< n, d_model or heads changed: views re-lay themselves out
        File = 0x4,      ///< the file name or the saved state changed
    };
    Q_DECLARE_FLAGS(Changes, Change)

    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const attn::Session& session() const { return m_session; }
    const attn::ForwardResult& result() const { return m_result; }
    QUndoStack* undoStack() const { return m_undoStack; }
    /// positions × d_model: the sinusoidal encoding at the session's d_model and base,
    /// for the encoding's figures (which may show more positions than there are tokens).
    attn::Matrix encodingPreview(int positions) const;

    QString filePath() const { return m_filePath; }
    /// The window title's name: the file's name, or the session's title when unsaved.
    QString displayName() const;
    bool isModified() const;

    /// Replaces everything (New, Open, a lesson). Clears the undo history.
    void reset(const attn::Session& session, const QString& filePath = {});
    /// Opens a session file. On failure the document is left exactly as it was and
    /// error names the file and the field.
    bool open(const QString& path, QString* error);
    /// Replaces everything with work that is saved nowhere yet (crash recovery): like
    /// reset(), but the document stays modified, and Save writes to filePath.
    void restore(const attn::Session& session, const QString& filePath);
    bool save(const QString& path, QString* error);

    /// A fresh id for a continuous gesture (a scrub, a slider drag, typing in a field):
    /// edits with the same id merge into one undo step.
    int newGestureId();

    // Edits. Each pushes one undoable command when it changes something; those that can
    // be refused return a message saying why (and change nothing).
    void setTitle(const QString& title);
    void setTokens(const std::vector<std::string>& tokens, int gestureId = 0);
    QString setDModel(int dModel);
    QString setHeads(int heads);
    void setSeed(std::uint64_t seed);
    void setPositional(attn::PeKind kind);
    void setPositionalBase(attn::Real base, int gestureId = 0);
    void setScore(attn::ScoreKind score);
    void setTemperature(attn::Real temperature, int gestureId = 0);
    void setMaskKind(attn::MaskKind kind);
    void setMaskRadius(int radius);
    void toggleMaskCell(int query, int key);
    void setNormalizer(attn::NormalizerKind normalizer);
    void setCell(attn::MatrixRef ref, int row, int col, attn::Real value, int gestureId = 0);
    void reinitialise(attn::MatrixRef ref, attn::InitKind kind);

    // Used by the undo commands only.
    void applySession(const attn::Session& session, Changes changes);
    void applyCell(attn::MatrixRef ref, int row, int col, attn::Real value);

signals:
    void changed(av::Document::Changes changes);

private:
    void pushSession(const QString& text, attn::Session after, int gestureId = 0, int mergeKind = 0);
    void recomputeAll();

    attn::Session m_session;
    attn::ForwardResult m_result;
    QUndoStack* m_undoStack;
    QString m_filePath;
    int m_lastGestureId = 0;
};

} // namespace av

Q_DECLARE_OPERATORS_FOR_FLAGS(av::Document::Changes)

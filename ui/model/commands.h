#pragma once
// The undo commands. Two kinds cover every edit: one cell of one matrix (cheap, merged
// while a gesture lasts), and a session change for everything else, which keeps only the
// fields that changed (attn::SessionDiff), not two whole sessions.

#include "document.h"
#include "sessiondiff.h"

#include <QUndoCommand>
#include <cstddef>

namespace av {

/// Merge ids: edits of the same kind with the same gesture id become one undo step.
enum MergeId
{
    kMergeCell = 1,
    kMergeSession = 2
};

class SetCellCommand : public QUndoCommand
{
public:
    SetCellCommand(Document* document, attn::MatrixRef ref, int row, int col, attn::Real before,
                   attn::Real after, int gestureId);
    void undo() override;
    void redo() override;
    int id() const override { return m_gestureId ? kMergeCell : -1; }
    /// Takes a later edit of the same cell in the same gesture; a gesture back where it
    /// began (Escape mid-scrub) makes the step obsolete, and QUndoStack drops it.
    bool mergeWith(const QUndoCommand* other) override;
    int gestureId() const { return m_gestureId; }
    std::size_t storedValues() const { return 2; }

private:
    Document* m_document;
    attn::MatrixRef m_ref;
    int m_row, m_col;
    attn::Real m_before, m_after;
    int m_gestureId;
};

class SetSessionCommand : public QUndoCommand
{
public:
    SetSessionCommand(Document* document, const QString& text, attn::SessionDiff change,
                      Document::Changes changes, int gestureId, int mergeKind);
    void undo() override;
    void redo() override;
    int id() const override { return m_gestureId ? kMergeSession : -1; }
    /// Takes a later edit of the same setting in the same gesture; obsolete (dropped by
    /// QUndoStack) when the two cancel out.
    bool mergeWith(const QUndoCommand* other) override;
    int gestureId() const { return m_gestureId; }
    /// What the step keeps (attn::SessionDiff::storedValues): a few numbers for a setting,
    /// whole matrices only for those whose shape changed.
    std::size_t storedValues() const { return m_change.storedValues(); }

private:
    Document* m_document;
    attn::SessionDiff m_change;
    Document::Changes m_changes;
    int m_gestureId;
    int m_mergeKind; ///< which setting the gesture edits: only the same setting merges
};

} // namespace av

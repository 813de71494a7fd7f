#pragma once
// The undo commands. Two kinds cover every edit: one cell of one matrix (cheap, merged
// while a gesture lasts), and a whole-session change for everything else.

#include "document.h"

#include <QUndoCommand>

namespace av {

/// Merge ids: edits of the same kind with the same gesture id become one undo step.
enum MergeId { kMergeCell = 1, kMergeSession = 2 };

class SetCellCommand : public QUndoCommand
{
public:
    SetCellCommand(Document* document, attn::MatrixRef ref, int row, int col, attn::Real before,
                   attn::Real after, int gestureId);
    void undo() override;
    void redo() override;
    int id() const override { return m_gestureId ? kMergeCell : -1; }
    bool mergeWith(const QUndoCommand* other) override;

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
    SetSessionCommand(Document* document, const QString& text, attn::Session before,
                      attn::Session after, Document::Changes changes, int gestureId, int mergeKind);
    void undo() override;
    void redo() override;
    int id() const override { return m_gestureId ? kMergeSession : -1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* m_document;
    attn::Session m_before, m_after;
    Document::Changes m_changes;
    int m_gestureId;
    int m_mergeKind; ///< which setting the gesture edits: only the same setting merges
};

} // namespace av

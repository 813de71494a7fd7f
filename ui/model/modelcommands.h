#pragma once
// The undo commands of a whole transformer (session v2): one cell of one of its matrices
// (merged while a gesture lasts), the text and ablations (ModelInputs), and a model change
// for everything else, which keeps the model before and after. A lesson's model is small; a
// checkpoint's edits are cells, text and ablations.

#include "document.h"
#include "model.h"
#include "modeledit.h"

#include <QUndoCommand>

namespace av {

class SetModelCellCommand : public QUndoCommand
{
public:
    SetModelCellCommand(Document* document, attn::ModelMatrixRef ref, int row, int col,
                        attn::Real before, attn::Real after, int gestureId);
    void undo() override;
    void redo() override;
    int id() const override { return m_gestureId ? kMergeModelCell : -1; }
    /// Takes a later edit of the same cell in the same gesture; obsolete when back where it
    /// began.
    bool mergeWith(const QUndoCommand* other) override;

    static constexpr int kMergeModelCell = 3;

private:
    Document* m_document;
    attn::ModelMatrixRef m_ref;
    int m_row, m_col;
    attn::Real m_before, m_after;
    int m_gestureId;
};

class SetModelCommand : public QUndoCommand
{
public:
    /// firstBlock: the first block the change touches (the blocks before it are kept).
    SetModelCommand(Document* document, const QString& text, attn::Model before, attn::Model after,
                    int firstBlock, int gestureId, int mergeKind);
    void undo() override;
    void redo() override;
    int id() const override { return m_gestureId ? kMergeModel : -1; }
    bool mergeWith(const QUndoCommand* other) override;

    static constexpr int kMergeModel = 4;

private:
    Document* m_document;
    attn::Model m_before, m_after;
    int m_firstBlock;
    int m_gestureId;
    int m_mergeKind;
};

class SetModelInputsCommand : public QUndoCommand
{
public:
    /// firstBlock: the first block the change touches (−1: the whole pass).
    SetModelInputsCommand(Document* document, const QString& text, ModelInputs before,
                          ModelInputs after, int firstBlock, int gestureId, int mergeKind);
    void undo() override;
    void redo() override;
    int id() const override { return m_gestureId ? kMergeModelInputs : -1; }
    /// Takes a later edit of the same kind in the same gesture (typing).
    bool mergeWith(const QUndoCommand* other) override;

    static constexpr int kMergeModelInputs = 5;

private:
    Document* m_document;
    ModelInputs m_before, m_after;
    int m_firstBlock;
    int m_gestureId;
    int m_mergeKind;
};

} // namespace av

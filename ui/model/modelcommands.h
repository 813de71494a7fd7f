#pragma once
// The undo commands of a whole transformer (session v2): one cell of one of its matrices
// (merged while a gesture lasts), the text and ablations (ModelInputs), and a model change
// for everything else, which keeps the model before and after. A lesson's model is small; a
// checkpoint's edits are cells, text and ablations.

#include "document.h"
#include "model.h"
#include "modeledit.h"

#include <QUndoCommand>
#include <algorithm>
#include <concepts>
#include <type_traits>

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

/// A change of a model's State (the whole model, or its ModelInputs), keeping it before and
/// after; edits of the same kind in the same gesture merge (a held spin box, typing).
template <typename State>
class SetModelStateCommand : public QUndoCommand
{
public:
    /// firstBlock: the first block the change touches (the blocks before it are kept; −1:
    /// the whole pass).
    SetModelStateCommand(Document* document, const QString& text, State before, State after,
                         int firstBlock, int gestureId, int mergeKind)
        : QUndoCommand(text), m_document(document), m_before(std::move(before)),
          m_after(std::move(after)), m_firstBlock(firstBlock), m_gestureId(gestureId),
          m_mergeKind(mergeKind)
    {}
    void undo() override { m_document->applyModel(m_before, m_firstBlock); }
    void redo() override { m_document->applyModel(m_after, m_firstBlock); }
    int id() const override { return m_gestureId ? kMergeId : -1; }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const SetModelStateCommand*>(other);
        if (next->m_gestureId != m_gestureId || next->m_mergeKind != m_mergeKind)
            return false;
        m_after = next->m_after;
        m_firstBlock = std::min(m_firstBlock, next->m_firstBlock);
        setText(next->text());
        if constexpr (std::equality_comparable<State>) // a model is not compared: too large
            setObsolete(m_after == m_before);
        return true;
    }

    static constexpr int kMergeId = std::is_same_v<State, attn::Model> ? 4 : 5;

private:
    Document* m_document;
    State m_before, m_after;
    int m_firstBlock;
    int m_gestureId;
    int m_mergeKind;
};

using SetModelCommand = SetModelStateCommand<attn::Model>;
using SetModelInputsCommand = SetModelStateCommand<ModelInputs>;

} // namespace av

#include "modelcommands.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace av {

SetModelCellCommand::SetModelCellCommand(Document* document, attn::ModelMatrixRef ref, int row,
                                         int col, attn::Real before, attn::Real after,
                                         int gestureId)
    : m_document(document), m_ref(ref), m_row(row), m_col(col), m_before(before), m_after(after),
      m_gestureId(gestureId)
{}

void SetModelCellCommand::undo()
{
    m_document->applyModelCell(m_ref, m_row, m_col, m_before);
}

void SetModelCellCommand::redo()
{
    m_document->applyModelCell(m_ref, m_row, m_col, m_after);
}

bool SetModelCellCommand::mergeWith(const QUndoCommand* other)
{
    const auto* cell = static_cast<const SetModelCellCommand*>(other);
    if (cell->m_gestureId != m_gestureId || !(cell->m_ref == m_ref) || cell->m_row != m_row ||
        cell->m_col != m_col)
        return false;
    m_after = cell->m_after;
    setObsolete(std::bit_cast<std::uint64_t>(m_before) == std::bit_cast<std::uint64_t>(m_after));
    return true;
}

SetModelCommand::SetModelCommand(Document* document, const QString& text, attn::Model before,
                                 attn::Model after, int firstBlock, int gestureId, int mergeKind)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)),
      m_after(std::move(after)), m_firstBlock(firstBlock), m_gestureId(gestureId),
      m_mergeKind(mergeKind)
{}

void SetModelCommand::undo()
{
    m_document->applyModel(m_before, m_firstBlock);
}

void SetModelCommand::redo()
{
    m_document->applyModel(m_after, m_firstBlock);
}

bool SetModelCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const SetModelCommand*>(other);
    if (next->m_gestureId != m_gestureId || next->m_mergeKind != m_mergeKind)
        return false;
    m_after = next->m_after;
    m_firstBlock = std::min(m_firstBlock, next->m_firstBlock);
    setText(next->text());
    return true;
}

SetModelInputsCommand::SetModelInputsCommand(Document* document, const QString& text,
                                             ModelInputs before, ModelInputs after,
                                             int firstBlock, int gestureId, int mergeKind)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)),
      m_after(std::move(after)), m_firstBlock(firstBlock), m_gestureId(gestureId),
      m_mergeKind(mergeKind)
{}

void SetModelInputsCommand::undo()
{
    m_document->applyModelInputs(m_before, m_firstBlock);
}

void SetModelInputsCommand::redo()
{
    m_document->applyModelInputs(m_after, m_firstBlock);
}

bool SetModelInputsCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const SetModelInputsCommand*>(other);
    if (next->m_gestureId != m_gestureId || next->m_mergeKind != m_mergeKind)
        return false;
    m_after = next->m_after;
    m_firstBlock = std::min(m_firstBlock, next->m_firstBlock);
    setText(next->text());
    setObsolete(m_after == m_before);
    return true;
}

} // namespace av

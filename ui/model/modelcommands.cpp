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

} // namespace av

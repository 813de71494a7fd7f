#include "commands.h"

#include <bit>
#include <cstdint>

namespace av {

SetCellCommand::SetCellCommand(Document* document, attn::MatrixRef ref, int row, int col,
                               attn::Real before, attn::Real after, int gestureId)
    : m_document(document), m_ref(ref), m_row(row), m_col(col), m_before(before), m_after(after),
      m_gestureId(gestureId)
{}

void SetCellCommand::undo()
{
    m_document->applyCell(m_ref, m_row, m_col, m_before);
}

void SetCellCommand::redo()
{
    m_document->applyCell(m_ref, m_row, m_col, m_after);
}

bool SetCellCommand::mergeWith(const QUndoCommand* other)
{
    const auto* cell = static_cast<const SetCellCommand*>(other);
    if (cell->m_gestureId != m_gestureId || !(cell->m_ref == m_ref) || cell->m_row != m_row ||
        cell->m_col != m_col)
        return false;
    m_after = cell->m_after;
    // Bit for bit: a scrub from 0 that ends on -0.0 did change the cell.
    setObsolete(std::bit_cast<std::uint64_t>(m_before) == std::bit_cast<std::uint64_t>(m_after));
    return true;
}

SetSessionCommand::SetSessionCommand(Document* document, const QString& text,
                                     attn::SessionDiff change, Document::Changes changes,
                                     int gestureId, int mergeKind)
    : QUndoCommand(text), m_document(document), m_change(std::move(change)), m_changes(changes),
      m_gestureId(gestureId), m_mergeKind(mergeKind)
{}

void SetSessionCommand::undo()
{
    m_document->applyChange(m_change, false, m_changes);
}

void SetSessionCommand::redo()
{
    m_document->applyChange(m_change, true, m_changes);
}

bool SetSessionCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const SetSessionCommand*>(other);
    if (next->m_gestureId != m_gestureId || next->m_mergeKind != m_mergeKind)
        return false;
    m_change.append(next->m_change);
    m_changes |= next->m_changes;
    setText(next->text()); // "Temperature 1.5": the value the gesture ended on
    setObsolete(m_change.empty());
    return true;
}

} // namespace av

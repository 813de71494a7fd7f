#include "matrixselection.h"

#include "matrixmodel.h"

#include <QStringList>
#include <algorithm>

namespace av {

QString tabSeparated(const QModelIndexList& cells,
                     const std::function<double(const QModelIndex&)>& valueAt)
{
    if (cells.isEmpty())
        return {};
    int top = cells.front().row(), bottom = top;
    int left = cells.front().column(), right = left;
    for (const QModelIndex& cell : cells) {
        top = std::min(top, cell.row());
        bottom = std::max(bottom, cell.row());
        left = std::min(left, cell.column());
        right = std::max(right, cell.column());
    }
    QList<QStringList> grid(bottom - top + 1, QStringList(right - left + 1));
    for (const QModelIndex& cell : cells)
        grid[cell.row() - top][cell.column() - left] = formatExact(valueAt(cell));
    QStringList lines;
    lines.reserve(grid.size());
    for (const QStringList& row : grid)
        lines.append(row.join(u'\t'));
    return lines.join(u'\n') + u'\n';
}

} // namespace av

#pragma once
// A table's selected cells as text for the clipboard.

#include <QModelIndexList>
#include <QString>
#include <functional>

namespace av {

/// The bounding box of cells as tab-separated rows, each ended by a newline, every value at
/// full precision with '.' decimals (what spreadsheets and NumPy read back). Cells inside
/// the box but outside the selection stay empty; no cells give "".
QString tabSeparated(const QModelIndexList& cells,
                     const std::function<double(const QModelIndex&)>& valueAt);

} // namespace av

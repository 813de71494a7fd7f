#pragma once
// The table model behind a MatrixEditor: a copy of the matrix it was last given. It never
// changes a value itself (no setData): edits leave the editor as requests to the document.

#include "numberformat.h"
#include "types.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>

namespace av {

/// What a cell shows: 4 significant digits, on-screen signs ("0" for ±0, "−0.5", "−∞").
/// The edit text, Copy and CSV use formatExact() (numberformat.h).
inline QString formatShort(double value)
{
    return formatSignificant(value, 4);
}

/// The cell tint: white at 0, towards red for positive and blue for negative values,
/// intensity |value| / maxAbs (the largest |v| of the matrix). Grey for non-finite values.
QColor tintFor(double value, double maxAbs);

class MatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// The cell's value as a double (DisplayRole is the short text, EditRole the exact text).
    static constexpr int ValueRole = Qt::UserRole + 1;

    enum class Change
    {
        None,   ///< same values and labels
        Data,   ///< same shape: dataChanged (and headerDataChanged for new labels)
        Reshape ///< new shape: the model was reset
    };

    explicit MatrixModel(QObject* parent = nullptr);

    /// rows × cols values; rowLabels and colLabels name the rows and columns (missing
    /// entries show the index from 1, as every index on screen). With the shape unchanged only the
    /// changed cells are announced, so views keep their editor, selection and scroll position.
    Change setMatrix(const attn::Matrix& values, const QStringList& rowLabels,
                     const QStringList& colLabels);

    const attn::Matrix& matrix() const { return m_values; }
    double value(int row, int col) const { return m_values(row, col); }
    QString rowLabel(int row) const;
    QString columnLabel(int col) const;

    /// Read-only cells are not editable (flags) and their tooltip offers no gestures.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    attn::Matrix m_values;
    QStringList m_rowLabels;
    QStringList m_colLabels;
    double m_maxAbs = 0; ///< max |v| over the finite values, kept for tintFor()
    bool m_readOnly = false;
};

} // namespace av

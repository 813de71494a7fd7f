#include "matrixmodel.h"

#include <algorithm>
#include <cmath>

namespace av {
namespace {

double maxAbsFinite(const attn::Matrix& m)
{
    double result = 0;
    for (Eigen::Index i = 0; i < m.size(); ++i) {
        const double v = m.data()[i];
        if (std::isfinite(v))
            result = std::max(result, std::abs(v));
    }
    return result;
}

bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

QString label(const QStringList& labels, int section)
{
    return section < labels.size() ? labels[section] : QString::number(section + 1);
}

/// Relative luminance of an sRGB colour, 0 (black) to 1 (white), for picking the text colour.
double luminance(const QColor& c)
{
    const auto linear = [](double u) {
        return u <= 0.04045 ? u / 12.92 : std::pow((u + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

} // namespace

QColor tintFor(double value, double maxAbs)
{
    if (!std::isfinite(value))
        return QColor(0xd9, 0xd9, 0xd9);
    const double t = maxAbs > 0 ? std::min(std::abs(value) / maxAbs, 1.0) : 0.0;
    // The ends of ColorBrewer's RdBu, a diverging scale that reads in greyscale too.
    const QColor end = value > 0 ? QColor(0xb2, 0x18, 0x2b) : QColor(0x21, 0x66, 0xac);
    const auto mix = [t](int channel) { return qRound(255 + t * (channel - 255)); };
    return QColor(mix(end.red()), mix(end.green()), mix(end.blue()));
}

MatrixModel::MatrixModel(QObject* parent) : QAbstractTableModel(parent) {}

MatrixModel::Change MatrixModel::setMatrix(const attn::Matrix& values, const QStringList& rowLabels,
                                           const QStringList& colLabels)
{
    if (values.rows() != m_values.rows() || values.cols() != m_values.cols()) {
        beginResetModel();
        m_values = values;
        m_rowLabels = rowLabels;
        m_colLabels = colLabels;
        m_maxAbs = maxAbsFinite(values);
        endResetModel();
        return Change::Reshape;
    }

    Change change = Change::None;
    const int rows = rowCount();
    const int cols = columnCount();
    if (rowLabels != m_rowLabels && rows > 0) {
        m_rowLabels = rowLabels;
        emit headerDataChanged(Qt::Vertical, 0, rows - 1);
        change = Change::Data;
    }
    if (colLabels != m_colLabels && cols > 0) {
        m_colLabels = colLabels;
        emit headerDataChanged(Qt::Horizontal, 0, cols - 1);
        change = Change::Data;
    }

    // The bounding box of the changed cells: a scrub repaints one cell, not the table.
    int top = rows, left = cols, bottom = -1, right = -1;
    const double* next = values.data(); // both column-major, same shape
    const double* shown = m_values.data();
    for (int c = 0; c < cols; ++c) {
        for (int r = 0; r < rows; ++r, ++next, ++shown) {
            if (!sameValue(*next, *shown)) {
                top = std::min(top, r);
                bottom = std::max(bottom, r);
                left = std::min(left, c);
                right = std::max(right, c);
            }
        }
    }
    if (bottom < 0)
        return change;

    m_values = values;
    const double maxAbs = maxAbsFinite(values);
    if (maxAbs != m_maxAbs) { // every tint is relative to max |v|
        m_maxAbs = maxAbs;
        top = 0;
        left = 0;
        bottom = rows - 1;
        right = cols - 1;
    }
    emit dataChanged(index(top, left), index(bottom, right));
    return Change::Data;
}

QString MatrixModel::rowLabel(int row) const
{
    return label(m_rowLabels, row);
}

QString MatrixModel::columnLabel(int col) const
{
    return label(m_colLabels, col);
}

void MatrixModel::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    if (rowCount() > 0 && columnCount() > 0) // flags and tooltips changed
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int MatrixModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_values.rows());
}

int MatrixModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_values.cols());
}

QVariant MatrixModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const double v = m_values(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        return formatShort(v);
    case Qt::EditRole:
        return formatExact(v);
    case ValueRole:
        return v;
    case Qt::ToolTipRole: {
        QString tip =
            tr("%1, %2: %3").arg(rowLabel(index.row()), columnLabel(index.column()), formatFull(v));
        if (!m_readOnly)
            tip += u'\n' + tr("Type a value, drag up or down, or turn the wheel to change it "
                              "(Shift ×10, Ctrl ÷10).\nAlt+wheel scrolls the table.");
        return tip;
    }
    case Qt::BackgroundRole:
        return tintFor(v, m_maxAbs);
    case Qt::ForegroundRole:
        return luminance(tintFor(v, m_maxAbs)) < 0.3 ? QColor(Qt::white) : QColor(Qt::black);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return orientation == Qt::Vertical ? rowLabel(section) : columnLabel(section);
}

Qt::ItemFlags MatrixModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && !m_readOnly)
        f |= Qt::ItemIsEditable;
    return f;
}

} // namespace av

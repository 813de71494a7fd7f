#include "walk.h"

#include "numberformat.h"

#include <QStringList>

namespace av::walk {

QString sub(const QString& name, const QString& index)
{
    return name + QStringLiteral("<sub>%1</sub>").arg(index);
}
QString one(int index)
{
    return QString::number(index + 1);
}

QString vectorText(const attn::RowVector& v)
{
    QStringList parts;
    for (Eigen::Index k = 0; k < v.size(); ++k) {
        if (v.size() > kMaxListed && k == kMaxListed - 1) {
            parts << QStringLiteral("…") << formatFormula(v(v.size() - 1));
            break;
        }
        parts << formatFormula(v(k));
    }
    return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
}

QString productSum(const attn::RowVector& a, const attn::RowVector& b)
{
    QStringList terms;
    const Eigen::Index count = a.size();
    for (Eigen::Index k = 0; k < count; ++k) {
        if (count > kMaxListed && k == kMaxListed - 2) {
            terms << QStringLiteral("…");
            k = count - 1;
        }
        terms << QStringLiteral("%1 × %2").arg(formatFormula(a(k)), formatFormula(b(k)));
    }
    return terms.join(QStringLiteral(" + "));
}

QVector<QPoint> rowCells(int row, int cols)
{
    QVector<QPoint> cells;
    for (int c = 0; c < cols; ++c)
        cells << QPoint(c, row);
    return cells;
}

QVector<QPoint> columnCells(int col, int rows)
{
    QVector<QPoint> cells;
    for (int r = 0; r < rows; ++r)
        cells << QPoint(col, r);
    return cells;
}

QVector<QPoint> allCells(int rows, int cols)
{
    QVector<QPoint> cells;
    for (int r = 0; r < rows; ++r)
        cells += rowCells(r, cols);
    return cells;
}

QVector<QPoint> allowedCells(const attn::MaskMatrix& mask, int i)
{
    QVector<QPoint> cells;
    for (int j = 0; j < mask.cols(); ++j)
        if (mask(i, j))
            cells << QPoint(j, i);
    return cells;
}

WalkStep::Shown shown(const QString& caption, const HeatmapData& data, const QVector<QPoint>& cells)
{
    return WalkStep::Shown{caption, data, cells};
}

} // namespace av::walk

#include "imagefigure.h"

#include "numberformat.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace av {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("av", text);
}

} // namespace

ImageAttentionFigure imageAttentionFigure(const attn::Session& session,
                                          const attn::ForwardResult& result, const QImage& image,
                                          const attn::ImageTokens& tokens, int query)
{
    ImageAttentionFigure f;
    f.patch = tokens.patch;
    f.cols = tokens.cols;
    f.rows = tokens.rows;
    const int n = tokens.n();
    if (n == 0 || session.n() != n)
        return f;
    f.query = std::clamp(query, 0, n - 1);
    f.image = image.copy(0, 0, f.cols * f.patch, f.rows * f.patch);
    f.title = tr("Attention of patch %1 (row %2, column %3) over every patch")
                  .arg(f.query + 1)
                  .arg(f.query / f.cols + 1)
                  .arg(f.query % f.cols + 1);
    for (int h = 0; h < int(result.heads.size()); ++h) {
        const attn::Matrix& a = result.heads[h].weights;
        QVector<double> row(n, 0.0);
        for (int j = 0; j < n && f.query < a.rows() && j < a.cols(); ++j)
            row[j] = std::isfinite(a(f.query, j)) ? a(f.query, j) : 0.0;
        const int top = int(std::max_element(row.begin(), row.end()) - row.begin());
        f.headTitles << tr("head %1 — most on %2 (%3)")
                            .arg(h + 1)
                            .arg(QString::fromStdString(tokens.tokens[top]))
                            .arg(formatFormula(row[top]));
        f.weights << row;
    }
    return f;
}

} // namespace av

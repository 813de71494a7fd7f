#include "imageattentiondrawing.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>

namespace av {
namespace {

constexpr int kMargin = 10;
constexpr int kGap = 14;
const QColor kQueryColor(220, 20, 40);

int columnsOf(const ImageAttentionFigure& f)
{
    return std::clamp(int(f.weights.size()), 1, 3);
}

/// The side of one panel's image, fitted to width.
QSize panelImageSize(const ImageAttentionFigure& f, int width)
{
    const int cols = columnsOf(f);
    const int room = std::max(40, (width - 2 * kMargin - (cols - 1) * kGap) / cols);
    if (f.image.isNull())
        return {room, room};
    return f.image.size().scaled(room, room * 2, Qt::KeepAspectRatio);
}

} // namespace

QSize imageAttentionSize(const ImageAttentionFigure& f, int width)
{
    const QFontMetrics metrics{QFont()};
    const int cols = columnsOf(f);
    const int rows = (std::max(1, int(f.weights.size())) + cols - 1) / cols;
    const QSize panel = panelImageSize(f, width);
    const int title = 2 * metrics.height() + kGap;
    return {width, kMargin + title + rows * (panel.height() + metrics.height() + kGap) + kMargin};
}

void paintImageAttention(QPainter& painter, const ImageAttentionFigure& f, QSize size)
{
    painter.save();
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    QFont titleFont = painter.font();
    titleFont.setBold(true);
    const QFontMetrics metrics(painter.font());
    painter.setFont(titleFont);
    painter.setPen(Qt::black);
    painter.drawText(QRect(kMargin, kMargin, size.width() - 2 * kMargin, 2 * metrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, f.title);
    painter.setFont(QFont());
    const int cols = columnsOf(f);
    const QSize panel = panelImageSize(f, size.width());
    const int top = kMargin + 2 * metrics.height() + kGap;
    const double cell = f.cols > 0 ? double(panel.width()) / f.cols : 0;
    const double cellH = f.rows > 0 ? double(panel.height()) / f.rows : 0;
    for (int h = 0; h < f.weights.size(); ++h) {
        const int x0 = kMargin + (h % cols) * (panel.width() + kGap);
        const int y0 = top + (h / cols) * (panel.height() + metrics.height() + kGap);
        painter.setPen(Qt::black);
        painter.drawText(QRect(x0, y0, panel.width(), metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(f.headTitles.value(h), Qt::ElideRight, panel.width()));
        const QRect image(x0, y0 + metrics.height(), panel.width(), panel.height());
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(image, f.image);
        // Dimmed by how little weight a patch gets, against the head's largest weight.
        const QVector<double>& w = f.weights[h];
        const double top = std::max(1e-12, *std::max_element(w.begin(), w.end()));
        for (int k = 0; k < w.size(); ++k) {
            const QRectF r(image.left() + (k % f.cols) * cell, image.top() + (k / f.cols) * cellH,
                           cell, cellH);
            const double share = std::clamp(w[k] / top, 0.0, 1.0);
            painter.fillRect(r, QColor(0, 0, 0, int(std::lround((1 - share) * 200))));
        }
        // The grid, where patches are large enough to show it.
        if (cell >= 6) {
            painter.setPen(QPen(QColor(255, 255, 255, 90), 1));
            for (int c = 1; c < f.cols; ++c)
                painter.drawLine(QPointF(image.left() + c * cell, image.top()),
                                 QPointF(image.left() + c * cell, image.bottom() + 1));
            for (int r = 1; r < f.rows; ++r)
                painter.drawLine(QPointF(image.left(), image.top() + r * cellH),
                                 QPointF(image.right() + 1, image.top() + r * cellH));
        }
        painter.setPen(QPen(kQueryColor, std::max(2.0, cell / 8)));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(image.left() + (f.query % std::max(1, f.cols)) * cell,
                                image.top() + (f.query / std::max(1, f.cols)) * cellH, cell,
                                cellH));
    }
    painter.restore();
}

} // namespace av

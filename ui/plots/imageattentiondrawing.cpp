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

/// The side of one panel's image, fitted to the width and height.
QSize panelImageSize(const ImageAttentionFigure& f, QSize size)
{
    const int cols = columnsOf(f);
    const int room = std::max(40, (size.width() - 2 * kMargin - (cols - 1) * kGap) / cols);
    const int high = size.height() > 0 ? std::max(40, size.height()) : room * 2;
    if (f.image.isNull())
        return {room, room};
    return f.image.size().scaled(room, high, Qt::KeepAspectRatio);
}

int titleHeight()
{
    return 2 * QFontMetrics(QFont()).height() + kGap;
}

/// Where head h's image is drawn in a figure of size (height 0: as high as it needs).
QRect imageRect(const ImageAttentionFigure& f, QSize size, int h)
{
    const int line = QFontMetrics(QFont()).height();
    const int cols = columnsOf(f);
    const int rows = (std::max(1, int(f.weights.size())) + cols - 1) / cols;
    const int room =
        size.height() > 0 ? (size.height() - 2 * kMargin - titleHeight()) / rows - line - kGap : 0;
    const QSize panel = panelImageSize(f, QSize(size.width(), room));
    const int x0 = kMargin + (h % cols) * (panel.width() + kGap);
    const int y0 = kMargin + titleHeight() + (h / cols) * (panel.height() + line + kGap);
    return QRect(QPoint(x0, y0 + line), panel);
}

} // namespace

QSize imageAttentionSize(const ImageAttentionFigure& f, int width)
{
    const int heads = std::max(1, int(f.weights.size()));
    const QRect last = imageRect(f, QSize(width, 0), heads - 1);
    return {width, last.bottom() + 1 + kMargin};
}

int imageAttentionPatchAt(const ImageAttentionFigure& f, QSize size, const QPoint& pos)
{
    for (int h = 0; h < f.weights.size(); ++h) {
        const QRect r = imageRect(f, size, h);
        if (r.contains(pos) && f.cols > 0 && f.rows > 0) {
            const int col = std::min(f.cols - 1, (pos.x() - r.left()) * f.cols / r.width());
            const int row = std::min(f.rows - 1, (pos.y() - r.top()) * f.rows / r.height());
            return row * f.cols + col;
        }
    }
    return -1;
}

void paintImageAttention(QPainter& painter, const ImageAttentionFigure& f, QSize size)
{
    painter.save();
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    QFont titleFont;
    titleFont.setBold(true);
    const QFontMetrics metrics{QFont()};
    painter.setFont(titleFont);
    painter.setPen(Qt::black);
    painter.drawText(QRect(kMargin, kMargin, size.width() - 2 * kMargin, 2 * metrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, f.title);
    painter.setFont(QFont());
    for (int h = 0; h < f.weights.size(); ++h) {
        const QRect image = imageRect(f, size, h);
        const double cell = f.cols > 0 ? double(image.width()) / f.cols : 0;
        const double cellH = f.rows > 0 ? double(image.height()) / f.rows : 0;
        painter.setPen(Qt::black);
        painter.drawText(
            QRect(image.left(), image.top() - metrics.height(), image.width(), metrics.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(f.headTitles.value(h), Qt::ElideRight, image.width()));
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
        const int across = std::max(1, f.cols);
        painter.drawRect(QRectF(image.left() + (f.query % across) * cell,
                                image.top() + (f.query / across) * cellH, cell, cellH));
    }
    painter.restore();
}

} // namespace av

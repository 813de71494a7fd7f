#include "headgridview.h"

#include "numberformat.h"
#include "plottitle.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <array>
#include <cmath>
#include <qcustomplot.h>

namespace av {
namespace {

constexpr int kLookupSize = 256;
constexpr int kMargin = 8;                  // px around the grid
constexpr int kPreferredCell = 84;          // px, the side of a cell in sizeHint()
constexpr int kMinimumCell = 28;            // px, in minimumSizeHint()
const QColor kMaskedColor(236, 236, 236);   // cells the mask forbids: lighter than every gradient
const QColor kHighlightColor(230, 120, 0);  // the selected block: orange reads on a projector
const QColor kScoreFrameColor(200, 30, 60); // a head's score, apart from the block's orange

/// The gradient sampled at kLookupSize points of [0, 1], so that a pixel costs one lookup.
std::array<QRgb, kLookupSize> lookupTable(ColorMapKind kind)
{
    QCPColorGradient g = gradient(kind); // color() is not const: it caches its table
    std::array<QRgb, kLookupSize> table{};
    for (int i = 0; i < kLookupSize; ++i)
        table[i] = g.color(double(i) / (kLookupSize - 1), QCPRange(0, 1));
    return table;
}

/// A switched-off head: its weights stay visible, washed out to light grey.
QRgb washedOut(QRgb rgb)
{
    const int grey = 150 + qGray(rgb) * 90 / 255;
    return qRgb(grey, grey, grey);
}

/// n × n pixels, one per weight: masked cells light grey, a switched-off head washed out.
QImage weightsImage(const attn::Matrix& a, const attn::MaskMatrix& mask,
                    std::pair<double, double> range, ColorMapKind kind, bool off)
{
    static const auto tables = [] {
        std::array<std::array<QRgb, kLookupSize>, 4> t{};
        for (int k = 0; k < 4; ++k)
            t[k] = lookupTable(static_cast<ColorMapKind>(k));
        return t;
    }();
    const auto& table = tables[static_cast<int>(kind)];
    const auto [lower, upper] = range;
    const double span = upper > lower ? upper - lower : 1;
    const bool masked = mask.rows() == a.rows() && mask.cols() == a.cols();
    QImage image(int(a.cols()), int(a.rows()), QImage::Format_RGB32);
    for (int i = 0; i < a.rows(); ++i) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(i));
        for (int j = 0; j < a.cols(); ++j) {
            const double v = a(i, j);
            QRgb rgb;
            if (masked && !mask(i, j))
                rgb = kMaskedColor.rgb();
            else if (!std::isfinite(v))
                rgb = nanColor().rgb();
            else
                rgb = table[std::clamp(int(std::lround((v - lower) / span * (kLookupSize - 1))), 0,
                                       kLookupSize - 1)];
            line[j] = off ? washedOut(rgb) : rgb;
        }
    }
    return image;
}

} // namespace

HeadGridView::HeadGridView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HeadGridView::setData(const ModelViewFigure& figure)
{
    m_figure = figure;
    if (m_highlighted >= m_figure.blocks)
        m_highlighted = -1;
    rebuildImages();
    updateGeometry();
    update();
}

void HeadGridView::setHighlightedBlock(int block)
{
    if (block == m_highlighted)
        return;
    m_highlighted = block;
    update();
}

void HeadGridView::setColorMapKind(ColorMapKind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    rebuildImages();
    update();
}

void HeadGridView::setFontScale(double scale)
{
    m_fontScale = scale;
    updateGeometry();
    update();
}

void HeadGridView::setToolTipProvider(std::function<QString(int, int)> provider)
{
    m_toolTipProvider = std::move(provider);
}

void HeadGridView::rebuildImages()
{
    m_images.clear();
    m_images.reserve(m_figure.blocks * m_figure.heads);
    for (int l = 0; l < m_figure.blocks; ++l)
        for (int h = 0; h < m_figure.heads; ++h)
            m_images << weightsImage(m_figure.cell(l, h), m_figure.mask, m_figure.range, m_kind,
                                     m_figure.isAblated(l, h));
    // The colour scale: one row from the lowest value to the highest.
    attn::Matrix ramp(1, kLookupSize);
    for (int i = 0; i < kLookupSize; ++i)
        ramp(0, i) = double(i) / (kLookupSize - 1);
    m_scaleImage = weightsImage(ramp, {}, {0, 1}, m_kind, false);
}

QFont HeadGridView::labelFont() const
{
    return scaledFont(font(), m_fontScale);
}

HeadGridView::Geometry HeadGridView::geometry() const
{
    Geometry g;
    const QFontMetrics labels(labelFont());
    int widest = 0;
    for (const QString& label : m_figure.rowLabels)
        widest = std::max(widest, labels.horizontalAdvance(label));
    g.left = kMargin + widest + labels.averageCharWidth() * 2;
    g.top = kMargin + labels.height() * 3 + 4; // the title, a gap, the head labels
    const int blocks = std::max(m_figure.blocks, 1);
    const int heads = std::max(m_figure.heads, 1);
    const int across = (width() - g.left - kMargin) / heads;
    const int down = (height() - g.top - kMargin) / blocks;
    const int pitch = std::max(std::min(across, down), 6);
    g.gap = std::clamp(pitch / 10, 4, 10); // room for the highlight between rows
    g.cell = pitch - g.gap;
    return g;
}

QRect HeadGridView::cellRect(int block, int head) const
{
    if (block < 0 || head < 0 || block >= m_figure.blocks || head >= m_figure.heads)
        return {};
    const Geometry g = geometry();
    const int pitch = g.cell + g.gap;
    return QRect(g.left + head * pitch, g.top + block * pitch, g.cell, g.cell);
}

std::pair<int, int> HeadGridView::cellAt(const QPoint& pos) const
{
    const Geometry g = geometry();
    const int pitch = g.cell + g.gap;
    if (pitch <= 0 || pos.x() < g.left || pos.y() < g.top)
        return {-1, -1};
    const int head = (pos.x() - g.left) / pitch;
    const int block = (pos.y() - g.top) / pitch;
    if (block >= m_figure.blocks || head >= m_figure.heads || !cellRect(block, head).contains(pos))
        return {-1, -1};
    return {block, head};
}

void HeadGridView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (m_figure.blocks == 0 || m_figure.heads == 0)
        return;
    const Geometry g = geometry();
    const QFont font = labelFont();
    QFont bold = font;
    bold.setWeight(QFont::Bold);
    const QFontMetrics metrics(font);
    const int pitch = g.cell + g.gap;
    const QColor text = palette().text().color();

    QFont titleFont = scaledFont(font, 1.15);
    titleFont.setWeight(QFont::DemiBold);
    painter.setFont(titleFont);
    painter.setPen(text);
    // The colour scale at the right of the title: "0 ▬▬▬ 1", so that a copied or exported
    // figure explains itself.
    const int barWidth = std::max(metrics.averageCharWidth() * 12, 60);
    const QString low = formatSignificant(m_figure.range.first, 2);
    const QString high = formatSignificant(m_figure.range.second, 2);
    const int legendWidth =
        metrics.horizontalAdvance(low) + metrics.horizontalAdvance(high) + barWidth + 12;
    const QRect titleRect(kMargin, kMargin, width() - 3 * kMargin - legendWidth,
                          metrics.height() + 4);
    painter.drawText(
        titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(titleFont).elidedText(m_figure.title, Qt::ElideRight, titleRect.width()));
    painter.setFont(font);
    int x = width() - kMargin - legendWidth;
    painter.drawText(QRect(x, kMargin, legendWidth, titleRect.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, low);
    x += metrics.horizontalAdvance(low) + 6;
    const QRect bar(x, kMargin + titleRect.height() / 4, barWidth, titleRect.height() / 2);
    painter.drawImage(bar, m_scaleImage);
    painter.setPen(QPen(QColor(120, 120, 120), 1));
    painter.drawRect(bar.adjusted(0, 0, -1, -1));
    painter.setPen(text);
    painter.drawText(QRect(bar.right() + 6, kMargin, legendWidth, titleRect.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, high);

    const int headLabelTop = g.top - metrics.height() - 4;
    painter.setFont(font);
    for (int h = 0; h < m_figure.heads; ++h)
        painter.drawText(QRect(g.left + h * pitch, headLabelTop, g.cell, metrics.height()),
                         Qt::AlignCenter,
                         metrics.elidedText(m_figure.colLabels.value(h), Qt::ElideRight, pitch));

    if (m_highlighted >= 0 && m_highlighted < m_figure.blocks) {
        // The selected block: a tinted band behind its label and cells, framed in orange.
        const QRect band(kMargin / 2, g.top + m_highlighted * pitch - g.gap / 2 - 1,
                         g.left + m_figure.heads * pitch - kMargin / 2, pitch + 1);
        QColor tint = kHighlightColor;
        tint.setAlpha(45);
        painter.setPen(QPen(kHighlightColor, std::max(3.0, g.gap * 0.6)));
        painter.setBrush(tint);
        painter.drawRoundedRect(band, 4, 4);
        painter.setBrush(Qt::NoBrush);
    }
    for (int l = 0; l < m_figure.blocks; ++l) {
        painter.setFont(l == m_highlighted ? bold : font);
        painter.setPen(text);
        painter.drawText(QRect(kMargin, g.top + l * pitch, g.left - kMargin - 4, g.cell),
                         Qt::AlignRight | Qt::AlignVCenter, m_figure.rowLabels.value(l));
    }

    // Scaled without smoothing: each weight stays a sharp square.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    QFont offFont = bold;
    offFont.setPixelSize(std::clamp(g.cell / 3, 9, int(metrics.height() * 1.4)));
    // The chosen score from the lowest to the highest of all heads, as the frame's width:
    // 1 px up to half the gap between cells, so that neighbouring frames never touch.
    double frameLow = 0, frameHigh = 0;
    bool framed = false;
    for (double score : m_figure.frameScores)
        if (std::isfinite(score)) {
            frameLow = framed ? std::min(frameLow, score) : score;
            frameHigh = framed ? std::max(frameHigh, score) : score;
            framed = true;
        }
    const int widest = std::max(2, g.gap / 2);
    for (int l = 0; l < m_figure.blocks; ++l)
        for (int h = 0; h < m_figure.heads; ++h) {
            const QRect cell = cellRect(l, h);
            const QImage& image = m_images.value(m_figure.index(l, h));
            if (!image.isNull())
                painter.drawImage(cell, image);
            painter.setPen(QPen(QColor(120, 120, 120), 1));
            painter.drawRect(cell.adjusted(0, 0, -1, -1));
            if (framed) {
                const double score = m_figure.frameScores.value(m_figure.index(l, h));
                const double share = frameHigh > frameLow && std::isfinite(score)
                                         ? (score - frameLow) / (frameHigh - frameLow)
                                         : 0.0;
                const int width = 1 + qRound(share * (widest - 1));
                painter.setPen(
                    QPen(kScoreFrameColor, width, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
                // Centred on a line width / 2 outside the cell: it covers only the gap.
                const double out = width / 2.0;
                painter.drawRect(QRectF(cell).adjusted(-out, -out, out, out));
            }
            if (m_figure.isAblated(l, h)) {
                painter.setFont(offFont);
                const QFontMetrics offMetrics(offFont);
                const QString off = tr("off");
                QRect label(0, 0, offMetrics.horizontalAdvance(off) + 8, offMetrics.height() + 2);
                label.moveCenter(cell.center());
                painter.fillRect(label, QColor(255, 255, 255, 220));
                painter.setPen(QColor(60, 60, 60));
                painter.drawText(label, Qt::AlignCenter, off);
            }
        }
    if (m_hovered.first >= 0) {
        painter.setPen(QPen(text, 2));
        painter.drawRect(cellRect(m_hovered.first, m_hovered.second).adjusted(-2, -2, 1, 1));
    }
}

void HeadGridView::mousePressEvent(QMouseEvent* event)
{
    const auto [block, head] = cellAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && block >= 0)
        emit cellClicked(block, head);
    QWidget::mousePressEvent(event);
}

void HeadGridView::mouseMoveEvent(QMouseEvent* event)
{
    const auto hovered = cellAt(event->position().toPoint());
    if (hovered != m_hovered) {
        m_hovered = hovered;
        setCursor(hovered.first >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void HeadGridView::leaveEvent(QEvent* event)
{
    m_hovered = {-1, -1};
    update();
    QWidget::leaveEvent(event);
}

void HeadGridView::contextMenuEvent(QContextMenuEvent* event)
{
    const auto [block, head] = cellAt(event->pos());
    emit cellMenuRequested(block, head, event->globalPos());
}

bool HeadGridView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto [block, head] = cellAt(help->pos());
        if (block >= 0 && m_toolTipProvider)
            QToolTip::showText(help->globalPos(), m_toolTipProvider(block, head), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

QSize HeadGridView::sizeHint() const
{
    const QFontMetrics metrics(labelFont());
    const int left = kMargin + metrics.horizontalAdvance(QStringLiteral("block 12")) + 16;
    const int top = kMargin + metrics.height() * 3;
    return QSize(left + std::max(m_figure.heads, 1) * kPreferredCell + kMargin,
                 top + std::max(m_figure.blocks, 1) * kPreferredCell + kMargin);
}

QSize HeadGridView::minimumSizeHint() const
{
    const QFontMetrics metrics(labelFont());
    const int left = kMargin + metrics.horizontalAdvance(QStringLiteral("block 12")) + 16;
    const int top = kMargin + metrics.height() * 3;
    return QSize(left + std::max(m_figure.heads, 1) * kMinimumCell + kMargin,
                 top + std::max(m_figure.blocks, 1) * kMinimumCell + kMargin);
}

} // namespace av

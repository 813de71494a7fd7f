#include "headlinesdrawing.h"

#include "lineraster.h"
#include "plottitle.h"

#include <QFontMetrics>
#include <QLineF>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numeric>

namespace av {
namespace {

constexpr int kMargin = 8;          // px around the figure
constexpr int kGap = 6;             // px between a label, its boxes and the lines
constexpr int kMaxLabelWidth = 170; // px: longer tokens are elided
constexpr int kMinLinesWidth = 120; // px between the columns, at the least
/// Above this many lines in view they are drawn one pixel wide.
constexpr int kThinLines = 4000;
constexpr int kAlphaLevels = 32; // lines are drawn in batches of equal opacity
const QColor kSelectedBackground(255, 236, 150);

/// A weight as the opacity of its line: the weight itself (rows of ReLU attention may
/// exceed 1), rounded to kAlphaLevels steps; 0 for weights below half a step (1/64), whose
/// lines would be invisible, so that a long input's thousands of faint lines cost nothing.
int alphaLevel(double weight)
{
    return std::clamp(int(std::lround(weight * kAlphaLevels)), 0, kAlphaLevels);
}

/// The part of line between heights top and bottom (it crosses them): Qt's raster engine
/// is slow on lines reaching far outside the device, as a long input's lines do.
QLineF clipped(const QLineF& line, double top, double bottom)
{
    const double dy = line.dy();
    if (dy == 0)
        return line;
    double t0 = (top - line.y1()) / dy, t1 = (bottom - line.y1()) / dy;
    if (t0 > t1)
        std::swap(t0, t1);
    return QLineF(line.pointAt(std::max(t0, 0.0)), line.pointAt(std::min(t1, 1.0)));
}

/// The widest token label of either column.
int widestLabel(const HeadLinesFigure& f, const QFontMetrics& metrics)
{
    int widest = 0;
    for (const QStringList& column : {std::cref(f.tokens), std::cref(f.keyLabels())})
        for (const QString& token : column)
            widest = std::max(widest, metrics.horizontalAdvance(token));
    return widest;
}

} // namespace

void HeadLinesDrawing::setFigure(HeadLinesFigure figure)
{
    m_figure = std::move(figure);
    const int n = m_figure.n();
    m_rowStart.clear();
    m_byKey.clear();
    for (const auto& lines : m_figure.lines) {
        QVector<int> start(n + 1, int(lines.size()));
        for (int k = int(lines.size()) - 1; k >= 0; --k)
            start[std::clamp(lines[k].query, 0, n)] = k;
        for (int i = n - 1; i >= 0; --i) // rows without lines start where the next row does
            start[i] = std::min(start[i], start[i + 1]);
        QVector<int> byKey(int(lines.size()));
        std::iota(byKey.begin(), byKey.end(), 0);
        std::stable_sort(byKey.begin(), byKey.end(),
                         [&lines](int a, int b) { return lines[a].key < lines[b].key; });
        m_rowStart << start;
        m_byKey << byKey;
    }
}

int HeadLinesDrawing::naturalPitch(const QFont& font)
{
    return QFontMetrics(font).height() + 6;
}

int HeadLinesDrawing::preferredWidth(const QFont& font) const
{
    const QFontMetrics metrics(font);
    const int label = widestLabel(m_figure, metrics);
    const int box = std::clamp(naturalPitch(font) / 2, 4, 10);
    const int side =
        kMargin + m_figure.heads() * box + kGap + std::min(label, kMaxLabelWidth) + kGap;
    return 2 * side + 4 * kMinLinesWidth;
}

void HeadLinesDrawing::layout(const QFont& font, int width, int pitch)
{
    m_font = font;
    m_titleFont = font;
    m_titleFont.setBold(true);
    m_width = width;
    m_pitch = std::max(pitch, 2);
    // Labels shrink with the rows down to a readable size; closer rows label every k-th.
    m_labelFont = font;
    const int natural = naturalPitch(font);
    if (m_pitch < natural)
        m_labelFont = scaledFont(font, std::max(0.6, double(m_pitch) / natural));
    const QFontMetrics labels(m_labelFont);
    m_labelEvery = std::max(1, int(std::ceil(double(labels.height()) / m_pitch)));

    const int label = widestLabel(m_figure, labels);
    m_labelWidth = std::min(label + 2, kMaxLabelWidth); // + 2: elidedText's rounding
    m_box = std::clamp(m_pitch / 2, 3, 10);
    const int boxes = m_figure.heads() * m_box;
    m_queryRight = kMargin + boxes + kGap + m_labelWidth;
    m_linesLeft = m_queryRight + kGap;
    m_keyLeft = std::max(width - kMargin - boxes - kGap - m_labelWidth,
                         m_linesLeft + kMinLinesWidth + kGap);
    m_linesRight = m_keyLeft - kGap;

    // Header: title, subtitle, then the swatches in rows as wide as the figure.
    // Title and subtitle wrap in a narrow dock rather than being cut off.
    const QFontMetrics title(m_titleFont), text(font);
    const int textWidth = std::max(width - 2 * kMargin, 80);
    m_titleRect = title.boundingRect(QRect(kMargin, kMargin, textWidth, 10000), Qt::TextWordWrap,
                                     m_figure.title);
    m_subtitleRect = text.boundingRect(QRect(kMargin, m_titleRect.bottom() + 1, textWidth, 10000),
                                       Qt::TextWordWrap, m_figure.subtitle);
    int y = m_subtitleRect.bottom() + 1 + kGap;
    int x = kMargin;
    m_swatches.clear();
    m_swatch = std::max(10, text.height() * 3 / 4); // grows with the presentation font
    const int right = std::max(width, m_keyLeft + m_labelWidth + kGap + boxes + kMargin) - kMargin;
    for (int h = 0; h < m_figure.heads(); ++h) {
        const int w = m_swatch + 4 + text.horizontalAdvance(m_figure.headLabels.value(h)) + 12;
        if (x + w > right && x > kMargin) {
            x = kMargin;
            y += text.height() + 4;
        }
        m_swatches << QRect(x, y, w, text.height());
        x += w;
    }
    m_headerHeight = y + text.height() + kGap;
}

int HeadLinesDrawing::contentWidth() const
{
    return m_keyLeft + m_labelWidth + kGap + m_figure.heads() * m_box + kMargin;
}

int HeadLinesDrawing::bodyHeight() const
{
    return 2 * kMargin + m_figure.rows() * m_pitch;
}

QRect HeadLinesDrawing::swatchRect(int head) const
{
    return m_swatches.value(head);
}

int HeadLinesDrawing::swatchAt(const QPoint& header) const
{
    for (int h = 0; h < m_swatches.size(); ++h)
        if (m_swatches[h].contains(header))
            return h;
    return -1;
}

int HeadLinesDrawing::rowCentre(int token) const
{
    return kMargin + token * m_pitch + m_pitch / 2;
}

QRect HeadLinesDrawing::labelRect(LineSide side, int token) const
{
    const int top = kMargin + token * m_pitch;
    if (side == LineSide::Query)
        return QRect(m_queryRight - m_labelWidth, top, m_labelWidth, m_pitch);
    return QRect(m_keyLeft, top, m_labelWidth, m_pitch);
}

std::pair<LineSide, int> HeadLinesDrawing::tokenAt(const QPoint& body) const
{
    const int row = body.y() - kMargin;
    if (row < 0 || m_pitch <= 0)
        return {LineSide::None, -1};
    const int token = row / m_pitch;
    // A column is its label and its boxes.
    if (body.x() >= kMargin && body.x() < m_linesLeft)
        return token < m_figure.n() ? std::pair{LineSide::Query, token}
                                    : std::pair{LineSide::None, -1};
    if (token < m_figure.keys() && body.x() > m_linesRight &&
        body.x() < m_keyLeft + m_labelWidth + kGap + m_figure.heads() * m_box + kGap)
        return {LineSide::Key, token};
    return {LineSide::None, -1};
}

void HeadLinesDrawing::paintHeader(QPainter& painter, const QVector<bool>& shown) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::black);
    painter.setFont(m_titleFont);
    painter.drawText(m_titleRect, Qt::TextWordWrap, m_figure.title);
    painter.setFont(m_font);
    painter.setPen(QColor(70, 70, 70));
    painter.drawText(m_subtitleRect, Qt::TextWordWrap, m_figure.subtitle);
    for (int h = 0; h < m_swatches.size(); ++h) {
        const QRect r = m_swatches[h];
        const QRect box(r.left(), r.center().y() - m_swatch / 2, m_swatch, m_swatch);
        const QColor color = headColor(h);
        const bool on = shown.value(h, true);
        painter.setPen(QPen(color, 2));
        painter.setBrush(on ? QBrush(color) : Qt::NoBrush);
        painter.drawRect(box.adjusted(1, 1, -1, -1));
        if (m_figure.ablated.value(h)) {
            painter.setBrush(QBrush(Qt::white, Qt::BDiagPattern));
            painter.drawRect(box.adjusted(1, 1, -1, -1));
        }
        painter.setPen(on ? QColor(Qt::black) : QColor(140, 140, 140));
        painter.drawText(QRect(box.right() + 4, r.top(), r.width() - m_swatch - 4, r.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, m_figure.headLabels.value(h));
    }
    painter.restore();
}

int HeadLinesDrawing::paintLines(QPainter& painter, const QVector<bool>& shown,
                                 const LineSelection& selection, int top, int bottom,
                                 int budget) const
{
    // Per head and opacity, the lines in view.
    QVector<std::array<QVector<QLineF>, kAlphaLevels>> batches(m_figure.heads());
    for (int h = 0; h < m_figure.heads(); ++h) {
        if (!shown.value(h, true))
            continue;
        const auto& lines = m_figure.lines[h];
        const auto add = [&](const attn::AttentionLine& line) {
            const int y1 = rowCentre(line.query), y2 = rowCentre(line.key);
            if (std::max(y1, y2) < top || std::min(y1, y2) > bottom)
                return;
            if (const int level = alphaLevel(line.weight); level > 0) {
                // + 0.5: through the middle of the rows' pixels, so flat lines stay sharp.
                batches[h][level - 1].append(clipped(
                    QLineF(m_linesLeft, y1 + 0.5, m_linesRight, y2 + 0.5), top - 2, bottom + 2));
            }
        };
        const int t = selection.token;
        if (selection.side == LineSide::Query && t >= 0 && t < m_figure.n()) {
            for (int k = m_rowStart[h][t]; k < m_rowStart[h][t + 1]; ++k)
                add(lines[k]);
        } else if (selection.side == LineSide::Key && t >= 0) {
            const QVector<int>& order = m_byKey[h];
            auto it = std::lower_bound(order.begin(), order.end(), t,
                                       [&lines](int k, int key) { return lines[k].key < key; });
            for (; it != order.end() && lines[*it].key == t; ++it)
                add(lines[*it]);
        } else {
            for (const auto& line : lines)
                add(line);
        }
    }
    // Into an image (the window, PNG): blended by blendLines, fast at any count. Into SVG
    // or PDF: QPainter's lines, which stay vectors.
    const bool raster = painter.device() && painter.device()->devType() == QInternal::Image;
    QImage layer;
    if (raster) {
        const auto* target = static_cast<const QImage*>(painter.device());
        layer = QImage(target->size(), QImage::Format_ARGB32_Premultiplied);
        layer.setDevicePixelRatio(target->devicePixelRatio());
        layer.fill(Qt::transparent);
    }
    const QTransform toDevice = painter.deviceTransform();
    // Dense lines are one pixel wide: wider ones would only blur together (and cost more).
    // What a line costs is the pixels along its longer side.
    int count = 0;
    std::array<double, kAlphaLevels> pixels{};
    for (const auto& head : batches)
        for (int level = 0; level < kAlphaLevels; ++level) {
            count += int(head[level].size());
            for (const QLineF& line : head[level])
                pixels[level] += std::max(std::abs(line.dx()), std::abs(line.dy()));
        }
    double total = std::accumulate(pixels.begin(), pixels.end(), 0.0);
    // Over the budget: the faintest levels are left out, whole, until the rest fits.
    int omitted = 0;
    for (int level = 0; budget > 0 && level < kAlphaLevels && total > budget; ++level) {
        total -= pixels[level];
        for (auto& head : batches) {
            omitted += int(head[level].size());
            count -= int(head[level].size());
            head[level].clear();
        }
    }
    const double width = count > kThinLines ? 1.0 : std::clamp(m_pitch / 10.0, 1.0, 2.0);
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (int h = 0; h < m_figure.heads(); ++h) {
        QColor color = headColor(h);
        // A switched-off head's lines are dashed: its weights are computed, its Z is 0.
        const bool dashed = m_figure.ablated.value(h);
        for (int level = 0; level < kAlphaLevels; ++level) {
            QVector<QLineF>& batch = batches[h][level];
            if (batch.isEmpty())
                continue;
            color.setAlphaF(float(level + 1) / kAlphaLevels);
            if (raster) {
                for (QLineF& line : batch)
                    line = toDevice.map(line);
                blendLines(layer, batch, color, int(std::lround(width * toDevice.m22())), dashed);
            } else {
                painter.setPen(
                    QPen(color, width, dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
                painter.drawLines(batch);
            }
        }
    }
    if (raster) {
        painter.save();
        painter.resetTransform();
        painter.drawImage(QPointF(0, 0), layer);
        painter.restore();
    }
    return omitted;
}

void HeadLinesDrawing::paintBoxes(QPainter& painter, const QVector<bool>& shown,
                                  const LineSelection& selection, int first, int last) const
{
    const int t = selection.token;
    const bool query = selection.side == LineSide::Query;
    if (selection.side == LineSide::None || t < 0 || t >= (query ? m_figure.n() : m_figure.keys()))
        return;
    last = std::min(last, (query ? m_figure.keys() : m_figure.n()) - 1); // the opposite column
    // Boxes on the opposite side: of a query, each key's weight; of a key, each query's.
    const int left = query ? m_keyLeft + m_labelWidth + kGap : kMargin;
    const bool masked =
        m_figure.mask.rows() == m_figure.n() && m_figure.mask.cols() == m_figure.keys();
    painter.setPen(Qt::NoPen);
    for (int other = first; other <= last; ++other) {
        const int i = query ? t : other, j = query ? other : t;
        if (masked && !m_figure.mask(i, j))
            continue;
        const int y = kMargin + other * m_pitch + 1;
        for (int h = 0; h < m_figure.heads(); ++h) {
            const attn::Matrix& a = m_figure.weights[h];
            if (!shown.value(h, true) || i >= a.rows() || j >= a.cols() || !std::isfinite(a(i, j)))
                continue;
            QColor color = headColor(h);
            color.setAlphaF(float(std::clamp(a(i, j), 0.0, 1.0)));
            painter.setBrush(color);
            painter.drawRect(QRect(left + h * m_box, y, m_box - 1, m_pitch - 2));
        }
    }
}

int HeadLinesDrawing::paintBody(QPainter& painter, const QVector<bool>& shown,
                                const LineSelection& selection, int top, int bottom,
                                int lineBudget) const
{
    const int rows = m_figure.rows();
    if (m_figure.n() == 0 || m_figure.keys() == 0)
        return 0;
    const int first = std::clamp((top - kMargin) / std::max(m_pitch, 1), 0, rows - 1);
    const int last = std::clamp((bottom - kMargin) / std::max(m_pitch, 1), 0, rows - 1);
    const auto columnSize = [this](LineSide side) {
        return side == LineSide::Query ? m_figure.n() : m_figure.keys();
    };
    painter.save();
    if (selection.side != LineSide::None && selection.token >= 0 &&
        selection.token < columnSize(selection.side)) {
        painter.fillRect(labelRect(selection.side, selection.token).adjusted(-3, 0, 3, 0),
                         kSelectedBackground);
    }
    const int omitted = paintLines(painter, shown, selection, top, bottom, lineBudget);
    painter.setRenderHint(QPainter::Antialiasing, false);
    paintBoxes(painter, shown, selection, first, last);

    painter.setFont(m_labelFont);
    const QFontMetrics metrics(m_labelFont);
    for (int i = first; i <= last; ++i) {
        const bool selected = selection.side != LineSide::None && selection.token == i;
        // Every k-th label, and the selected one without the others it would overlap.
        const bool nearSelected = selection.side != LineSide::None && selection.token >= 0 &&
                                  std::abs(i - selection.token) < m_labelEvery;
        if (!selected && (i % m_labelEvery != 0 || nearSelected))
            continue;
        for (LineSide side : {LineSide::Query, LineSide::Key}) {
            if (i >= columnSize(side))
                continue; // the shorter column of cross-attention
            const QStringList& labels =
                side == LineSide::Query ? m_figure.tokens : m_figure.keyLabels();
            QRect r = labelRect(side, i);
            // Every k-th label may need more than its row: centred on it, as high as the text.
            r = QRect(r.left(), rowCentre(i) - metrics.height() / 2, r.width(), metrics.height());
            painter.setPen(Qt::black);
            painter.drawText(
                r, (side == LineSide::Query ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                metrics.elidedText(labels[i], Qt::ElideRight, r.width()));
        }
    }
    painter.restore();
    return omitted;
}

} // namespace av

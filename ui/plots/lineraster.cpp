#include "lineraster.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace av {
namespace {

constexpr int kDash = 6; // px on, then px off

struct Target
{
    QRgb* bits;
    qsizetype stride; ///< pixels a row
    int width, height;
    QRgb source;    ///< the colour, premultiplied at full opacity
    double opacity; ///< 0–1
};

/// Source over, premultiplied, with the source scaled by a / 256 (cover · opacity), two
/// channels at a time in 0x00ff00ff lanes.
inline void blend(const Target& t, int x, int y, unsigned a)
{
    if (a == 0 || x < 0 || y < 0 || x >= t.width || y >= t.height)
        return;
    QRgb& d = t.bits[y * t.stride + x];
    const unsigned keep = 256 - a;
    const unsigned rb =
        (((d & 0x00ff00ffu) * keep + (t.source & 0x00ff00ffu) * a) >> 8) & 0x00ff00ffu;
    const unsigned ag =
        ((((d >> 8) & 0x00ff00ffu) * keep + ((t.source >> 8) & 0x00ff00ffu) * a) >> 8) &
        0x00ff00ffu;
    d = rb | (ag << 8);
}

void wuLine(const Target& t, QPointF p0, QPointF p1, int width, bool dashed)
{
    double x0 = p0.x(), y0 = p0.y(), x1 = p1.x(), y1 = p1.y();
    // Far outside any image (or not a number): nothing to draw, and no overflow below.
    constexpr double kFar = 1e7;
    for (double v : {x0, y0, x1, y1})
        if (!(std::abs(v) < kFar))
            return;
    const bool steep = std::abs(y1 - y0) > std::abs(x1 - x0);
    if (steep) {
        std::swap(x0, y0);
        std::swap(x1, y1);
    }
    if (x0 > x1) {
        std::swap(x0, x1);
        std::swap(y0, y1);
    }
    const double dx = x1 - x0;
    const double gradient = dx == 0 ? 0 : (y1 - y0) / dx;
    // Pixel centres are at +0.5: the line's y at column x is y(x + 0.5) − 0.5.
    // The pixels whose span [x, x + 1) holds the ends, and those between.
    const int first = int(std::floor(x0)), last = int(std::floor(x1));
    const int limit = steep ? t.height : t.width;
    const int from = std::max(first, 0), to = std::min(last, limit - 1);
    // The line's middle: a wider line extends (width − 1) / 2 to either side.
    double y = y0 + gradient * (from + 0.5 - x0) - 0.5 - (width - 1) / 2.0;
    const double scale = std::clamp(t.opacity, 0.0, 1.0) * 256; // cover 1 as an alpha
    const auto full = unsigned(scale + 0.5);
    for (int x = from; x <= to; ++x, y += gradient) {
        if (dashed && ((x - first) / kDash) % 2 == 1)
            continue;
        const double base = std::floor(y);
        const double f = y - base;
        const int yi = int(base);
        // Partly covered pixels at both edges, fully covered ones between (width − 1).
        for (int k = 0; k <= width; ++k) {
            const unsigned a = k == 0       ? unsigned((1 - f) * scale + 0.5)
                               : k == width ? unsigned(f * scale + 0.5)
                                            : full;
            if (steep)
                blend(t, yi + k, x, a);
            else
                blend(t, x, yi + k, a);
        }
    }
}

} // namespace

void blendLines(QImage& image, const QVector<QLineF>& lines, const QColor& color, int width,
                bool dashed)
{
    if (image.format() != QImage::Format_ARGB32_Premultiplied || lines.isEmpty())
        return;
    QColor opaque = color;
    opaque.setAlpha(255);
    const Target t{reinterpret_cast<QRgb*>(image.bits()),
                   image.bytesPerLine() / 4,
                   image.width(),
                   image.height(),
                   opaque.rgba(),
                   color.alphaF()};
    for (const QLineF& line : lines)
        wuLine(t, line.p1(), line.p2(), std::max(width, 1), dashed);
}

} // namespace av

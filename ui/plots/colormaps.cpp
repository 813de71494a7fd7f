#include "colormaps.h"

#include <qcustomplot.h>

#include <QPainter>

#include <array>
#include <cmath>
#include <utility>

namespace av {
namespace {

using Stop = std::pair<double, QColor>;

QCPColorGradient fromStops(std::initializer_list<Stop> stops)
{
    QCPColorGradient g;
    QMap<double, QColor> map;
    for (const auto& [position, color] : stops)
        map.insert(position, color);
    g.setColorStops(map);
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setLevelCount(512); // enough that neighbouring cells never share a colour by rounding
    g.setNanHandling(QCPColorGradient::nhNanColor);
    g.setNanColor(nanColor());
    return g;
}

} // namespace

QCPColorGradient viridisGradient()
{
    // Entries 0, 16, …, 240, 255 of matplotlib's _viridis_data, × 255.
    return fromStops({{0.0000, QColor(68, 1, 84)},
                      {0.0627, QColor(72, 24, 106)},
                      {0.1255, QColor(71, 45, 123)},
                      {0.1882, QColor(66, 64, 134)},
                      {0.2510, QColor(59, 82, 139)},
                      {0.3137, QColor(51, 99, 141)},
                      {0.3765, QColor(44, 114, 142)},
                      {0.4392, QColor(38, 130, 142)},
                      {0.5020, QColor(33, 145, 140)},
                      {0.5647, QColor(31, 160, 136)},
                      {0.6275, QColor(40, 174, 128)},
                      {0.6902, QColor(63, 188, 115)},
                      {0.7529, QColor(94, 201, 98)},
                      {0.8157, QColor(132, 212, 75)},
                      {0.8784, QColor(173, 220, 48)},
                      {0.9412, QColor(216, 226, 25)},
                      {1.0000, QColor(253, 231, 37)}});
}

QCPColorGradient divergingGradient()
{
    // ColorBrewer RdBu, 11 classes, reversed so that negative is blue.
    return fromStops({{0.0, QColor(0x05, 0x30, 0x61)},
                      {0.1, QColor(0x21, 0x66, 0xac)},
                      {0.2, QColor(0x43, 0x93, 0xc3)},
                      {0.3, QColor(0x92, 0xc5, 0xde)},
                      {0.4, QColor(0xd1, 0xe5, 0xf0)},
                      {0.5, QColor(0xf7, 0xf7, 0xf7)},
                      {0.6, QColor(0xfd, 0xdb, 0xc7)},
                      {0.7, QColor(0xf4, 0xa5, 0x82)},
                      {0.8, QColor(0xd6, 0x60, 0x4d)},
                      {0.9, QColor(0xb2, 0x18, 0x2b)},
                      {1.0, QColor(0x67, 0x00, 0x1f)}});
}

QCPColorGradient cividisGradient()
{
    // Entries 0, 16, …, 240, 255 of matplotlib's _cividis_data, × 255.
    return fromStops({{0.0000, QColor(0, 34, 78)},
                      {0.0627, QColor(0, 46, 106)},
                      {0.1255, QColor(26, 56, 111)},
                      {0.1882, QColor(50, 67, 109)},
                      {0.2510, QColor(67, 78, 108)},
                      {0.3137, QColor(83, 90, 109)},
                      {0.3765, QColor(97, 101, 111)},
                      {0.4392, QColor(111, 112, 115)},
                      {0.5020, QColor(125, 124, 120)},
                      {0.5647, QColor(140, 136, 120)},
                      {0.6275, QColor(155, 148, 118)},
                      {0.6902, QColor(171, 160, 114)},
                      {0.7529, QColor(188, 174, 108)},
                      {0.8157, QColor(205, 187, 99)},
                      {0.8784, QColor(222, 201, 88)},
                      {0.9412, QColor(240, 216, 70)},
                      {1.0000, QColor(254, 232, 56)}});
}

QCPColorGradient grayGradient()
{
    // sRGB grey levels are close to uniform in lightness, so two stops suffice.
    return fromStops({{0.0, QColor(255, 255, 255)}, {1.0, QColor(0, 0, 0)}});
}

QCPColorGradient gradient(ColorMapKind kind)
{
    switch (kind) {
    case ColorMapKind::Viridis:
        break;
    case ColorMapKind::Diverging:
        return divergingGradient();
    case ColorMapKind::Cividis:
        return cividisGradient();
    case ColorMapKind::Gray:
        return grayGradient();
    }
    return viridisGradient();
}

QColor nanColor()
{
    return QColor(150, 150, 150);
}

QColor contrastingTextColor(QColor background)
{
    auto linear = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double l = 0.2126 * linear(background.redF()) + 0.7152 * linear(background.greenF()) +
                     0.0722 * linear(background.blueF());
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? Qt::black : Qt::white;
}

QBrush maskHatchBrush()
{
    QPixmap tile(8, 8);
    tile.fill(QColor(235, 235, 235));
    QPainter painter(&tile);
    painter.setPen(QPen(QColor(165, 165, 165), 1));
    painter.drawLine(0, 8, 8, 0); // with the two corner stubs: seamless across tiles
    painter.drawLine(-1, 1, 1, -1);
    painter.drawLine(7, 9, 9, 7);
    return QBrush(tile);
}

QColor categoricalColor(int index)
{
    static const std::array<QColor, 8> okabeIto = {
        QColor(0x00, 0x72, 0xB2), // blue
        QColor(0xD5, 0x5E, 0x00), // vermillion
        QColor(0x00, 0x9E, 0x73), // bluish green
        QColor(0xCC, 0x79, 0xA7), // reddish purple
        QColor(0xE6, 0x9F, 0x00), // orange
        QColor(0x56, 0xB4, 0xE9), // sky blue
        QColor(0x00, 0x00, 0x00), // black
        QColor(0xF0, 0xE4, 0x42), // yellow
    };
    const int n = int(okabeIto.size());
    return okabeIto[std::size_t(((index % n) + n) % n)];
}

} // namespace av

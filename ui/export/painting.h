#pragma once
// Inside export (ui/export/): how a figure becomes the bytes of a PNG, SVG or PDF, shared by
// the session's figures (exporter.cpp) and a whole transformer's (modelexporter.cpp).

#include "exporter.h"

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>
#include <functional>

class QPainter;
class QPaintDevice;
class QWidget;

namespace av {

class FigureCanvas;

/// Figures are laid out in logical units of 1/96 inch; PNGs scale them by dpi / 96, so
/// text and lines grow with the resolution and a figure keeps its proportions.
inline constexpr double kLogicalDpi = 96;

QSize inches(double w, double h);

/// A figure ready to be drawn: its size in logical units, and how it paints itself into an
/// image (scaled by dpi / 96) and into an SVG or PDF device (in logical units).
struct Painting
{
    QSize size;
    std::function<void(QImage*, double scale, bool transparent)> raster;
    std::function<void(QPaintDevice*)> vector;
};

Painting canvasPainting(FigureCanvas& canvas);
/// A figure that paints itself with a QPainter in logical units, at scale for an image.
Painting painterPainting(QSize size, std::function<void(QPainter&)> paint);
/// A widget drawn through QWidget::render, at its size.
Painting widgetPainting(QWidget& widget);

QImage rasterise(const Painting& painting, const ExportOptions& options);
/// The bytes of a file in options.format; empty for an unknown format or a failure.
QByteArray encode(const Painting& painting, const QString& title, const ExportOptions& options);

} // namespace av

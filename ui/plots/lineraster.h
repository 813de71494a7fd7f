#pragma once
// Thin antialiased lines blended straight into an image, for views that draw tens of
// thousands of them at once (the head view of a long input). QPainter's raster engine
// takes about 80 µs for each such line here; this takes a few. Vector output (SVG, PDF)
// still goes through QPainter.

#include <QColor>
#include <QImage>
#include <QLineF>
#include <QVector>

namespace av {

/// Blends lines (in image pixels) of color, whose alpha is each line's opacity, into
/// image (Format_ARGB32_Premultiplied) with Xiaolin Wu's algorithm: width pixels wide
/// across the line's minor axis, the two edge pixels covered in proportion to how near
/// the line passes, "source over" as QPainter blends. dashed: 6 pixels on, 6 off. Pixels
/// outside the image are skipped.
void blendLines(QImage& image, const QVector<QLineF>& lines, const QColor& color, int width = 1,
                bool dashed = false);

} // namespace av

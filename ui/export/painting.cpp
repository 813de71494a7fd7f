#include "painting.h"

#include "figurecanvas.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QWidget>

namespace av {

QSize inches(double w, double h)
{
    return QSize(qRound(w * kLogicalDpi), qRound(h * kLogicalDpi));
}
Painting canvasPainting(FigureCanvas& canvas)
{
    return {canvas.size(),
            [&canvas](QImage* image, double scale, bool transparent) {
                canvas.paintRaster(image, scale, transparent);
            },
            [&canvas](QPaintDevice* device) { canvas.paintVector(device); }};
}

QImage rasterise(const Painting& painting, const ExportOptions& options)
{
    const double scale = options.dpi / kLogicalDpi;
    QImage image(painting.size * scale, QImage::Format_ARGB32_Premultiplied);
    image.fill(options.transparent ? Qt::transparent : Qt::white);
    painting.raster(&image, scale, options.transparent);
    // The resolution is stored in the PNG, so a slide program places it at its true size.
    image.setDotsPerMeterX(qRound(options.dpi / 0.0254));
    image.setDotsPerMeterY(qRound(options.dpi / 0.0254));
    return image;
}

QByteArray encode(const Painting& painting, const QString& title, const ExportOptions& options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (options.format == QLatin1String("png")) {
        const QImage image = rasterise(painting, options);
        if (image.isNull() || !image.save(&buffer, "PNG"))
            return {};
        return bytes;
    }
    const QSize size = painting.size;
    if (options.format == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setResolution(static_cast<int>(kLogicalDpi));
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(title);
        svg.setDescription(QStringLiteral("AttnViz"));
        painting.vector(&svg);
    } else if (options.format == QLatin1String("pdf")) {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(static_cast<int>(kLogicalDpi));
        pdf.setPageSize(QPageSize(QSizeF(size) / kLogicalDpi, QPageSize::Inch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("AttnViz"));
        painting.vector(&pdf);
    } else {
        return {};
    }
    return bytes;
}

Painting painterPainting(QSize size, std::function<void(QPainter&)> paint)
{
    return {size,
            [paint](QImage* image, double scale, bool) {
                QPainter painter(image);
                painter.scale(scale, scale);
                paint(painter);
            },
            [paint](QPaintDevice* device) {
                QPainter painter(device);
                paint(painter);
            }};
}

Painting widgetPainting(QWidget& widget)
{
    return painterPainting(widget.size(), [&widget](QPainter& painter) {
        painter.setRenderHint(QPainter::TextAntialiasing);
        widget.render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    });
}

} // namespace av

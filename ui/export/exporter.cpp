#include "exporter.h"

#include "barplot.h"
#include "curveplot.h"
#include "figurecanvas.h"
#include "figures.h"
#include "headgridview.h"
#include "headlinesdrawing.h"
#include "heatmapplot.h"
#include "imageattentiondrawing.h"
#include "modelfigures.h"
#include "numberformat.h"
#include "positionalencoding.h"
#include "rankingplot.h"
#include "sessionfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>
#include <memory>

namespace av {
namespace {

/// Figures are laid out in logical units of 1/96 inch; PNGs scale them by dpi / 96, so
/// text and lines grow with the resolution and a figure keeps its proportions.
constexpr double kLogicalDpi = 96;
constexpr int kPositionsShown = 100;

QString tr(const char* text)
{
    return QCoreApplication::translate("av", text);
}

int headOf(const QString& name, const QString& prefix)
{
    bool ok = false;
    const int k = name.mid(prefix.size()).toInt(&ok);
    return ok ? k - 1 : -1;
}

QSize inches(double w, double h)
{
    return QSize(qRound(w * kLogicalDpi), qRound(h * kLogicalDpi));
}

/// The figure's widgets, or nullptr for a name that is not a figure of this session.
std::unique_ptr<FigureCanvas> buildPlots(const attn::Session& s, const attn::ForwardResult& r,
                                         const QString& name)
{
    const int heads = s.heads;
    if (name.startsWith(QLatin1String("attention-head-")) ||
        name.startsWith(QLatin1String("scores-head-"))) {
        const bool scores = name.startsWith(QLatin1String("scores"));
        const int head = headOf(name, scores ? QStringLiteral("scores-head-")
                                             : QStringLiteral("attention-head-"));
        if (head < 0 || head >= heads)
            return nullptr;
        auto canvas = std::make_unique<FigureCanvas>(inches(8, 7));
        canvas->add<HeatmapPlot>()->setData(attentionFigure(s, r, head, scores));
        return canvas;
    }
    if (name == QLatin1String("attention-heads")) {
        const int cols = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(heads))));
        const int rows = (heads + cols - 1) / cols;
        auto canvas = std::make_unique<FigureCanvas>(inches(5.5 * cols, 5 * rows));
        for (int h = 0; h < heads; ++h)
            canvas->add<HeatmapPlot>(h / cols, h % cols)->setData(attentionFigure(s, r, h, false));
        return canvas;
    }
    if (name == QLatin1String("positional-encoding-curves") ||
        name == QLatin1String("positional-encoding-heatmap")) {
        const attn::Matrix encoding =
            attn::sinusoidalEncoding(kPositionsShown, s.dModel, s.positional.base);
        auto canvas = std::make_unique<FigureCanvas>(inches(9, 5.5));
        if (name.endsWith(QLatin1String("curves")))
            canvas->add<CurvePlot>()->setData(
                tr("Sinusoidal positional encoding, d_model = %1, base = %2")
                    .arg(s.dModel)
                    .arg(s.positional.base),
                encodingPositionAxisTitle(), tr("value"),
                encodingCurves(encoding, defaultEncodingDimensions(s.dModel)));
        else
            canvas->add<HeatmapPlot>()->setData(encodingHeatmapFigure(encoding));
        return canvas;
    }
    if (name == QLatin1String("output")) {
        auto canvas = std::make_unique<FigureCanvas>(inches(8, 6));
        canvas->add<HeatmapPlot>()->setData(outputFigure(s, r));
        return canvas;
    }
    if (name == QLatin1String("mask")) {
        auto canvas = std::make_unique<FigureCanvas>(inches(7, 6));
        canvas->add<HeatmapPlot>()->setData(maskFigure(s, r));
        return canvas;
    }
    if (name == QLatin1String("head-summary")) {
        auto canvas = std::make_unique<FigureCanvas>(inches(8, 5));
        const SummaryFigure f = summaryFigure(s, r);
        canvas->add<BarPlot>()->setData(f.title, f.categories, f.series);
        return canvas;
    }
    if (name == QLatin1String("pipeline")) {
        // Every step for head 1, in reading order, three to a row.
        const attn::HeadResult& h = r.heads.front();
        const QVector<HeatmapData> steps{
            matrixFigure(tr("X — embeddings"), r.x, s, true),
            matrixFigure(tr("P — positional encoding"), r.p, s, true),
            matrixFigure(tr("X + P"), r.xIn, s, true),
            matrixFigure(tr("Q = (X + P) W_Q, head 1"), h.q, s, true),
            matrixFigure(tr("K = (X + P) W_K, head 1"), h.k, s, true),
            matrixFigure(tr("V = (X + P) W_V, head 1"), h.v, s, true),
            attentionFigure(s, r, 0, true),
            maskFigure(s, r),
            attentionFigure(s, r, 0, false),
            matrixFigure(tr("Z = A V, head 1"), h.output, s, true),
            matrixFigure(tr("C = [Z_1 | … | Z_%1]").arg(heads), r.concat, s, true),
            outputFigure(s, r),
        };
        auto canvas = std::make_unique<FigureCanvas>(inches(16.5, 20));
        for (int i = 0; i < steps.size(); ++i)
            canvas->add<HeatmapPlot>(i / 3, i % 3)->setData(steps[i]);
        return canvas;
    }
    return nullptr;
}

/// The figure as options ask for it: its width and colour map.
std::unique_ptr<FigureCanvas> buildFigure(const attn::Session& s, const attn::ForwardResult& r,
                                          const QString& name, const ExportOptions& options)
{
    auto canvas = buildPlots(s, r, name);
    if (canvas) {
        canvas->setWidth(options.widthInches * kLogicalDpi);
        canvas->setColorMap(options.colorMap);
    }
    return canvas;
}

/// A figure ready to be drawn: its size in logical units, and how it paints itself into an
/// image (scaled by dpi / 96) and into an SVG or PDF device (in logical units).
struct Painting
{
    QSize size;
    std::function<void(QImage*, double scale, bool transparent)> raster;
    std::function<void(QPaintDevice*)> vector;
};

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

/// The bytes of a file in options.format; empty for an unknown format or a failure.
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

/// The model view is one widget painted with QPainter (not a QCustomPlot): it is drawn
/// through QWidget::render, at the figure's size or the width options ask for.
std::unique_ptr<HeadGridView> buildModelView(const attn::Model& m, const attn::ModelResult& r,
                                             const ExportOptions& options)
{
    auto view = std::make_unique<HeadGridView>();
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->setData(modelViewFigure(m, r));
    view->setColorMapKind(options.colorMap);
    QSize size = inches(1.2 + 1.15 * m.heads(), 0.7 + 1.15 * m.layerCount());
    if (options.widthInches > 0)
        size = QSizeF(size)
                   .scaled(options.widthInches * kLogicalDpi, 1e9, Qt::KeepAspectRatio)
                   .toSize();
    view->resize(size);
    return view;
}

/// A figure that paints itself with a QPainter in logical units, at scale for an image.
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

/// The last kPredictionTokensExported tokens' predictions, two to a row.
std::unique_ptr<FigureCanvas> buildPredictions(const attn::Model& m, const attn::ModelResult& r,
                                               const ExportOptions& options)
{
    if (!hasPredictions(r))
        return nullptr;
    const int first = std::max(0, m.n() - kPredictionTokensExported);
    const int shown = m.n() - first;
    const int cols = shown > 1 ? 2 : 1;
    const int rows = (shown + cols - 1) / cols;
    auto canvas = std::make_unique<FigureCanvas>(inches(5.5 * cols, 3.8 * rows));
    for (int i = 0; i < shown; ++i) {
        const PredictionsFigure f = predictionsFigure(m, r, first + i);
        canvas->add<RankingPlot>(i / cols, i % cols)
            ->setData(f.title, f.labels, f.probability, tr("probability"));
    }
    canvas->setWidth(options.widthInches * kLogicalDpi);
    return canvas;
}
/// The rollout heatmap (final token state × input token), as large as an attention figure.
std::unique_ptr<FigureCanvas> buildRollout(const attn::Model& m, const attn::ModelResult& r,
                                           const ExportOptions& options)
{
    auto canvas = std::make_unique<FigureCanvas>(inches(8, 7));
    canvas->add<HeatmapPlot>()->setData(rolloutFigure(m, r));
    canvas->setWidth(options.widthInches * kLogicalDpi);
    canvas->setColorMap(options.colorMap);
    return canvas;
}

constexpr const char* kHeadLinesPrefix = "head-lines-layer-";

/// Block L (1-based) of a name head-lines-layer-L, or 0.
int headLinesBlock(const QString& name)
{
    if (!name.startsWith(QLatin1String(kHeadLinesPrefix)))
        return 0;
    bool ok = false;
    const int block = name.mid(int(qstrlen(kHeadLinesPrefix))).toInt(&ok);
    return ok ? block : 0;
}

/// Every row of one block's head lines at once, every head shown and nothing hovered; the
/// rows closer for long inputs, so that the page stays within PDF's 200 inches.
struct HeadLinesExport
{
    HeadLinesDrawing drawing;
    QSize size;
};

std::unique_ptr<HeadLinesExport> buildHeadLines(const attn::Model& m, const attn::ModelResult& r,
                                                int block, const ExportOptions& options)
{
    if (block < 1 || block > std::min(m.layerCount(), int(r.blocks.size())))
        return nullptr;
    auto out = std::make_unique<HeadLinesExport>();
    out->drawing.setFigure(headLinesFigure(m, r, block - 1));
    const QFont font;
    const int width = options.widthInches > 0
                          ? int(options.widthInches * kLogicalDpi)
                          : std::max(int(6.5 * kLogicalDpi), out->drawing.preferredWidth(font));
    const int natural = HeadLinesDrawing::naturalPitch(font);
    const int n = std::max(1, m.n());
    const int pitch =
        std::clamp(int((190 * kLogicalDpi) / n), 3, n > 64 ? natural * 2 / 3 : natural);
    out->drawing.layout(font, width, pitch);
    // Narrower than both columns need (--figure-width): as wide as they need.
    const int needed = std::max(width, out->drawing.contentWidth());
    if (needed > width)
        out->drawing.layout(font, needed, pitch);
    out->size = QSize(needed, out->drawing.headerHeight() + out->drawing.bodyHeight());
    return out;
}

Painting headLinesPainting(const HeadLinesExport& figure)
{
    return painterPainting(figure.size, [&figure](QPainter& painter) {
        painter.setRenderHint(QPainter::TextAntialiasing);
        const QVector<bool> all(figure.drawing.figure().heads(), true);
        figure.drawing.paintHeader(painter, all);
        painter.translate(0, figure.drawing.headerHeight());
        figure.drawing.paintBody(painter, all, {}, 0, figure.drawing.bodyHeight());
    });
}

/// The model's figures drawn on a canvas (all but the model view), or nullptr.
std::unique_ptr<FigureCanvas> buildModelCanvas(const attn::Model& m, const attn::ModelResult& r,
                                               const QString& name, const ExportOptions& options)
{
    if (name == QLatin1String("predictions"))
        return buildPredictions(m, r, options);
    if (name == QLatin1String("rollout"))
        return buildRollout(m, r, options);
    return nullptr;
}
} // namespace

QStringList figureNames(const attn::Session& s)
{
    QStringList names;
    for (int k = 1; k <= s.heads; ++k)
        names << QStringLiteral("attention-head-%1").arg(k);
    names << QStringLiteral("attention-heads");
    for (int k = 1; k <= s.heads; ++k)
        names << QStringLiteral("scores-head-%1").arg(k);
    names << QStringLiteral("positional-encoding-curves")
          << QStringLiteral("positional-encoding-heatmap") << QStringLiteral("output")
          << QStringLiteral("mask") << QStringLiteral("pipeline") << QStringLiteral("head-summary");
    return names;
}

QString figureTitle(const attn::Session& s, const attn::ForwardResult& r, const QString& name)
{
    if (name.startsWith(QLatin1String("attention-head-")))
        return attentionFigure(s, r, headOf(name, QStringLiteral("attention-head-")), false).title;
    if (name.startsWith(QLatin1String("scores-head-")))
        return attentionFigure(s, r, headOf(name, QStringLiteral("scores-head-")), true).title;
    return name;
}

QImage renderFigure(const attn::Session& s, const attn::ForwardResult& r, const QString& name,
                    const ExportOptions& options)
{
    const auto canvas = buildFigure(s, r, name, options);
    if (!canvas)
        return {};
    return rasterise(canvasPainting(*canvas), options);
}

QByteArray figureFile(const attn::Session& s, const attn::ForwardResult& r, const QString& name,
                      const ExportOptions& options)
{
    const auto canvas = buildFigure(s, r, name, options);
    if (!canvas)
        return {};
    return encode(canvasPainting(*canvas), figureTitle(s, r, name), options);
}

QStringList modelFigureNames(const attn::ModelResult& r)
{
    QStringList names{QStringLiteral("model-view")};
    for (int l = 1; l <= int(r.blocks.size()); ++l)
        names << QLatin1String(kHeadLinesPrefix) + QString::number(l);
    names << QStringLiteral("rollout");
    if (hasPredictions(r))
        names << QStringLiteral("predictions");
    return names;
}

bool isModelFigure(const QString& name)
{
    return name == QLatin1String("model-view") || name == QLatin1String("predictions") ||
           name == QLatin1String("rollout") || headLinesBlock(name) > 0;
}

QImage renderModelFigure(const attn::Model& m, const attn::ModelResult& r, const QString& name,
                         const ExportOptions& options)
{
    if (name == QLatin1String("model-view")) {
        const auto view = buildModelView(m, r, options);
        return rasterise(widgetPainting(*view), options);
    }
    if (const auto lines = buildHeadLines(m, r, headLinesBlock(name), options))
        return rasterise(headLinesPainting(*lines), options);
    if (const auto canvas = buildModelCanvas(m, r, name, options))
        return rasterise(canvasPainting(*canvas), options);
    return {};
}

QByteArray modelFigureFile(const attn::Model& m, const attn::ModelResult& r, const QString& name,
                           const ExportOptions& options)
{
    if (name == QLatin1String("model-view")) {
        const auto view = buildModelView(m, r, options);
        return encode(widgetPainting(*view), view->data().title, options);
    }
    if (const auto lines = buildHeadLines(m, r, headLinesBlock(name), options))
        return encode(headLinesPainting(*lines), lines->drawing.figure().title, options);
    if (const auto canvas = buildModelCanvas(m, r, name, options))
        return encode(canvasPainting(*canvas),
                      name == QLatin1String("rollout") ? tr("Attention rollout")
                                                       : tr("Next-token predictions"),
                      options);
    return {};
}

QByteArray imageAttentionFile(const ImageAttentionFigure& figure, const ExportOptions& options)
{
    const int width = int((options.widthInches > 0 ? options.widthInches : 9) * kLogicalDpi);
    const QSize size = imageAttentionSize(figure, width);
    return encode(painterPainting(size,
                                  [&figure, size](QPainter& painter) {
                                      painter.setRenderHint(QPainter::TextAntialiasing);
                                      paintImageAttention(painter, figure, size);
                                  }),
                  figure.title, options);
}

QString exportAll(const attn::Session& s, const attn::ForwardResult& r, const QString& dir,
                  const ExportOptions& options, const std::function<bool(int, int)>& progress,
                  const attn::Model* model, const attn::ModelResult* modelResult)
{
    if (!QDir().mkpath(dir))
        return tr("%1: the folder cannot be created").arg(QDir::toNativeSeparators(dir));
    const bool withModel = model && modelResult;
    QStringList names = figureNames(s);
    if (withModel)
        names << modelFigureNames(*modelResult);
    QVector<QPair<QString, QByteArray>> files;
    for (int i = 0; i < names.size(); ++i) {
        files.append({QDir(dir).filePath(names[i] + QLatin1Char('.') + options.format),
                      withModel && isModelFigure(names[i])
                          ? modelFigureFile(*model, *modelResult, names[i], options)
                          : figureFile(s, r, names[i], options)});
        if (files.last().second.isEmpty())
            return tr("%1: the figure could not be drawn").arg(files.last().first);
        if (progress && !progress(i + 1, names.size() + 1))
            return tr("Export cancelled; nothing was written.");
    }
    if (const QString error = writeAllOrNothing(files); !error.isEmpty())
        return error;
    if (progress)
        progress(names.size() + 1, names.size() + 1);
    return {};
}

QString writeAllOrNothing(const QVector<QPair<QString, QByteArray>>& files)
{
    QStringList written;
    for (const auto& [path, bytes] : files) {
        if (const QString error = writeFileAtomically(path, bytes); !error.isEmpty()) {
            for (const QString& done : written)
                QFile::remove(done);
            return error;
        }
        written << path;
    }
    return {};
}

QByteArray matrixCsv(const attn::Matrix& values, const QStringList& rowLabels,
                     const QStringList& colLabels)
{
    const auto quote = [](QString field) {
        if (field.contains(QRegularExpression(QStringLiteral("[\",\\n\\r]"))) ||
            field.trimmed() != field)
            field = QLatin1Char('"') + field.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                    QLatin1Char('"');
        return field;
    };
    QString csv;
    csv += QLatin1String("\"\"");
    for (int c = 0; c < values.cols(); ++c)
        csv += QLatin1Char(',') + quote(colLabels.value(c, QString::number(c + 1)));
    csv += QLatin1Char('\n');
    for (int r = 0; r < values.rows(); ++r) {
        csv += quote(rowLabels.value(r, QString::number(r + 1)));
        for (int c = 0; c < values.cols(); ++c)
            csv += QLatin1Char(',') + formatExact(values(r, c));
        csv += QLatin1Char('\n');
    }
    return csv.toUtf8();
}

} // namespace av

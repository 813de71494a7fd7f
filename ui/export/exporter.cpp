#include "exporter.h"

#include "barplot.h"
#include "curveplot.h"
#include "figurecanvas.h"
#include "figures.h"
#include "heatmapplot.h"
#include "numberformat.h"
#include "painting.h"
#include "positionalencoding.h"
#include "sessionfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <memory>

namespace av {
namespace {

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

QString exportAll(const attn::Session& s, const attn::ForwardResult& r, const QString& dir,
                  const ExportOptions& options, const std::function<bool(int, int)>& progress,
                  const attn::Model* model, const attn::ModelResult* modelResult)
{
    if (!QDir().mkpath(dir))
        return tr("%1: the folder cannot be created").arg(QDir::toNativeSeparators(dir));
    const bool withModel = model && modelResult;
    QStringList names = figureNames(s);
    if (withModel)
        names << modelFigureNames(*model, *modelResult);
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

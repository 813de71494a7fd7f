// A whole transformer's figures (exporter.h: modelFigureNames and after): the model view,
// the head lines of each block, the rollout, the predictions, and an image's attention.
#include "curveplot.h"
#include "encoderdecoderfigures.h"
#include "exporter.h"
#include "figurecanvas.h"
#include "headgridview.h"
#include "headlinesdrawing.h"
#include "heatmapplot.h"
#include "imageattentiondrawing.h"
#include "modelfigures.h"
#include "painting.h"
#include "rankingplot.h"
#include "trainingfigures.h"

#include <QCoreApplication>
#include <QPainter>
#include <algorithm>
#include <memory>

namespace av {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("av", text);
}

/// The model view is one widget painted with QPainter (not a QCustomPlot): it is drawn
/// through QWidget::render, at the figure's size or the width options ask for.
/// An encoder–decoder session's encoder and cross-attention grids are drawn the same way.
std::unique_ptr<HeadGridView> buildModelView(const ModelViewFigure& figure,
                                             const ExportOptions& options)
{
    auto view = std::make_unique<HeadGridView>();
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->setData(figure);
    view->setColorMapKind(options.colorMap);
    // At least 4.5 inches wide, so that the title of a model of one or two heads fits.
    QSize size = inches(std::max(4.5, 1.2 + 1.15 * figure.heads), 0.7 + 1.15 * figure.blocks);
    if (options.widthInches > 0)
        size = QSizeF(size)
                   .scaled(options.widthInches * kLogicalDpi, 1e9, Qt::KeepAspectRatio)
                   .toSize();
    view->resize(size);
    return view;
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

/// Every row of one block's head lines at once, every head shown and nothing hovered; the
/// rows closer for long inputs, so that the page stays within PDF's 200 inches.
struct HeadLinesExport
{
    HeadLinesDrawing drawing;
    QSize size;
};

/// The head lines a name asks for (head-lines-layer-L, or encoder-/cross-… of it), or nullptr.
std::unique_ptr<HeadLinesExport> buildHeadLines(const attn::Model& m, const attn::ModelResult& r,
                                                const QString& name, const ExportOptions& options)
{
    const auto which = parseHeadLinesName(name);
    if (!which)
        return nullptr;
    HeadLinesFigure figure =
        headLinesFigure(m, r, which->second, kDefaultLineCoverage, which->first);
    if (figure.heads() == 0)
        return nullptr;
    auto out = std::make_unique<HeadLinesExport>();
    out->drawing.setFigure(std::move(figure));
    const QFont font;
    const int width = options.widthInches > 0
                          ? int(options.widthInches * kLogicalDpi)
                          : std::max(int(6.5 * kLogicalDpi), out->drawing.preferredWidth(font));
    const int natural = HeadLinesDrawing::naturalPitch(font);
    const int n = std::max(1, out->drawing.figure().rows());
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

/// The grid a name asks for (the model view, or an encoder–decoder session's encoder or
/// cross-attention grid); 0 blocks for another name.
ModelViewFigure gridFigure(const attn::Model& m, const attn::ModelResult& r, const QString& name)
{
    if (name == QLatin1String("model-view"))
        return modelViewFigure(m, r);
    const auto kind = parseAttentionKindFigureName(name);
    if (kind && kind->block < 0)
        return attentionKindFigure(m, r, kind->kind);
    return {};
}

/// A training run's loss and accuracy above each head's prefix-matching score, against the
/// step (from the model's `training` field); nullptr when it records no run.
std::unique_ptr<FigureCanvas> buildTraining(const attn::Model& m, const ExportOptions& options)
{
    const attn::TrainingHistory h = attn::readTrainingHistory(m.trainingJson);
    if (h.steps.empty())
        return nullptr;
    auto canvas = std::make_unique<FigureCanvas>(inches(8, 8));
    const CurvesFigure loss = lossFigure(h.steps, QString::fromStdString(h.task));
    canvas->add<CurvePlot>(0, 0)->setData(loss.title, loss.xTitle, loss.yTitle, loss.curves);
    const CurvesFigure scores =
        headScoresFigure(h.headScores, m.heads(), HeadScoreKind::PrefixMatching);
    if (!scores.empty())
        canvas->add<CurvePlot>(1, 0)->setData(scores.title, scores.xTitle, scores.yTitle,
                                              scores.curves);
    canvas->setWidth(options.widthInches * kLogicalDpi);
    return canvas;
}

/// The model's figures drawn on a canvas (all but the grids), or nullptr.
std::unique_ptr<FigureCanvas> buildModelCanvas(const attn::Model& m, const attn::ModelResult& r,
                                               const QString& name, const ExportOptions& options)
{
    if (const auto kind = parseAttentionKindFigureName(name); kind && kind->block >= 0) {
        HeatmapData d = attentionKindCellFigure(m, r, kind->kind, kind->block, kind->head);
        if (d.values.size() == 0)
            return nullptr;
        auto canvas = std::make_unique<FigureCanvas>(inches(8, 7));
        canvas->add<HeatmapPlot>()->setData(d);
        canvas->setWidth(options.widthInches * kLogicalDpi);
        canvas->setColorMap(options.colorMap);
        return canvas;
    }
    if (name == QLatin1String("predictions"))
        return buildPredictions(m, r, options);
    if (name == QLatin1String("rollout"))
        return buildRollout(m, r, options);
    if (name == QLatin1String("loss"))
        return buildTraining(m, options);
    return nullptr;
}
} // namespace

QStringList modelFigureNames(const attn::Model& m, const attn::ModelResult& r)
{
    QStringList names{QStringLiteral("model-view")};
    for (int l = 0; l < int(r.blocks.size()); ++l)
        names << attentionKindHeadLinesName(AttentionKind::Decoder, l);
    names << QStringLiteral("rollout");
    if (hasPredictions(r))
        names << QStringLiteral("predictions");
    if (!m.trainingJson.empty() && !attn::readTrainingHistory(m.trainingJson).steps.empty())
        names << QStringLiteral("loss");
    if (!r.encoder.empty()) { // an encoder–decoder session's encoder and cross-attention
        const int heads = r.blocks.empty() ? 0 : int(r.blocks.front().heads.size());
        const std::pair<AttentionKind, int> kinds[] = {
            {AttentionKind::Encoder, int(r.encoder.front().blocks.size())},
            {AttentionKind::Cross, int(r.blocks.size())}};
        for (const auto& [kind, blocks] : kinds) {
            names << attentionKindFigureName(kind);
            for (int l = 0; l < blocks; ++l)
                names << attentionKindHeadLinesName(kind, l);
            for (int l = 0; l < blocks; ++l)
                for (int h = 0; h < heads; ++h)
                    names << attentionKindFigureName(kind, l, h);
        }
    }
    return names;
}

bool isModelFigure(const QString& name)
{
    return name == QLatin1String("model-view") || name == QLatin1String("predictions") ||
           name == QLatin1String("rollout") || name == QLatin1String("loss") ||
           parseHeadLinesName(name).has_value() || parseAttentionKindFigureName(name).has_value();
}

QImage renderModelFigure(const attn::Model& m, const attn::ModelResult& r, const QString& name,
                         const ExportOptions& options)
{
    if (const ModelViewFigure grid = gridFigure(m, r, name); grid.blocks > 0) {
        const auto view = buildModelView(grid, options);
        return rasterise(widgetPainting(*view), options);
    }
    if (const auto lines = buildHeadLines(m, r, name, options))
        return rasterise(headLinesPainting(*lines), options);
    if (const auto canvas = buildModelCanvas(m, r, name, options))
        return rasterise(canvasPainting(*canvas), options);
    return {};
}

QByteArray modelFigureFile(const attn::Model& m, const attn::ModelResult& r, const QString& name,
                           const ExportOptions& options)
{
    if (const ModelViewFigure grid = gridFigure(m, r, name); grid.blocks > 0) {
        const auto view = buildModelView(grid, options);
        return encode(widgetPainting(*view), view->data().title, options);
    }
    if (const auto lines = buildHeadLines(m, r, name, options))
        return encode(headLinesPainting(*lines), lines->drawing.figure().title, options);
    if (const auto canvas = buildModelCanvas(m, r, name, options))
        return encode(canvasPainting(*canvas),
                      name == QLatin1String("rollout")       ? tr("Attention rollout")
                      : name == QLatin1String("predictions") ? tr("Next-token predictions")
                      : name == QLatin1String("loss")        ? tr("Training")
                                                             : tr("Encoder–decoder attention"),
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

} // namespace av

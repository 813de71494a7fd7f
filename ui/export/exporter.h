#pragma once
// Figures for slides and papers: every view as PNG, SVG or PDF, one at a time or all at
// once, drawn by the same plot widgets as the window (so they look the same), in vector
// form for SVG and PDF.

#include "attention.h"
#include "colormaps.h"
#include "model.h"
#include "modelresult.h"
#include "session.h"

#include <QImage>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>

namespace av {

struct ExportOptions
{
    QString format = QStringLiteral("png"); ///< png, svg or pdf
    int dpi = 144;                          ///< PNG resolution: pixels = inches × dpi
    bool transparent = false;               ///< PNG background: transparent instead of white
    double widthInches = 0; ///< figure width; 0: its own (height keeps the proportions)
    /// The heatmaps' colour scale (View ▸ Colour map: grey for printing); signed data stays
    /// diverging.
    ColorMapKind colorMap = ColorMapKind::Viridis;
};

/// The figures of a session, as file stems: attention-head-k, attention-heads,
/// scores-head-k, positional-encoding-curves, positional-encoding-heatmap, output, and
/// pipeline, mask, head-summary.
QStringList figureNames(const attn::Session& session);

/// The figure's title, as drawn on it (for menus and progress).
QString figureTitle(const attn::Session& session, const attn::ForwardResult& result,
                    const QString& name);

/// The figure drawn into an image at dpi (for PNG and the clipboard). Null for an unknown name.
QImage renderFigure(const attn::Session& session, const attn::ForwardResult& result,
                    const QString& name, const ExportOptions& options);

/// The figure as the bytes of a file in options.format. Empty for an unknown name.
QByteArray figureFile(const attn::Session& session, const attn::ForwardResult& result,
                      const QString& name, const ExportOptions& options);

/// The figures of a whole transformer (session v2) besides its block's v1 figures, as file
/// stems: model-view (every block × head), head-lines-layer-L for each block L from 1 (its
/// heads as lines, the head view), rollout (attention rollout over the blocks),
/// predictions when the pass has them (a vocabulary and an unembedding), and loss when the
/// model records a training run (loss, accuracy and head scores against the step).
QStringList modelFigureNames(const attn::Model& model, const attn::ModelResult& result);
/// Whether name is one of the figures only a whole transformer has.
bool isModelFigure(const QString& name);
/// How many tokens' predictions the predictions figure shows at most: the last ones.
inline constexpr int kPredictionTokensExported = 12;
/// As renderFigure and figureFile, for modelFigureNames().
QImage renderModelFigure(const attn::Model& model, const attn::ModelResult& result,
                         const QString& name, const ExportOptions& options);
QByteArray modelFigureFile(const attn::Model& model, const attn::ModelResult& result,
                           const QString& name, const ExportOptions& options);

struct ImageAttentionFigure;
/// The image-attention figure (--image) as the bytes of a file in options.format, 9 inches
/// wide unless options say otherwise.
QByteArray imageAttentionFile(const ImageAttentionFigure& figure, const ExportOptions& options);

/// Writes every figure of figureNames() into dir as NAME.EXT. All or nothing: the files
/// are drawn first, and if one cannot be written those already written are removed.
/// progress(done, total) is called after each figure and may return false to cancel.
/// Returns an empty string, or a message naming the file and the reason.
/// With a model (and its pass) the figures of modelFigureNames() are written too.
QString exportAll(const attn::Session& session, const attn::ForwardResult& result,
                  const QString& dir, const ExportOptions& options,
                  const std::function<bool(int, int)>& progress = {},
                  const attn::Model* model = nullptr,
                  const attn::ModelResult* modelResult = nullptr);

/// Files (path, bytes) written atomically, all or nothing: if one cannot be written, those
/// already written are removed. Returns an empty string, or a message naming the file.
QString writeAllOrNothing(const QVector<QPair<QString, QByteArray>>& files);

/// A matrix as CSV, with row and column labels as headers (quoted where needed).
QByteArray matrixCsv(const attn::Matrix& values, const QStringList& rowLabels,
                     const QStringList& colLabels);

} // namespace av

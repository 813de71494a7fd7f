#pragma once
// What each figure shows, built from the document's values: shared by the window's views
// and by export, so an exported figure looks like the one on screen.

#include "attention.h"
#include "figuredata.h"
#include "session.h"

#include <QString>
#include <QVector>

namespace av {

/// "Head 2 — attention weights, causal mask" (or the scores before normalisation).
HeatmapData attentionFigure(const attn::Session& s, const attn::ForwardResult& r, int head,
                            bool scores);

/// n × n weights of one head (a demonstration's, computed under another setting), with the
/// cells mask forbids hatched (an empty mask hatches none).
HeatmapData weightsFigure(const attn::Session& s, const attn::Matrix& weights,
                          const attn::MaskMatrix& mask, int head);

/// A labelled matrix of the pipeline (Q, K, V, Z …): rows are tokens, columns indices.
HeatmapData matrixFigure(const QString& title, const attn::Matrix& m, const attn::Session& s,
                         bool rowsAreTokens, bool diverging = true);

/// The n × n mask, 1 = may attend.
HeatmapData maskFigure(const attn::Session& s, const attn::ForwardResult& r);

/// The final output O.
HeatmapData outputFigure(const attn::Session& s, const attn::ForwardResult& r);

/// The encoding as positions × d_model, for `positions` positions. Dimensions are
/// labelled from 1 like every index on screen; positions from 0, as pos in PE(pos, i).
HeatmapData encodingHeatmapFigure(const attn::Matrix& encoding);

/// "position pos (from 0)": the axis of the encoding's figures. The only index on screen
/// that starts at 0, because the formula PE(pos, i) starts there, so it says so.
QString encodingPositionAxisTitle();

/// The curves of the chosen dimensions (from 0 here; the legend counts from 1) of the
/// encoding against position.
/// One curve per dimension; named "dim 7 (sin)" for the sinusoidal encoding, "dim 7" for a
/// learned one.
QVector<Curve> encodingCurves(const attn::Matrix& encoding, const QVector<int>& dimensions,
                              bool sinusoidal = true);

/// Per head: mean entropy and mean attention distance, as grouped bars.
struct SummaryFigure
{
    QString title;
    QStringList categories;
    QVector<BarSeries> series;
};
SummaryFigure summaryFigure(const attn::Session& s, const attn::ForwardResult& r);

/// The dimensions the classic figure shows, from 0: 6–9 (on screen 7–10) when d_model
/// allows, else the first four.
QVector<int> defaultEncodingDimensions(int dModel);

} // namespace av

#pragma once
// Inside the walkthrough (walkthrough.h): what its steps share. Walk holds the session,
// the result and the followed number, resolved once; its steps are defined by stage in
// walkinputsteps.cpp, walkattentionsteps.cpp, walkoutputsteps.cpp and, for a block of a
// model, walkblocksteps.cpp and walkrolloutstep.cpp. Only those files and walkthrough.cpp
// include this header.

#include "attention.h"
#include "blockparts.h"
#include "figuredata.h"
#include "figures.h"
#include "model.h"
#include "modelresult.h"
#include "names.h"
#include "session.h"
#include "trace.h"
#include "walkthrough.h"

#include <QCoreApplication>
#include <QPoint>
#include <QString>
#include <QVector>
#include <vector>

namespace av {
namespace walk {

inline constexpr int kMaxListed = 6; ///< longer vectors and sums are shortened with “…”

/// name<sub>index</sub>
QString sub(const QString& name, const QString& index);
/// An index as shown: on screen, indices start at 1.
QString one(int index);
/// "[0.30, 0.36, 0.42]", shortened after kMaxListed entries.
QString vectorText(const attn::RowVector& v);
/// "0.30 × 0.50 + 0.36 × 0.98 + …": the terms of a sum of products, shortened when long.
QString productSum(const attn::RowVector& a, const attn::RowVector& b);
QVector<QPoint> rowCells(int row, int cols);
QVector<QPoint> columnCells(int col, int rows);
QVector<QPoint> allCells(int rows, int cols);
/// The cells of row i that the mask lets through.
QVector<QPoint> allowedCells(const attn::MaskMatrix& mask, int i);
WalkStep::Shown shown(const QString& caption, const HeatmapData& data,
                      const QVector<QPoint>& cells);

} // namespace walk

/// Everything the steps share, resolved once. Its tr() translates in the context
/// "av::Walkthrough" (lupdate reads the context from the macro).
struct Walk
{
    Q_DECLARE_TR_FUNCTIONS(av::Walkthrough)

public:
    const attn::Session& s;
    const attn::ForwardResult& r;
    int i, c, h, cc, n, dK;
    const attn::HeadResult& head;
    std::vector<attn::WeightTrace> traces; ///< one per key j, for query i in head h
    int focus;     ///< the key with the largest weight: its sum is spelled out
    QString I, H;  ///< i and h as shown (from 1)
    QString token; ///< “I”, escaped for rich text

    // For a block of a model (session v2); left as they are for a v1 session.
    const attn::Model* model = nullptr;
    const attn::ModelResult* modelResult = nullptr;
    int block = 0;
    const attn::Matrix* sum = nullptr; ///< X + P, when the heads read something else (LN1)
    QString headInput;                 ///< what the heads read, in formulas; empty: x_in,i
    bool biases = false;               ///< the block's b_Q, b_K, b_V, b_O are not all zero

    HeatmapData headFigure(const QString& what, const attn::Matrix& m) const
    {
        return matrixFigure(QStringLiteral("%1 — %2").arg(what, tr("head %1").arg(H)), m, s, true);
    }
    /// 1 × n: the row of numbers query i gets, one per key (column labels are the tokens).
    HeatmapData keyRow(const QString& title, const attn::RowVector& values) const
    {
        HeatmapData d;
        d.title = title;
        d.values = values;
        d.rowLabels = QStringList{QStringLiteral("q") + I};
        d.colLabels = tokenLabels(s);
        d.colAxisTitle = tr("key");
        d.diverging = true;
        return d;
    }
    HeatmapData scoresFigure(bool hatched) const
    {
        HeatmapData d = attentionFigure(s, r, h, true);
        if (!hatched)
            d.masked.resize(0, 0);
        return d;
    }
    // The steps, in order.
    WalkStep tokensStep() const;
    WalkStep embeddingStep() const;
    WalkStep positionalStep() const;
    WalkStep projectionStep() const;
    WalkStep scoreStep() const;
    WalkStep scalingStep() const;
    WalkStep maskStep() const;
    WalkStep normaliseStep() const;
    WalkStep weightedSumStep() const;
    WalkStep concatStep() const;
    WalkStep outputStep() const;
    // A block's steps after the attention (walkblocksteps.cpp).
    WalkStep blockInputStep() const;
    /// The norm at site, with its input and output named as in the formulas ("h", "m").
    WalkStep normStep(NormSite site, const QString& input, const QString& output) const;
    /// The sum after attention (second = false) or after the FFN, as M = H + O, H' = M + F.
    WalkStep residualStep(bool second) const;
    WalkStep ffnFirstStep() const;
    WalkStep activationStep() const;
    WalkStep ffnSecondStep() const;
    WalkStep blockOutputStep() const;
    WalkStep logitsStep() const;
    WalkStep probabilitiesStep() const;
    /// After the last block (walkrolloutstep.cpp): row i of the attention rollout.
    WalkStep rolloutStep() const;
    const attn::Block& modelBlock() const { return model->layers[block]; }
    const attn::BlockResult& blockResult() const { return modelResult->blocks[block]; }
    /// The FFN's hidden unit the walk follows in row i: the one with the largest |G|.
    int ffnFocus() const;
    attn::RowVector traceRow(attn::Real attn::WeightTrace::*field) const
    {
        attn::RowVector v(n);
        for (int j = 0; j < n; ++j)
            v(j) = traces[j].*field;
        return v;
    }
};

} // namespace av

#pragma once
// The pipeline panel's steps as data: every matrix of the pass in order, each with its
// formula, what it is and its shape. For a v1 session the attention layer's steps; for a
// block of a model (session v2) the block's whole steps around them: its norms, residual
// sums, FFN, output and, after the last block, the final norm and the predictions.

#include "attention.h"
#include "blockparts.h"
#include "figuredata.h"
#include "model.h"
#include "modelresult.h"
#include "session.h"

#include <QString>
#include <QVector>

namespace av {

/// What a hover over a cell of a block step explains (describeBlockCell in tracetext.h).
enum class BlockCell
{
    None, ///< an attention step (v1's), explained elsewhere
    NormStats,
    NormParams,
    NormOutput,
    Sum1, ///< the sum after attention
    FfnPre,
    FfnHidden,
    FfnOutput,
    Sum2, ///< the sum after the FFN
    Logits,
    Probabilities
};

struct PipelineStep
{
    QString formula; ///< rich text: "Q = X<sub>in</sub> W<sub>Q</sub>"
    QString what;    ///< "queries, head 1"
    QString detail;  ///< in brackets after it, the shape first: "3 × 3, T = 1"
    HeatmapData data;
    BlockCell cell = BlockCell::None;
    NormSite site = NormSite::Ln1; ///< for the norm steps
    QVector<int> ids;              ///< Logits, Probabilities: the vocabulary entry of each column
    int token = 0;                 ///< Probabilities: the token whose row is shown
};

/// "<b>7. formula</b> &nbsp; what &nbsp; <i>(detail)</i>", number counting from 1.
QString pipelineCaption(const PipelineStep& step, int number);

/// A v1 session's 13 steps: X, P, X_in, Q, K, V, S, M, A, Z, C, W_O, O (of `head`).
QVector<PipelineStep> pipelineSteps(const attn::Session& session, const attn::ForwardResult& result,
                                    int head);

/// Block `block` (0-based) of a model: its input, its norms (μ and σ² per row, γ and β, the
/// normalised matrix), the attention steps of `head`, the residual sums, the FFN (M·W_1 + b_1,
/// the activation, ·W_2 + b_2) and its output; after the last block the final norm, the logits
/// for the columns of token's top-k next tokens and token's probabilities. view and viewResult
/// are the block's attention as a v1 layer (attn::attentionView). A model that is one bare
/// attention layer (a v1 session: no residual, norm, FFN or vocabulary) gives v1's steps.
QVector<PipelineStep> blockPipelineSteps(const attn::Model& model, const attn::ModelResult& result,
                                         int block, const attn::Session& view,
                                         const attn::ForwardResult& viewResult, int head,
                                         int token);

} // namespace av

#pragma once
// The figures of a whole transformer (session v2) as plain values: every block × head's
// attention at once (the "model view") and the next-token predictions. Shared by the
// window's panels and by export, so an exported figure shows what the screen shows.

#include "figuredata.h"
#include "model.h"
#include "modelresult.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace av {

/// Every block × head of a model: blocks are rows, heads columns.
struct ModelViewFigure
{
    QString title;
    int blocks = 0;
    int heads = 0;
    QStringList rowLabels;                 ///< "block 1" … "block L"
    QStringList colLabels;                 ///< "head 1" … "head H"
    QStringList tokens;                    ///< the n tokens, for tool tips and the cells' axes
    QVector<attn::Matrix> weights;         ///< blocks × heads, row-major: cell (l, h) is A, n × n
    QVector<bool> ablated;                 ///< blocks × heads, row-major: Z of (l, h) is 0
    attn::MaskMatrix mask;                 ///< n × n, 0: not allowed (drawn apart from weight 0)
    std::pair<double, double> range{0, 1}; ///< colour range shared by every cell
    /// blocks × heads, row-major: a head-role score each cell's frame shows (from thin for
    /// the lowest of all heads to thick for the highest), or empty for plain frames.
    QVector<double> frameScores;
    QString frameScoreName; ///< the score frameScores holds ("previous", ...)

    int index(int block, int head) const { return block * heads + head; }
    const attn::Matrix& cell(int block, int head) const { return weights[index(block, head)]; }
    bool isAblated(int block, int head) const { return ablated[index(block, head)]; }
};

/// frameScore: a score column of HeadRolesFigure (2 …) for the frames, or −1 for none.
ModelViewFigure modelViewFigure(const attn::Model& model, const attn::ModelResult& result,
                                int frameScore = -1);

/// One cell of the model view as a heatmap of its own (export, "block 2, head 3").
HeatmapData modelViewCellFigure(const attn::Model& model, const attn::ModelResult& result,
                                int block, int head);

/// The most probable next tokens after one token, most probable first.
struct PredictionsFigure
{
    QString title;               ///< "Next token after “cat” (token 3)"
    QStringList labels;          ///< the predicted tokens' strings
    QVector<double> probability; ///< p of each, from the pass (softmax of its logits row)
    QVector<int> ids;            ///< their indices in the vocabulary
};

/// Whether the pass has predictions: a vocabulary and an unembedding (logits n × V).
bool hasPredictions(const attn::ModelResult& result);

/// The predictions after token (0-based) as the pass keeps them (result.topK[token]).
/// Empty (no labels) without predictions or for a token out of range.
PredictionsFigure predictionsFigure(const attn::Model& model, const attn::ModelResult& result,
                                    int token);

/// Attention rollout over the blocks (rollout.h): row i is how much token i's final state
/// draws on each input token (column j), through the attention and the residuals.
HeatmapData rolloutFigure(const attn::Model& model, const attn::ModelResult& result);
/// One of the rollout's n × n matrices (Â_l, R_l) drawn as the rollout is: token state ×
/// input token, colours from 0 to 1.
HeatmapData rolloutStepFigure(const attn::Model& model, const QString& title,
                              const attn::Matrix& values);

/// Every block × head's role scores (headroles.h), as the rows of a table.
struct HeadRolesFigure
{
    QString title;
    QStringList columns;           ///< "block", "head", then the scores
    QStringList definitions;       ///< one per column: what the number is, for tool tips
    QVector<QVector<double>> rows; ///< one per block × head, as many values as columns
    /// Per row: whether the prefix-matching score exists (some token repeats).
    QVector<bool> hasPrefixMatching;
    QVector<bool> ablated;                  ///< per row: the head is switched off
    static constexpr int kPrefixColumn = 4; ///< the column of the prefix-matching score
};

HeadRolesFigure headRolesFigure(const attn::Model& model, const attn::ModelResult& result);
/// The names of the score columns (2 …) of HeadRolesFigure, in order.
QStringList headRoleScoreNames();

/// "3: cat": the tokens as choices of a selector, numbered from 1 as on every screen.
QStringList tokenChoices(const attn::Model& model);

} // namespace av

#include "modelfigures.h"

#include "headroles.h"
#include "names.h"
#include "rollout.h"

#include <QCoreApplication>
#include <algorithm>

namespace av {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("av", text);
}

} // namespace

ModelViewFigure modelViewFigure(const attn::Model& model, const attn::ModelResult& result,
                                int frameScore)
{
    ModelViewFigure f;
    f.blocks = std::min(model.layerCount(), static_cast<int>(result.blocks.size()));
    f.heads = model.heads();
    f.title =
        tr("Every block × head — attention weights, %1").arg(kindName(model.settings.mask.kind));
    for (int l = 0; l < f.blocks; ++l)
        f.rowLabels << tr("block %1").arg(l + 1);
    for (int h = 0; h < f.heads; ++h)
        f.colLabels << tr("head %1").arg(h + 1);
    f.tokens = modelTokenLabels(model);
    f.mask = result.mask;
    f.weights.reserve(f.blocks * f.heads);
    double highest = 0;
    for (int l = 0; l < f.blocks; ++l)
        for (int h = 0; h < f.heads; ++h) {
            const attn::Matrix& a = result.blocks[l].heads[h].weights;
            f.weights << a;
            f.ablated << model.isAblated(l, h);
            if (a.size() > 0 && a.allFinite())
                highest = std::max(highest, a.maxCoeff());
        }
    // Softmax weights lie in [0, 1]; other normalisers share the largest weight of any cell,
    // so that cells compare with each other.
    if (model.settings.normalizer != attn::NormalizerKind::Softmax && highest > 0)
        f.range = {0, highest};
    if (frameScore >= 2) {
        const HeadRolesFigure roles = headRolesFigure(model, result);
        // The induction score exists for every head or for none (it needs a repeated token).
        const bool missing =
            frameScore == HeadRolesFigure::kPrefixColumn && !roles.hasPrefixMatching.contains(true);
        if (frameScore < roles.columns.size() && roles.rows.size() == f.blocks * f.heads) {
            f.frameScoreName = roles.columns[frameScore];
            if (missing) {
                f.title += tr(" — frames: %1 (no token repeats)").arg(f.frameScoreName);
            } else {
                f.title += tr(" — frames: %1").arg(f.frameScoreName);
                for (const QVector<double>& row : roles.rows)
                    f.frameScores << row[frameScore];
            }
        }
    }
    return f;
}

HeatmapData modelViewCellFigure(const attn::Model& model, const attn::ModelResult& result,
                                int block, int head)
{
    HeatmapData d;
    d.title = model.isAblated(block, head)
                  ? tr("Block %1, head %2 — switched off").arg(block + 1).arg(head + 1)
                  : tr("Block %1, head %2").arg(block + 1).arg(head + 1);
    d.values = result.blocks.at(block).heads.at(head).weights;
    d.rowLabels = modelTokenLabels(model);
    d.colLabels = d.rowLabels;
    d.rowAxisTitle = tr("query");
    d.colAxisTitle = tr("key");
    d.masked = result.mask;
    if (model.settings.normalizer == attn::NormalizerKind::Softmax)
        d.range = std::make_pair(0.0, 1.0);
    return d;
}

bool hasPredictions(const attn::ModelResult& result)
{
    return result.logits.size() > 0 && !result.topK.empty();
}

PredictionsFigure predictionsFigure(const attn::Model& model, const attn::ModelResult& result,
                                    int token)
{
    PredictionsFigure f;
    if (!hasPredictions(result) || token < 0 || token >= static_cast<int>(result.topK.size()))
        return f;
    const QString after =
        token < model.n() ? tokenLabel(model, model.settings.tokens[token]) : QString();
    f.title = tr("Next token after “%1” (token %2)").arg(after).arg(token + 1);
    for (const attn::Prediction& p : result.topK[token]) {
        f.labels << (p.id >= 0 && p.id < model.vocabularySize()
                         ? tokenLabel(model, model.vocabulary[p.id])
                         : QString::number(p.id));
        f.probability << p.p;
        f.ids << p.id;
    }
    return f;
}

HeatmapData rolloutFigure(const attn::Model& model, const attn::ModelResult& result)
{
    const attn::RolloutResult rollout = attn::attentionRollout(model, result);
    return rolloutStepFigure(
        model,
        tr("Attention rollout over %1 blocks — 0.5·A + 0.5·I, rows summing to 1")
            .arg(rollout.mixed.size()),
        rollout.rollout);
}

HeatmapData rolloutStepFigure(const attn::Model& model, const QString& title,
                              const attn::Matrix& values)
{
    HeatmapData d;
    d.title = title;
    d.values = values;
    d.rowLabels = modelTokenLabels(model);
    d.colLabels = d.rowLabels;
    d.rowAxisTitle = tr("final state of token");
    d.colAxisTitle = tr("input token");
    d.range = std::make_pair(0.0, 1.0);
    return d;
}

QStringList headRoleScoreNames()
{
    return {tr("previous"), tr("sink"), tr("induction"), tr("distance"), tr("entropy")};
}

HeadRolesFigure headRolesFigure(const attn::Model& model, const attn::ModelResult& result)
{
    HeadRolesFigure f;
    f.title = tr("Head roles — %1 blocks × %2 heads").arg(model.layerCount()).arg(model.heads());
    f.columns = QStringList{tr("block"), tr("head")} + headRoleScoreNames();
    f.definitions = {
        tr("The block, from 1"),
        tr("The head, from 1"),
        tr("Mean over queries i ≥ 2 of a(i, i−1): attention to the token just before"),
        tr("Mean over queries of a(i, 1): attention parked on the first token"),
        tr("Mean over the queries whose token occurred earlier (at j, with j + 1 < i) of "
           "Σ a(i, j + 1), the weight on the tokens that followed it: the induction head's "
           "score. Only when a token repeats; type a sequence twice to see it"),
        tr("Mean over queries of Σ_j a(i, j)·|i − j|: how far back (or ahead) a head looks"),
        tr("Mean over queries of −Σ_j a(i, j)·ln a(i, j), in nats: 0 looks at one token, "
           "ln n spreads evenly")};
    for (const attn::HeadRole& role : attn::headRoles(model, result)) {
        f.rows.append({double(role.block + 1), double(role.head + 1), role.previousToken, role.sink,
                       role.prefixMatching, role.meanDistance, role.entropy});
        f.hasPrefixMatching << role.hasPrefixMatching;
        f.ablated << role.ablated;
    }
    return f;
}

QStringList tokenChoices(const attn::Model& model)
{
    QStringList choices;
    const QStringList tokens = modelTokenLabels(model);
    for (int i = 0; i < tokens.size(); ++i)
        choices << tr("%1: %2").arg(i + 1).arg(tokens[i]);
    return choices;
}

} // namespace av

#include "encoderdecoderfigures.h"

#include "names.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace av {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("av", text);
}

bool hasEncoderPass(const attn::Model& m, const attn::ModelResult& r)
{
    return m.hasEncoder() && !r.encoder.empty();
}

} // namespace

QString attentionKindName(AttentionKind kind)
{
    switch (kind) {
    case AttentionKind::Encoder:
        return tr("Encoder self-attention");
    case AttentionKind::Decoder:
        return tr("Decoder self-attention (masked)");
    case AttentionKind::Cross:
        break;
    }
    return tr("Cross-attention");
}

QString attentionKindFigureName(AttentionKind kind, int block, int head)
{
    const QString prefix = kind == AttentionKind::Encoder ? QStringLiteral("encoder-")
                           : kind == AttentionKind::Cross ? QStringLiteral("cross-")
                                                          : QString();
    if (block < 0)
        return prefix + QStringLiteral("model-view");
    return prefix + QStringLiteral("attention-layer-%1-head-%2").arg(block + 1).arg(head + 1);
}

QString attentionKindHeadLinesName(AttentionKind kind, int block)
{
    const QString prefix = kind == AttentionKind::Encoder ? QStringLiteral("encoder-")
                           : kind == AttentionKind::Cross ? QStringLiteral("cross-")
                                                          : QString();
    return prefix + QStringLiteral("head-lines-layer-%1").arg(block + 1);
}

std::optional<std::pair<AttentionKind, int>> parseHeadLinesName(const QString& name)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:(encoder|cross)-)?head-lines-layer-([1-9][0-9]{0,5})$"));
    const QRegularExpressionMatch match = pattern.match(name);
    if (!match.hasMatch())
        return std::nullopt;
    const QString prefix = match.captured(1);
    const AttentionKind kind = prefix == QLatin1String("encoder") ? AttentionKind::Encoder
                               : prefix == QLatin1String("cross") ? AttentionKind::Cross
                                                                  : AttentionKind::Decoder;
    return std::pair{kind, match.captured(2).toInt() - 1};
}

std::optional<AttentionKindFigureName> parseAttentionKindFigureName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(encoder|cross)-(?:model-view|attention-layer-([1-9][0-9]*)-head-([1-9][0-9]*))$"));
    const QRegularExpressionMatch match = pattern.match(name);
    if (!match.hasMatch())
        return std::nullopt;
    AttentionKindFigureName parsed;
    parsed.kind = match.captured(1) == QLatin1String("encoder") ? AttentionKind::Encoder
                                                                : AttentionKind::Cross;
    if (match.hasCaptured(2)) {
        parsed.block = match.captured(2).toInt() - 1;
        parsed.head = match.captured(3).toInt() - 1;
    }
    return parsed;
}

QString attentionKindFormula(AttentionKind kind)
{
    switch (kind) {
    case AttentionKind::Encoder:
        return tr("The encoder reads the source. Each source token attends to every source "
                  "token: Q, K and V all come from the encoder block's own input, "
                  "A = softmax(Q·Kᵀ/√d_k), no mask.");
    case AttentionKind::Decoder:
        return tr("The decoder reads the target. Each target token attends to itself and the "
                  "tokens before it (causal mask), so that training on a whole sentence never "
                  "shows a token what follows it.");
    case AttentionKind::Cross:
        break;
    }
    return tr("Cross-attention: Q comes from the decoder (the target tokens, rows), K and V "
              "from the encoder's output E (the source tokens, columns): "
              "A = softmax(Q·Kᵀ/√d_k), Q = C·W_Q, K = E·W_K, V = E·W_V. Row i shows which "
              "source words target token i reads; every source token is allowed.");
}

int attentionKindBlocks(const attn::Model& m, AttentionKind kind)
{
    if (kind == AttentionKind::Encoder)
        return m.hasEncoder() ? m.encoder.front().layerCount() : 0;
    if (kind == AttentionKind::Cross && !m.hasEncoder())
        return 0;
    return m.layerCount();
}

ModelViewFigure attentionKindFigure(const attn::Model& m, const attn::ModelResult& r,
                                    AttentionKind kind)
{
    if (kind == AttentionKind::Decoder) {
        ModelViewFigure f = modelViewFigure(m, r);
        f.title = attentionKindName(kind);
        return f;
    }
    if (!hasEncoderPass(m, r))
        return {};
    if (kind == AttentionKind::Encoder) {
        ModelViewFigure f = modelViewFigure(m.encoder.front(), r.encoder.front());
        f.title = attentionKindName(kind);
        return f;
    }
    ModelViewFigure f;
    f.title = tr("Cross-attention: target × source");
    f.blocks = std::min(m.layerCount(), int(r.blocks.size()));
    f.heads = m.heads();
    for (int l = 0; l < f.blocks; ++l)
        f.rowLabels << tr("block %1").arg(l + 1);
    for (int h = 0; h < f.heads; ++h)
        f.colLabels << tr("head %1").arg(h + 1);
    f.tokens = modelTokenLabels(m);
    double highest = 0;
    for (int l = 0; l < f.blocks; ++l)
        for (int h = 0; h < f.heads; ++h) {
            const auto& heads = r.blocks[l].cross.heads;
            const attn::Matrix a = h < int(heads.size()) ? heads[h].weights : attn::Matrix();
            f.weights << a;
            f.ablated << m.isCrossAblated(l, h);
            if (a.size() > 0 && a.allFinite())
                highest = std::max(highest, a.maxCoeff());
        }
    if (m.settings.normalizer != attn::NormalizerKind::Softmax && highest > 0)
        f.range = {0, highest};
    return f;
}

static QString switchedOffTitle(const QString& title, bool off)
{
    return off ? tr("%1, switched off (Z = 0)").arg(title) : title;
}

HeatmapData attentionKindCellFigure(const attn::Model& m, const attn::ModelResult& r,
                                    AttentionKind kind, int block, int head)
{
    if (kind == AttentionKind::Decoder) {
        if (block < 0 || block >= int(r.blocks.size()) || head < 0 || head >= m.heads())
            return {};
        HeatmapData d = modelViewCellFigure(m, r, block, head);
        d.title = switchedOffTitle(
            tr("Decoder block %1, head %2 — masked self-attention").arg(block + 1).arg(head + 1),
            m.isAblated(block, head));
        return d;
    }
    if (!hasEncoderPass(m, r))
        return {};
    const attn::Model& encoder = m.encoder.front();
    const attn::ModelResult& encoded = r.encoder.front();
    if (kind == AttentionKind::Encoder) {
        if (block < 0 || block >= int(encoded.blocks.size()) || head < 0 || head >= m.heads())
            return {};
        HeatmapData d = modelViewCellFigure(encoder, encoded, block, head);
        d.title = switchedOffTitle(
            tr("Encoder block %1, head %2 — self-attention").arg(block + 1).arg(head + 1),
            encoder.isAblated(block, head));
        return d;
    }
    if (block < 0 || block >= int(r.blocks.size()) || head < 0 ||
        head >= int(r.blocks[block].cross.heads.size()))
        return {};
    HeatmapData d;
    d.title = switchedOffTitle(
        tr("Decoder block %1, head %2 — cross-attention").arg(block + 1).arg(head + 1),
        m.isCrossAblated(block, head));
    d.values = r.blocks[block].cross.heads[head].weights;
    d.rowLabels = modelTokenLabels(m);
    d.colLabels = modelTokenLabels(encoder);
    d.rowAxisTitle = tr("target token (query, from the decoder)");
    d.colAxisTitle = tr("source token (key, from the encoder's output)");
    if (m.settings.normalizer == attn::NormalizerKind::Softmax)
        d.range = std::make_pair(0.0, 1.0);
    return d;
}

} // namespace av

#include "names.h"

#include <QCoreApplication>

namespace av {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("av", text); }

} // namespace

QString kindName(attn::PeKind kind)
{
    switch (kind) {
    case attn::PeKind::None:
        return tr("none");
    case attn::PeKind::Sinusoidal:
        return tr("sinusoidal");
    case attn::PeKind::Learned:
        return tr("learned");
    }
    return {};
}

QString kindName(attn::ScoreKind kind)
{
    switch (kind) {
    case attn::ScoreKind::ScaledDot:
        return tr("scaled dot product");
    case attn::ScoreKind::Dot:
        return tr("dot product");
    case attn::ScoreKind::Cosine:
        return tr("cosine");
    case attn::ScoreKind::Additive:
        return tr("additive");
    }
    return {};
}

QString kindName(attn::MaskKind kind)
{
    switch (kind) {
    case attn::MaskKind::None:
        return tr("no mask");
    case attn::MaskKind::Causal:
        return tr("causal mask");
    case attn::MaskKind::Window:
        return tr("window mask");
    case attn::MaskKind::CausalWindow:
        return tr("causal window mask");
    case attn::MaskKind::Custom:
        return tr("custom mask");
    }
    return {};
}

QString kindName(attn::NormalizerKind kind)
{
    switch (kind) {
    case attn::NormalizerKind::Softmax:
        return tr("softmax");
    case attn::NormalizerKind::Relu:
        return tr("ReLU");
    }
    return {};
}

QString kindName(attn::InitKind kind)
{
    switch (kind) {
    case attn::InitKind::XavierUniform:
        return tr("Xavier uniform");
    case attn::InitKind::Normal:
        return tr("normal");
    case attn::InitKind::Identity:
        return tr("identity");
    case attn::InitKind::Zero:
        return tr("zero");
    }
    return {};
}

QString matrixName(attn::MatrixRef ref)
{
    switch (ref.kind) {
    case attn::MatrixKind::Embeddings:
        return tr("X (embeddings)");
    case attn::MatrixKind::WQ:
        return tr("W_Q (head %1)").arg(ref.head + 1);
    case attn::MatrixKind::WK:
        return tr("W_K (head %1)").arg(ref.head + 1);
    case attn::MatrixKind::WV:
        return tr("W_V (head %1)").arg(ref.head + 1);
    case attn::MatrixKind::WO:
        return tr("W_O");
    case attn::MatrixKind::AdditiveW:
        return tr("w (additive score, one row per head)");
    case attn::MatrixKind::LearnedPE:
        return tr("P (learned positional encoding)");
    }
    return {};
}

QStringList tokenLabels(const attn::Session& session)
{
    QStringList labels;
    for (const std::string& token : session.tokens)
        labels << QString::fromStdString(token);
    return labels;
}

QStringList indexLabels(int count)
{
    QStringList labels;
    for (int i = 1; i <= count; ++i)
        labels << QString::number(i);
    return labels;
}

} // namespace av

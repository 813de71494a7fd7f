#include "names.h"

#include "bpetokenizer.h"

#include <QCoreApplication>

namespace av {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("av", text);
}

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

QString modelMatrixName(attn::ModelMatrixRef ref)
{
    using K = attn::ModelMatrix;
    const QString head = tr("head %1").arg(ref.head + 1);
    QString name;
    switch (ref.kind) {
    case K::Embeddings:
        name = tr("X (embeddings)");
        break;
    case K::TokenEmbeddings:
        name = tr("E (token embeddings, one row per vocabulary token)");
        break;
    case K::LearnedPositions:
        name = tr("P (learned positional encoding)");
        break;
    case K::FinalGain:
        name = tr("LN_f gain γ (final norm)");
        break;
    case K::FinalBias:
        name = tr("LN_f bias β (final norm)");
        break;
    case K::Unembedding:
        return tr("W_U (unembedding)");
    case K::UnembeddingBias:
        return tr("b_U (unembedding bias)");
    case K::WQ:
        name = tr("W_Q (%1)").arg(head);
        break;
    case K::WK:
        name = tr("W_K (%1)").arg(head);
        break;
    case K::WV:
        name = tr("W_V (%1)").arg(head);
        break;
    case K::BQ:
        name = tr("b_Q (%1)").arg(head);
        break;
    case K::BK:
        name = tr("b_K (%1)").arg(head);
        break;
    case K::BV:
        name = tr("b_V (%1)").arg(head);
        break;
    case K::WO:
        name = tr("W_O");
        break;
    case K::BO:
        name = tr("b_O");
        break;
    case K::AdditiveW:
        name = tr("w (additive score, one row per head)");
        break;
    case K::Ln1Gain:
        name = ref.cross ? tr("LN_c gain γ") : tr("LN1 gain γ");
        break;
    case K::Ln1Bias:
        name = ref.cross ? tr("LN_c bias β") : tr("LN1 bias β");
        break;
    case K::Ln2Gain:
        name = tr("LN2 gain γ");
        break;
    case K::Ln2Bias:
        name = tr("LN2 bias β");
        break;
    case K::W1:
        name = tr("W_1 (FFN)");
        break;
    case K::B1:
        name = tr("b_1 (FFN)");
        break;
    case K::W2:
        name = tr("W_2 (FFN)");
        break;
    case K::B2:
        name = tr("b_2 (FFN)");
        break;
    }
    if (ref.cross && ref.kind != K::Ln1Gain && ref.kind != K::Ln1Bias)
        name = tr("cross-attention %1").arg(name);
    const bool inBlock = ref.kind >= K::WQ && ref.kind <= K::B2;
    if (ref.encoder)
        return inBlock ? tr("Encoder block %1 · %2").arg(ref.block + 1).arg(name)
                       : tr("Encoder · %1").arg(name);
    return inBlock ? tr("Block %1 · %2").arg(ref.block + 1).arg(name) : name;
}

QString kindName(attn::NormPlacement norm)
{
    switch (norm) {
    case attn::NormPlacement::Pre:
        return tr("pre-norm (GPT-2)");
    case attn::NormPlacement::Post:
        return tr("post-norm (2017)");
    case attn::NormPlacement::None:
        break;
    }
    return tr("no norm");
}

QString kindName(attn::Activation activation)
{
    switch (activation) {
    case attn::Activation::Gelu:
        return tr("GELU (erf)");
    case attn::Activation::GeluTanh:
        return tr("GELU (tanh)");
    case attn::Activation::Relu:
        break;
    }
    return tr("ReLU");
}

QStringList tokenLabels(const attn::Session& session)
{
    QStringList labels;
    for (const std::string& token : session.tokens)
        labels << QString::fromStdString(token);
    return labels;
}

QString markedToken(const std::string& text)
{
    QString shown = QString::fromStdString(text);
    qsizetype leading = 0;
    while (leading < shown.size() && shown[leading] == QLatin1Char(' '))
        ++leading;
    shown.replace(0, leading, QString(leading, QChar(0x2423)));
    shown.replace(QLatin1Char('\n'), QChar(0x21B5));
    shown.replace(QLatin1Char('\t'), QChar(0x21E5));
    return shown;
}

QString tokenLabel(const attn::Model& model, const std::string& token)
{
    return model.tokenText.empty() ? QString::fromStdString(token)
                                   : markedToken(attn::pieceLabel(token));
}

std::vector<std::string> shownTokens(const attn::Model& model)
{
    if (model.tokenText.empty())
        return model.settings.tokens;
    std::vector<std::string> shown;
    for (const std::string& token : model.settings.tokens)
        shown.push_back(tokenLabel(model, token).toStdString());
    return shown;
}

QStringList modelTokenLabels(const attn::Model& model)
{
    QStringList labels;
    for (const std::string& token : model.settings.tokens)
        labels << tokenLabel(model, token);
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

#include "modeledit.h"

#include "sessionedit.h"
#include "sessionerror.h"

#include <algorithm>
#include <string>

namespace attn {
namespace {

Block& checkedBlock(Model& model, int block)
{
    return model.layers.at(static_cast<std::size_t>(block));
}

bool isHeadMatrix(ModelMatrix kind)
{
    return kind == ModelMatrix::WQ || kind == ModelMatrix::WK || kind == ModelMatrix::WV ||
           kind == ModelMatrix::BQ || kind == ModelMatrix::BK || kind == ModelMatrix::BV;
}

bool isBlockMatrix(ModelMatrix kind)
{
    return kind >= ModelMatrix::WQ && kind <= ModelMatrix::B2;
}

/// The kinds a cross-attention has: its attention's, and LN_c's as Ln1's.
bool isCrossMatrix(ModelMatrix kind)
{
    return (kind >= ModelMatrix::WQ && kind <= ModelMatrix::AdditiveW) ||
           kind == ModelMatrix::Ln1Gain || kind == ModelMatrix::Ln1Bias;
}

ModelMatrixRef inEncoder(ModelMatrixRef ref)
{
    ref.encoder = false;
    return ref;
}

MatrixMap mapOf(Matrix& m)
{
    return MatrixMap(m.data(), m.rows(), m.cols());
}

MatrixMap mapOf(RowVector& v)
{
    return MatrixMap(v.data(), 1, v.size());
}

LayerNormParams unitNorm(int d)
{
    return {RowVector::Ones(d), RowVector::Zero(d), 1e-5};
}

} // namespace

std::optional<ModelMatrixRef> modelRef(MatrixRef ref, int block)
{
    switch (ref.kind) {
    case MatrixKind::WQ:
        return ModelMatrixRef{ModelMatrix::WQ, block, ref.head};
    case MatrixKind::WK:
        return ModelMatrixRef{ModelMatrix::WK, block, ref.head};
    case MatrixKind::WV:
        return ModelMatrixRef{ModelMatrix::WV, block, ref.head};
    case MatrixKind::WO:
        return ModelMatrixRef{ModelMatrix::WO, block, 0};
    case MatrixKind::AdditiveW:
        return ModelMatrixRef{ModelMatrix::AdditiveW, block, 0};
    case MatrixKind::LearnedPE:
        return ModelMatrixRef{ModelMatrix::LearnedPositions, 0, 0};
    default:
        return std::nullopt;
    }
}

bool hasMatrix(const Model& m, ModelMatrixRef ref)
{
    if (ref.encoder)
        return m.hasEncoder() && ref.kind < ModelMatrix::Unembedding &&
               hasMatrix(m.encoder.front(), inEncoder(ref));
    if (isBlockMatrix(ref.kind)) {
        if (ref.block < 0 || ref.block >= m.layerCount())
            return false;
        const Block& b = m.layers[ref.block];
        if (ref.cross && (!b.cross || !isCrossMatrix(ref.kind)))
            return false;
        if (isHeadMatrix(ref.kind))
            return ref.head >= 0 && ref.head < m.heads();
        switch (ref.kind) {
        case ModelMatrix::Ln1Gain:
        case ModelMatrix::Ln1Bias:
            return b.norm != NormPlacement::None;
        case ModelMatrix::Ln2Gain:
        case ModelMatrix::Ln2Bias:
            return b.norm != NormPlacement::None && b.ffn.has_value();
        case ModelMatrix::W1:
        case ModelMatrix::B1:
        case ModelMatrix::W2:
        case ModelMatrix::B2:
            return b.ffn.has_value();
        default:
            return true;
        }
    }
    switch (ref.kind) {
    case ModelMatrix::Embeddings:
        return m.vocabulary.empty();
    case ModelMatrix::TokenEmbeddings:
        return !m.vocabulary.empty();
    case ModelMatrix::LearnedPositions:
        return m.settings.positional.kind == PeKind::Learned;
    case ModelMatrix::FinalGain:
    case ModelMatrix::FinalBias:
        return m.finalNorm.has_value();
    case ModelMatrix::Unembedding:
        return m.unembedding == UnembeddingKind::Matrix;
    case ModelMatrix::UnembeddingBias:
        return m.unembedding != UnembeddingKind::None;
    default:
        return false;
    }
}

MatrixMap modelMatrix(Model& m, ModelMatrixRef ref)
{
    if (ref.encoder)
        return modelMatrix(m.encoder.at(0), inEncoder(ref));
    if (isBlockMatrix(ref.kind)) {
        Block& b = checkedBlock(m, ref.block);
        AttentionWeights& a = ref.cross ? b.cross.value().attention : b.attention;
        LayerNormParams& ln1 = ref.cross ? b.cross.value().norm : b.ln1;
        const auto h = static_cast<std::size_t>(ref.head);
        switch (ref.kind) {
        case ModelMatrix::WQ:
            return mapOf(a.wq.at(h));
        case ModelMatrix::WK:
            return mapOf(a.wk.at(h));
        case ModelMatrix::WV:
            return mapOf(a.wv.at(h));
        case ModelMatrix::BQ:
            return mapOf(a.bq.at(h));
        case ModelMatrix::BK:
            return mapOf(a.bk.at(h));
        case ModelMatrix::BV:
            return mapOf(a.bv.at(h));
        case ModelMatrix::WO:
            return mapOf(a.wo);
        case ModelMatrix::BO:
            return mapOf(a.bo);
        case ModelMatrix::AdditiveW:
            return mapOf(a.additiveW);
        case ModelMatrix::Ln1Gain:
            return mapOf(ln1.gain);
        case ModelMatrix::Ln1Bias:
            return mapOf(ln1.bias);
        case ModelMatrix::Ln2Gain:
            return mapOf(b.ln2.gain);
        case ModelMatrix::Ln2Bias:
            return mapOf(b.ln2.bias);
        case ModelMatrix::W1:
            return mapOf(b.ffn.value().w1);
        case ModelMatrix::B1:
            return mapOf(b.ffn.value().b1);
        case ModelMatrix::W2:
            return mapOf(b.ffn.value().w2);
        default:
            return mapOf(b.ffn.value().b2);
        }
    }
    switch (ref.kind) {
    case ModelMatrix::Embeddings:
        return mapOf(m.embeddings);
    case ModelMatrix::TokenEmbeddings:
        return mapOf(m.tokenEmbeddings);
    case ModelMatrix::LearnedPositions:
        return mapOf(m.learnedPositions);
    case ModelMatrix::FinalGain:
        return mapOf(m.finalNorm.value().gain);
    case ModelMatrix::FinalBias:
        return mapOf(m.finalNorm.value().bias);
    case ModelMatrix::Unembedding:
        return mapOf(m.unembeddingMatrix);
    default:
        return mapOf(m.unembeddingBias);
    }
}

ConstMatrixMap modelMatrix(const Model& m, ModelMatrixRef ref)
{
    // The same place, seen read-only: the mutable overload never changes the model.
    const MatrixMap map = modelMatrix(const_cast<Model&>(m), ref);
    return ConstMatrixMap(map.data(), map.rows(), map.cols());
}

std::vector<ModelMatrixRef> modelMatrices(const Model& m)
{
    std::vector<ModelMatrixRef> refs;
    const auto add = [&](ModelMatrix kind, int block = 0, int head = 0, bool cross = false) {
        if (hasMatrix(m, {kind, block, head, cross}))
            refs.push_back({kind, block, head, cross});
    };
    add(ModelMatrix::Embeddings);
    add(ModelMatrix::TokenEmbeddings);
    add(ModelMatrix::LearnedPositions);
    for (int l = 0; l < m.layerCount(); ++l) {
        add(ModelMatrix::Ln1Gain, l);
        add(ModelMatrix::Ln1Bias, l);
        for (ModelMatrix kind : {ModelMatrix::WQ, ModelMatrix::BQ, ModelMatrix::WK, ModelMatrix::BK,
                                 ModelMatrix::WV, ModelMatrix::BV})
            for (int h = 0; h < m.heads(); ++h)
                add(kind, l, h);
        for (ModelMatrix kind : {ModelMatrix::WO, ModelMatrix::BO, ModelMatrix::AdditiveW})
            add(kind, l);
        add(ModelMatrix::Ln1Gain, l, 0, true);
        add(ModelMatrix::Ln1Bias, l, 0, true);
        for (ModelMatrix kind : {ModelMatrix::WQ, ModelMatrix::BQ, ModelMatrix::WK, ModelMatrix::BK,
                                 ModelMatrix::WV, ModelMatrix::BV})
            for (int h = 0; h < m.heads(); ++h)
                add(kind, l, h, true);
        for (ModelMatrix kind : {ModelMatrix::WO, ModelMatrix::BO, ModelMatrix::AdditiveW})
            add(kind, l, 0, true);
        for (ModelMatrix kind : {ModelMatrix::Ln2Gain, ModelMatrix::Ln2Bias, ModelMatrix::W1,
                                 ModelMatrix::B1, ModelMatrix::W2, ModelMatrix::B2})
            add(kind, l);
    }
    for (ModelMatrix kind : {ModelMatrix::FinalGain, ModelMatrix::FinalBias,
                             ModelMatrix::Unembedding, ModelMatrix::UnembeddingBias})
        add(kind);
    for (const Model& encoder : m.encoder) // an encoder–decoder session's encoder last
        for (ModelMatrixRef ref : modelMatrices(encoder)) {
            ref.encoder = true;
            refs.push_back(ref);
        }
    return refs;
}

int firstBlockChanged(const Model& m, ModelMatrixRef ref)
{
    if (ref.encoder) // the encoder's output changes every block's cross-attention
        return -1;
    if (isBlockMatrix(ref.kind))
        return ref.block;
    if (ref.kind >= ModelMatrix::FinalGain)
        return m.layerCount();
    return -1;
}

Model withLayerCount(Model m, int count)
{
    count = std::clamp(count, 1, kMaxLayers);
    if (count < m.layerCount())
        m.layers.resize(static_cast<std::size_t>(count));
    while (m.layerCount() < count) {
        const Block& last = m.layers.back();
        const Activation activation = last.ffn ? last.ffn->activation : Activation::GeluTanh;
        m.layers.push_back(derivedBlock(m.settings, m.layerCount(), last.residual, last.norm,
                                        last.ffn ? last.ffn->width() : 0, activation));
        if (m.hasEncoder()) // a decoder's every block attends to the encoder
            m.layers.back().cross = derivedCrossAttention(m.settings, m.layerCount() - 1);
    }
    const auto gone = [count](const std::pair<int, int>& a) { return a.first >= count; };
    std::erase_if(m.ablate, gone);
    std::erase_if(m.crossAblate, gone);
    return m;
}

// The structural edits below change an encoder–decoder session's encoder as its decoder.

Model withNorm(Model m, NormPlacement norm)
{
    for (Block& b : m.layers) {
        b.norm = norm;
        for (LayerNormParams* ln : {&b.ln1, &b.ln2})
            if (ln->gain.size() != m.dModel() || ln->bias.size() != m.dModel())
                *ln = unitNorm(m.dModel());
    }
    for (Model& e : m.encoder)
        e = withNorm(std::move(e), norm);
    return m;
}

namespace {

/// part: the streams' prefix, "encoder/" for an encoder (derivedBlock).
Model withFfnWidth(Model m, int dFf, const std::string& part)
{
    for (Model& e : m.encoder)
        e = withFfnWidth(std::move(e), dFf, "encoder/");
    for (int l = 0; l < m.layerCount(); ++l) {
        Block& b = m.layers[l];
        if (dFf <= 0) {
            b.ffn.reset();
            continue;
        }
        if (b.ffn && b.ffn->width() == dFf)
            continue;
        const Activation activation = b.ffn ? b.ffn->activation : Activation::GeluTanh;
        b.ffn = derivedBlock(m.settings, l, b.residual, b.norm, dFf, activation, part).ffn;
    }
    const NormPlacement norm = m.layers.front().norm;
    return withNorm(std::move(m), norm);
}

} // namespace

Model withFfnWidth(Model m, int dFf)
{
    return withFfnWidth(std::move(m), dFf, {});
}

Model withActivation(Model m, Activation activation)
{
    for (Block& b : m.layers)
        if (b.ffn)
            b.ffn->activation = activation;
    for (Model& e : m.encoder)
        e = withActivation(std::move(e), activation);
    return m;
}

Model withResidual(Model m, bool residual)
{
    for (Block& b : m.layers)
        b.residual = residual;
    for (Model& e : m.encoder)
        e = withResidual(std::move(e), residual);
    return m;
}

std::vector<std::pair<int, int>> withAblation(std::vector<std::pair<int, int>> ablate, int block,
                                              int head, bool off)
{
    const std::pair<int, int> key{block, head};
    std::erase(ablate, key);
    if (off) {
        ablate.push_back(key);
        std::sort(ablate.begin(), ablate.end());
    }
    return ablate;
}

Model withAblation(Model m, int block, int head, bool off)
{
    m.ablate = withAblation(std::move(m.ablate), block, head, off);
    return m;
}

Model withSettings(Model m, const Session& s)
{
    const Session& old = m.settings;
    if (s.dModel != old.dModel)
        throw SessionError("d_model", "a whole transformer keeps its d_model (" +
                                          std::to_string(old.dModel) + ")");
    if (s.heads != old.heads)
        throw SessionError("heads", "a whole transformer keeps its heads (" +
                                        std::to_string(old.heads) + ")");
    if (s.seed != old.seed)
        throw SessionError("seed", "a whole transformer keeps its seed");
    if (!m.vocabulary.empty())
        for (const std::string& token : s.tokens)
            if (std::find(m.vocabulary.begin(), m.vocabulary.end(), token) == m.vocabulary.end())
                throw SessionError("tokens", "\"" + token + "\" is not in the vocabulary");
    if (s.tokens != old.tokens && m.vocabulary.empty()) {
        // v1's rule for new tokens: a token seen before keeps its embedding.
        Session t = old;
        t.embeddings = m.embeddings;
        m.embeddings = withTokens(std::move(t), s.tokens).embeddings;
    }
    const std::vector<std::string> tokens = s.tokens;
    m.settings.title = s.title;
    m.settings.tokens = tokens;
    m.settings.positional.kind = s.positional.kind;
    m.settings.positional.base = s.positional.base;
    m.settings.score = s.score;
    m.settings.temperature = s.temperature;
    m.settings.mask = s.mask;
    m.settings.normalizer = s.normalizer;
    const int n = m.n();
    // A learned encoding, in use or kept, covers every token (validate()).
    if ((s.positional.kind == PeKind::Learned || m.learnedPositions.size() > 0) &&
        (m.learnedPositions.rows() < n || m.learnedPositions.cols() != m.dModel())) {
        // The rows the settings bring (v1's edit derived those it added); the rest kept.
        Matrix learned = s.positional.learned;
        if (learned.rows() < n || learned.cols() != m.dModel()) {
            Session t = m.settings;
            learned = initialMatrix(t, {MatrixKind::LearnedPE}, InitKind::XavierUniform);
        }
        const int keep =
            m.learnedPositions.cols() == m.dModel()
                ? static_cast<int>(std::min<Eigen::Index>(m.learnedPositions.rows(), n))
                : 0;
        learned.topRows(keep) = m.learnedPositions.topRows(keep);
        m.learnedPositions = std::move(learned);
    }
    return m;
}

} // namespace attn

#include "model.h"

#include "initializers.h"
#include "nametable.h"
#include "sessionerror.h"
#include "validation.h"

#include <algorithm>
#include <unordered_map>

namespace attn {
namespace {

constexpr NameTable<NormPlacement, 3> kNormNames{
    {{NormPlacement::None, "none"}, {NormPlacement::Pre, "pre"}, {NormPlacement::Post, "post"}}};
constexpr NameTable<Activation, 3> kActivationNames{
    {{Activation::Gelu, "gelu"}, {Activation::GeluTanh, "gelu_tanh"}, {Activation::Relu, "relu"}}};

std::string layerField(int l, const char* rest)
{
    return "layers[" + std::to_string(l) + "]." + rest;
}

void requireVectors(const std::vector<RowVector>& list, int count, Eigen::Index size,
                    const std::string& field)
{
    if (static_cast<int>(list.size()) != count)
        throw SessionError(field, "expected " + std::to_string(count) + " vectors, got " +
                                      std::to_string(list.size()));
    for (std::size_t h = 0; h < list.size(); ++h)
        requireMatrix(list[h], 1, size, field + "[" + std::to_string(h) + "]");
}

void requireNorm(const LayerNormParams& ln, int d, const std::string& field)
{
    requireMatrix(ln.gain, 1, d, field + ".gain");
    requireMatrix(ln.bias, 1, d, field + ".bias");
    // eps = 0 would divide 0 by 0 for a constant row.
    if (!std::isfinite(ln.eps) || ln.eps <= 0)
        throw SessionError(field + ".eps", "must be a finite number > 0");
}

void validateAttention(const AttentionWeights& a, const Session& s, const std::string& field)
{
    const int d = s.dModel, dk = s.dK(), heads = s.heads;
    requireMatrices(a.wq, heads, d, dk, field + "W_Q");
    requireMatrices(a.wk, heads, d, dk, field + "W_K");
    requireMatrices(a.wv, heads, d, dk, field + "W_V");
    requireVectors(a.bq, heads, dk, field + "b_Q");
    requireVectors(a.bk, heads, dk, field + "b_K");
    requireVectors(a.bv, heads, dk, field + "b_V");
    requireMatrix(a.wo, d, d, field + "W_O");
    requireMatrix(a.bo, 1, d, field + "b_O");
    requireMatrix(a.additiveW, heads, dk, field + "additive_w");
}

void validateBlock(const Block& b, int l, const Session& s)
{
    const int d = s.dModel;
    validateAttention(b.attention, s, layerField(l, "attention."));
    requireNorm(b.ln1, d, layerField(l, "ln1"));
    requireNorm(b.ln2, d, layerField(l, "ln2"));
    if (b.cross) {
        validateAttention(b.cross->attention, s, layerField(l, "cross_attention."));
        requireNorm(b.cross->norm, d, layerField(l, "ln_cross"));
    }
    if (b.ffn) {
        const int dff = b.ffn->width();
        if (dff < 1)
            throw SessionError(layerField(l, "ffn.W_1"), "needs at least one column (d_ff ≥ 1)");
        requireMatrix(b.ffn->w1, d, dff, layerField(l, "ffn.W_1"));
        requireMatrix(b.ffn->b1, 1, dff, layerField(l, "ffn.b_1"));
        requireMatrix(b.ffn->w2, dff, d, layerField(l, "ffn.W_2"));
        requireMatrix(b.ffn->b2, 1, d, layerField(l, "ffn.b_2"));
    }
}

RowVector derivedVector(int size, Real value)
{
    return RowVector::Constant(size, value);
}

} // namespace

std::string_view toString(NormPlacement p)
{
    return nameOf(kNormNames, p);
}
std::string_view toString(Activation a)
{
    return nameOf(kActivationNames, a);
}
std::optional<NormPlacement> parseNormPlacement(std::string_view name)
{
    return kindOf(kNormNames, name);
}
std::optional<Activation> parseActivation(std::string_view name)
{
    return kindOf(kActivationNames, name);
}

template <typename Scalar> bool BasicModel<Scalar>::isAblated(int block, int head) const
{
    return std::find(ablate.begin(), ablate.end(), std::pair{block, head}) != ablate.end();
}

template <typename Scalar> bool BasicModel<Scalar>::isCrossAblated(int block, int head) const
{
    return std::find(crossAblate.begin(), crossAblate.end(), std::pair{block, head}) !=
           crossAblate.end();
}

template <typename Scalar> const std::string& BasicModel<Scalar>::shownToken(int id) const
{
    const auto v = static_cast<std::size_t>(id);
    return tokenText.size() == vocabulary.size() ? tokenText[v] : vocabulary[v];
}

template <typename Scalar> std::vector<std::string> BasicModel<Scalar>::shownTokens() const
{
    if (tokenText.empty())
        return settings.tokens;
    std::vector<std::string> shown;
    for (int id : tokenIds())
        shown.push_back(shownToken(id));
    return shown;
}

template <typename Scalar> std::vector<int> BasicModel<Scalar>::tokenIds() const
{
    std::vector<int> ids;
    if (vocabulary.empty())
        return ids;
    std::unordered_map<std::string_view, int> index; // GPT-2: 50 257 entries, 1024 tokens
    for (std::size_t v = 0; v < vocabulary.size(); ++v)
        index.emplace(vocabulary[v], static_cast<int>(v));
    for (const std::string& token : settings.tokens) {
        const auto it = index.find(token);
        ids.push_back(it == index.end() ? -1 : it->second);
    }
    return ids;
}

template struct BasicModel<double>;
template struct BasicModel<float>;

namespace {

template <typename To, typename M> auto cast(const M& m)
{
    return m.template cast<To>().eval();
}

template <typename To, typename M> auto castAll(const std::vector<M>& list)
{
    std::vector<decltype(cast<To>(list.front()))> out;
    out.reserve(list.size());
    for (const M& m : list)
        out.push_back(cast<To>(m));
    return out;
}

template <typename To, typename From>
BasicLayerNormParams<To> castNorm(const BasicLayerNormParams<From>& ln)
{
    return {cast<To>(ln.gain), cast<To>(ln.bias), ln.eps};
}

template <typename To, typename From>
BasicAttentionWeights<To> castAttention(const BasicAttentionWeights<From>& a)
{
    return {castAll<To>(a.wq), castAll<To>(a.wk), castAll<To>(a.wv),
            castAll<To>(a.bq), castAll<To>(a.bk), castAll<To>(a.bv),
            cast<To>(a.wo),    cast<To>(a.bo),    a.additiveW};
}

template <typename To, typename From> BasicBlock<To> castBlock(const BasicBlock<From>& b)
{
    BasicBlock<To> out;
    out.residual = b.residual;
    out.norm = b.norm;
    out.attention = castAttention<To>(b.attention);
    out.ln1 = castNorm<To>(b.ln1);
    out.ln2 = castNorm<To>(b.ln2);
    if (b.cross)
        out.cross = BasicCrossAttention<To>{castAttention<To>(b.cross->attention),
                                            castNorm<To>(b.cross->norm)};
    if (b.ffn)
        out.ffn = BasicFeedForward<To>{cast<To>(b.ffn->w1), cast<To>(b.ffn->b1),
                                       cast<To>(b.ffn->w2), cast<To>(b.ffn->b2), b.ffn->activation};
    return out;
}

} // namespace

template <typename To, typename From> BasicModel<To> castModel(const BasicModel<From>& m)
{
    BasicModel<To> out;
    out.settings = m.settings;
    out.vocabulary = m.vocabulary;
    out.tokenText = m.tokenText;
    out.tokenEmbeddings = cast<To>(m.tokenEmbeddings);
    out.embeddings = cast<To>(m.embeddings);
    out.learnedPositions = cast<To>(m.learnedPositions);
    for (const BasicBlock<From>& b : m.layers)
        out.layers.push_back(castBlock<To>(b));
    if (m.finalNorm)
        out.finalNorm = castNorm<To>(*m.finalNorm);
    out.unembedding = m.unembedding;
    out.unembeddingMatrix = cast<To>(m.unembeddingMatrix);
    out.unembeddingBias = cast<To>(m.unembeddingBias);
    out.ablate = m.ablate;
    out.crossAblate = m.crossAblate;
    out.trainingJson = m.trainingJson;
    out.folder = m.folder;
    out.text = m.text;
    for (const BasicModel<From>& e : m.encoder)
        out.encoder.push_back(castModel<To>(e));
    return out;
}

template FloatModel castModel<float, double>(const Model&);
template Model castModel<double, float>(const FloatModel&);
template Model castModel<double, double>(const Model&);
template FloatModel castModel<float, float>(const FloatModel&);

void validate(const Model& m)
{
    const Session& s = m.settings;
    validateSettings(s);
    const int d = s.dModel, n = s.n();
    if (m.layers.empty())
        throw SessionError("layers", "at least one block is required");
    if (m.layerCount() > kMaxLayers)
        throw SessionError("layers", std::to_string(m.layerCount()) +
                                         " blocks, more than the limit of " +
                                         std::to_string(kMaxLayers));
    if (!m.vocabulary.empty()) {
        requireMatrix(m.tokenEmbeddings, m.vocabularySize(), d, "token_embeddings");
        const std::vector<int> ids = m.tokenIds();
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] < 0)
                throw SessionError("tokens[" + std::to_string(i) + "]",
                                   "\"" + s.tokens[i] + "\" is not in the vocabulary");
    } else {
        requireMatrix(m.embeddings, n, d, "embeddings");
    }
    if (s.positional.kind == PeKind::Learned || m.learnedPositions.size() > 0) {
        if (m.learnedPositions.cols() != d || m.learnedPositions.rows() < n)
            throw SessionError("positional_encoding.matrix",
                               "expected at least " + shapeText(n, d) + " (a row per token), got " +
                                   shapeText(m.learnedPositions.rows(), m.learnedPositions.cols()));
        requireFinite(m.learnedPositions, "positional_encoding.matrix");
    }
    for (int l = 0; l < m.layerCount(); ++l) {
        validateBlock(m.layers[l], l, s);
        if (m.layers[l].cross.has_value() != m.hasEncoder())
            throw SessionError(layerField(l, "cross_attention"),
                               m.hasEncoder() ? "missing (every block of a decoder has one)"
                                              : "needs an encoder (the session has none)");
    }
    if (m.encoder.size() > 1)
        throw SessionError("encoder", "at most one");
    if (m.hasEncoder()) {
        const Model& e = m.encoder.front();
        if (e.hasEncoder() || e.unembedding != UnembeddingKind::None || !e.crossAblate.empty())
            throw SessionError("encoder", "has no encoder, unembedding or cross-attention");
        try {
            if (e.dModel() != d || e.heads() != s.heads)
                throw SessionError("d_model", "must be the decoder's (" + std::to_string(d) + ", " +
                                                  std::to_string(s.heads) + " heads)");
            validate(e);
        } catch (const SessionError& error) {
            throw SessionError("", "encoder." + std::string(error.what()));
        }
    }
    if (m.finalNorm)
        requireNorm(*m.finalNorm, d, "final_norm");
    if (m.unembedding != UnembeddingKind::None && m.vocabulary.empty())
        throw SessionError("unembedding", "needs a vocabulary (the columns are its tokens)");
    if (m.unembedding == UnembeddingKind::Matrix)
        requireMatrix(m.unembeddingMatrix, d, m.vocabularySize(), "unembedding");
    if (m.unembedding != UnembeddingKind::None)
        requireMatrix(m.unembeddingBias, 1, m.vocabularySize(), "b_U");
    const auto requireHeads = [&](const std::vector<std::pair<int, int>>& pairs,
                                  const std::string& field) {
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            const auto [block, head] = pairs[i];
            if (block < 0 || block >= m.layerCount() || head < 0 || head >= s.heads)
                throw SessionError(field + "[" + std::to_string(i) + "]",
                                   "block " + std::to_string(block) + ", head " +
                                       std::to_string(head) + " does not exist (blocks 0–" +
                                       std::to_string(m.layerCount() - 1) + ", heads 0–" +
                                       std::to_string(s.heads - 1) + ")");
        }
    };
    requireHeads(m.ablate, "ablate");
    if (!m.crossAblate.empty() && !m.hasEncoder())
        throw SessionError("cross_ablate", "needs an encoder (the session has none)");
    requireHeads(m.crossAblate, "cross_ablate");
}

namespace {

AttentionWeights derivedAttention(const Session& s, const std::string& prefix)
{
    const int d = s.dModel, dk = s.dK();
    const auto init = [&](int rows, int cols, const std::string& name) {
        return initialise(InitKind::XavierUniform, rows, cols, s.seed, prefix + name);
    };
    AttentionWeights a;
    for (int h = 0; h < s.heads; ++h) {
        const std::string head = '/' + std::to_string(h); // (GCC 12 warns wrongly for "/" + …)
        a.wq.push_back(init(d, dk, "W_Q" + head));
        a.wk.push_back(init(d, dk, "W_K" + head));
        a.wv.push_back(init(d, dk, "W_V" + head));
        a.bq.push_back(derivedVector(dk, 0));
        a.bk.push_back(derivedVector(dk, 0));
        a.bv.push_back(derivedVector(dk, 0));
    }
    a.wo = Matrix::Identity(d, d);
    a.bo = derivedVector(d, 0);
    a.additiveW.resize(s.heads, dk);
    for (int h = 0; h < s.heads; ++h)
        a.additiveW.row(h) = init(1, dk, "additive_w/" + std::to_string(h));
    return a;
}

} // namespace

Block derivedBlock(const Session& s, int index, bool residual, NormPlacement norm, int dFf,
                   Activation activation, const std::string& part)
{
    const int d = s.dModel;
    // Block 0 of a decoder draws from the streams of v1's weights ("W_Q/0"), so that a v1
    // session made a v2 one (--ablate, --layers) keeps its attention.
    const std::string prefix =
        index == 0 && part.empty() ? "" : part + "layers/" + std::to_string(index) + "/";
    const auto init = [&](int rows, int cols, const std::string& name) {
        return initialise(InitKind::XavierUniform, rows, cols, s.seed, prefix + name);
    };
    Block b;
    b.residual = residual;
    b.norm = norm;
    b.attention = derivedAttention(s, prefix);
    b.ln1 = {derivedVector(d, 1), derivedVector(d, 0), 1e-5};
    b.ln2 = b.ln1;
    if (dFf > 0)
        b.ffn = FeedForward{init(d, dFf, "W_1"), derivedVector(dFf, 0), init(dFf, d, "W_2"),
                            derivedVector(d, 0), activation};
    return b;
}

CrossAttention derivedCrossAttention(const Session& s, int index)
{
    return {derivedAttention(s, "layers/" + std::to_string(index) + "/cross_attention/"),
            {derivedVector(s.dModel, 1), derivedVector(s.dModel, 0), 1e-5}};
}

Model modelFromSession(const Session& s)
{
    Model m;
    m.settings = s;
    m.settings.embeddings = Matrix();
    m.settings.positional.learned = Matrix();
    m.settings.wq.clear();
    m.settings.wk.clear();
    m.settings.wv.clear();
    m.settings.wo = Matrix();
    m.settings.additiveW = Matrix();
    m.embeddings = s.embeddings;
    m.learnedPositions = s.positional.learned;
    Block b;
    b.residual = false;
    b.norm = NormPlacement::None;
    b.attention.wq = s.wq;
    b.attention.wk = s.wk;
    b.attention.wv = s.wv;
    b.attention.bq.assign(s.heads, derivedVector(s.dK(), 0));
    b.attention.bk = b.attention.bq;
    b.attention.bv = b.attention.bq;
    b.attention.wo = s.wo;
    b.attention.bo = derivedVector(s.dModel, 0);
    b.attention.additiveW = s.additiveW;
    b.ln1 = {derivedVector(s.dModel, 1), derivedVector(s.dModel, 0), 1e-5};
    b.ln2 = b.ln1;
    m.layers.push_back(std::move(b));
    return m;
}

} // namespace attn

#include "modelreader.h"

#include "initializers.h"
#include "jsonread.h"
#include "sessionjson.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace attn {
namespace {

std::string at(const std::string& field, const char* name)
{
    return field + "." + name;
}

/// A list of `count` vectors (b_Q, additive_w, ...), as rows.
std::vector<RowVector> readVectors(const Json& j, const std::string& field)
{
    requireArray(j, field);
    std::vector<RowVector> list;
    for (std::size_t i = 0; i < j.size(); ++i)
        list.push_back(readVector(j[i], indexed(field, i)).transpose());
    return list;
}

std::vector<Matrix> readMatrices(const Json& j, const std::string& field, Eigen::Index emptyCols)
{
    requireArray(j, field);
    std::vector<Matrix> list;
    for (std::size_t i = 0; i < j.size(); ++i)
        list.push_back(readMatrix(j[i], indexed(field, i), emptyCols));
    return list;
}

void readNorm(const Json& j, const std::string& field, LayerNormParams& ln)
{
    requireObject(j, field);
    if (j.contains("gain"))
        ln.gain = readVector(j["gain"], at(field, "gain")).transpose();
    if (j.contains("bias"))
        ln.bias = readVector(j["bias"], at(field, "bias")).transpose();
    if (j.contains("eps"))
        ln.eps = readNumber(j["eps"], at(field, "eps"));
}

void readAttention(const Json& j, const std::string& field, const Session& s, AttentionWeights& a)
{
    requireObject(j, field);
    const auto matrices = [&](const char* name, std::vector<Matrix>& out) {
        if (j.contains(name))
            out = readMatrices(j[name], at(field, name), s.dK());
    };
    const auto vectors = [&](const char* name, std::vector<RowVector>& out) {
        if (j.contains(name))
            out = readVectors(j[name], at(field, name));
    };
    matrices("W_Q", a.wq);
    matrices("W_K", a.wk);
    matrices("W_V", a.wv);
    vectors("b_Q", a.bq);
    vectors("b_K", a.bk);
    vectors("b_V", a.bv);
    if (j.contains("W_O"))
        a.wo = readMatrix(j["W_O"], at(field, "W_O"), s.dModel);
    if (j.contains("b_O"))
        a.bo = readVector(j["b_O"], at(field, "b_O")).transpose();
    if (j.contains("additive_w")) {
        const std::vector<RowVector> rows = readVectors(j["additive_w"], at(field, "additive_w"));
        if (static_cast<int>(rows.size()) != s.heads)
            throw SessionError(at(field, "additive_w"), "expected " + std::to_string(s.heads) +
                                                            " vectors, got " +
                                                            std::to_string(rows.size()));
        for (int h = 0; h < s.heads; ++h) {
            if (rows[h].size() != s.dK())
                throw SessionError(indexed(at(field, "additive_w"), h),
                                   "expected " + std::to_string(s.dK()) + " numbers, got " +
                                       std::to_string(rows[h].size()));
            a.additiveW.row(h) = rows[h];
        }
    }
}

/// part: "" for the decoder (or a model without an encoder), "encoder/" for an encoder.
Block readBlock(const Json& j, int l, const Session& s, const std::string& part, bool crossAttends)
{
    const std::string field = indexed("layers", l);
    requireObject(j, field);
    const bool residual =
        j.contains("residual") ? readBool(j["residual"], at(field, "residual")) : true;
    const NormPlacement norm =
        j.contains("norm")
            ? readKind<NormPlacement>(j["norm"], at(field, "norm"), parseNormPlacement)
            : NormPlacement::None;
    int dFf = 0;
    Activation activation = Activation::GeluTanh;
    const std::string ffnField = at(field, "ffn");
    const bool hasFfn = j.contains("ffn") && !j["ffn"].is_null();
    if (hasFfn) {
        const Json& f = requireObject(j["ffn"], ffnField);
        if (f.contains("activation"))
            activation =
                readKind<Activation>(f["activation"], at(ffnField, "activation"), parseActivation);
        if (f.contains("W_1")) {
            const Json& w1 = requireArray(f["W_1"], at(ffnField, "W_1"));
            dFf =
                w1.empty()
                    ? 0
                    : static_cast<int>(requireArray(w1[0], indexed(at(ffnField, "W_1"), 0)).size());
        } else if (f.contains("d_ff")) {
            dFf =
                static_cast<int>(readInteger(f["d_ff"], at(ffnField, "d_ff"), 1, 16 * kMaxDModel));
        } else {
            throw SessionError(at(ffnField, "W_1"), "missing (give W_1, or d_ff to derive it)");
        }
        if (dFf < 1)
            throw SessionError(at(ffnField, "W_1"), "needs at least one column (d_ff ≥ 1)");
    }
    Block b = derivedBlock(s, l, residual, norm, dFf, activation, part);
    if (j.contains("attention"))
        readAttention(j["attention"], at(field, "attention"), s, b.attention);
    if (j.contains("cross_attention") && !crossAttends)
        throw SessionError(at(field, "cross_attention"), "needs an encoder (the session has none)");
    if (crossAttends) {
        b.cross = derivedCrossAttention(s, l);
        if (j.contains("cross_attention"))
            readAttention(j["cross_attention"], at(field, "cross_attention"), s,
                          b.cross->attention);
        if (j.contains("ln_cross"))
            readNorm(j["ln_cross"], at(field, "ln_cross"), b.cross->norm);
    }
    if (j.contains("ln1"))
        readNorm(j["ln1"], at(field, "ln1"), b.ln1);
    if (j.contains("ln2"))
        readNorm(j["ln2"], at(field, "ln2"), b.ln2);
    if (hasFfn) {
        const Json& f = j["ffn"];
        FeedForward& ffn = *b.ffn;
        if (f.contains("W_1"))
            ffn.w1 = readMatrix(f["W_1"], at(ffnField, "W_1"), dFf);
        if (f.contains("b_1"))
            ffn.b1 = readVector(f["b_1"], at(ffnField, "b_1")).transpose();
        if (f.contains("W_2"))
            ffn.w2 = readMatrix(f["W_2"], at(ffnField, "W_2"), s.dModel);
        if (f.contains("b_2"))
            ffn.b2 = readVector(f["b_2"], at(ffnField, "b_2")).transpose();
    }
    return b;
}

void readVocabulary(const Json& doc, Model& m)
{
    const Json& list = requireArray(doc["vocabulary"], "vocabulary");
    if (list.empty())
        throw SessionError("vocabulary", "empty (leave it out for a session without a vocabulary)");
    if (list.size() > static_cast<std::size_t>(kMaxVocabulary))
        throw SessionError("vocabulary", std::to_string(list.size()) +
                                             " tokens, more than the limit of " +
                                             std::to_string(kMaxVocabulary));
    std::set<std::string> seen;
    for (std::size_t v = 0; v < list.size(); ++v) {
        std::string token = readString(list[v], indexed("vocabulary", v));
        if (!seen.insert(token).second)
            throw SessionError(indexed("vocabulary", v), "\"" + token + "\" appears twice");
        m.vocabulary.push_back(std::move(token));
    }
    const int d = m.dModel();
    if (doc.contains("token_embeddings")) {
        m.tokenEmbeddings = readMatrix(doc["token_embeddings"], "token_embeddings", d);
        return;
    }
    // The same derivation as v1's embeddings: a word has the same vector in both.
    m.tokenEmbeddings.resize(m.vocabularySize(), d);
    for (int v = 0; v < m.vocabularySize(); ++v)
        m.tokenEmbeddings.row(v) = tokenEmbedding(m.vocabulary[v], d, m.settings.seed);
}

/// `ablate` or `cross_ablate`: [block, head] pairs.
void readAblation(const Json& j, const std::string& name, std::vector<std::pair<int, int>>& out)
{
    requireArray(j, name);
    for (std::size_t i = 0; i < j.size(); ++i) {
        const std::string field = indexed(name, i);
        const Json& pair = requireArray(j[i], field);
        if (pair.size() != 2)
            throw SessionError(field, "expected [block, head], got " + std::to_string(pair.size()) +
                                          " numbers");
        out.emplace_back(static_cast<int>(readInteger(pair[0], indexed(field, 0), 0, 1 << 30)),
                         static_cast<int>(readInteger(pair[1], indexed(field, 1), 0, 1 << 30)));
    }
}

/// A count for a message. A hostile file can ask for 1e22 numbers, past what an integer
/// holds, so large counts print in scientific notation instead of being cast.
std::string countText(double count)
{
    if (count < 1e15)
        return std::to_string(static_cast<long long>(count));
    std::ostringstream out;
    out.precision(3);
    out << count;
    return out.str();
}

/// Refuses, before anything is derived, a model whose weights or intermediates would not fit
/// in memory: a few bytes of JSON ("d_model": 4096 and 128 empty blocks, or 4096 tokens and
/// 128 blocks) would otherwise ask for 64 GB.
void checkSize(const Json& layers, const Model& m)
{
    const double d = m.dModel(), n = m.n(), heads = m.heads();
    // The encoder's own pass is checked when it is read; each cross-attention keeps n × m.
    const double source = m.hasEncoder() ? m.encoder.front().n() : 0;
    double numbers = static_cast<double>(m.vocabularySize()) * d;
    double intermediates = 0;
    for (const Json& layer : layers) {
        numbers += 4 * d * d;
        if (layer.is_object() && layer.contains("ffn") && layer["ffn"].is_object()) {
            const Json& f = layer["ffn"];
            double width = 0;
            if (f.contains("W_1") && f["W_1"].is_array() && !f["W_1"].empty() &&
                f["W_1"][0].is_array())
                width = static_cast<double>(f["W_1"][0].size());
            else if (f.contains("d_ff") && f["d_ff"].is_number())
                width = std::max(0.0, f["d_ff"].get<double>()); // a negative one is refused later
            numbers += 2 * d * width;
            intermediates += 2 * n * width;
        }
        intermediates += heads * (3 * n * n + 4 * n * d / heads) + 10 * n * d;
        if (source > 0) {
            numbers += 4 * d * d;
            intermediates += heads * (3 * n * source + 2 * source * d / heads) + 5 * n * d;
        }
    }
    intermediates += n * m.vocabularySize();
    if (intermediates > kMaxModelResultNumbers)
        throw SessionError("layers", "the pass would keep " + countText(intermediates) +
                                         " numbers, more than the limit of " +
                                         countText(kMaxModelResultNumbers) +
                                         " (fewer tokens, heads or blocks)");
    if (numbers > kMaxModelNumbers)
        throw SessionError("layers", "the model would hold " + countText(numbers) +
                                         " weights, more than the limit of " +
                                         countText(kMaxModelNumbers));
}

Model modelFromJson(const Json& doc, const std::string& part = {});

/// The settings an encoder takes from its decoder when it does not give its own.
constexpr const char* kEncoderInherits[] = {"seed", "score", "temperature", "normalizer",
                                            "positional_encoding"};

/// The "encoder" object as a model of its own: the decoder's sizes, its settings unless the
/// encoder gives them, no mask unless it gives one. Messages name "encoder.FIELD".
Model encoderFromJson(const Json& doc)
{
    Json e = requireObject(doc["encoder"], "encoder");
    for (const char* name : {"unembedding", "cross_ablate", "encoder", "training", "model"})
        if (e.contains(name))
            throw SessionError(std::string("encoder.") + name,
                               "an encoder has none (the decoder predicts)");
    for (const char* name : {"d_model", "heads"})
        if (e.contains(name) && e[name] != doc[name])
            throw SessionError(std::string("encoder.") + name,
                               "must be the decoder's (" + doc[name].dump() + ")");
    e["format"] = doc["format"];
    e["version"] = doc["version"];
    e["d_model"] = doc["d_model"];
    e["heads"] = doc["heads"];
    for (const char* name : kEncoderInherits)
        if (!e.contains(name) && doc.contains(name))
            e[name] = doc[name];
    if (!e.contains("mask"))
        e["mask"] = {{"kind", "none"}};
    try {
        return modelFromJson(e, "encoder/");
    } catch (const SessionError& error) {
        throw SessionError("", "encoder." + std::string(error.what()));
    }
}

Model modelFromJson(const Json& doc, const std::string& part)
{
    Model m;
    readSettings(doc, m.settings, false);
    const int d = m.dModel(), n = m.n();
    if (doc.contains("positional_encoding") && doc["positional_encoding"].contains("matrix"))
        m.learnedPositions =
            readMatrix(doc["positional_encoding"]["matrix"], "positional_encoding.matrix", d);
    if (doc.contains("vocabulary")) {
        readVocabulary(doc, m);
    } else if (doc.contains("embeddings")) {
        m.embeddings = readMatrix(doc["embeddings"], "embeddings", d);
    } else {
        m.embeddings.resize(n, d);
        for (int i = 0; i < n; ++i)
            m.embeddings.row(i) = tokenEmbedding(m.settings.tokens[i], d, m.settings.seed);
    }
    if (!doc.contains("layers"))
        throw SessionError("layers", "missing (required in version 2)");
    const Json& layers = requireArray(doc["layers"], "layers");
    if (layers.empty())
        throw SessionError("layers", "at least one block is required");
    if (layers.size() > static_cast<std::size_t>(kMaxLayers))
        throw SessionError("layers", std::to_string(layers.size()) +
                                         " blocks, more than the limit of " +
                                         std::to_string(kMaxLayers));
    if (doc.contains("encoder"))
        m.encoder.push_back(encoderFromJson(doc));
    checkSize(layers, m);
    for (std::size_t l = 0; l < layers.size(); ++l)
        m.layers.push_back(
            readBlock(layers[l], static_cast<int>(l), m.settings, part, m.hasEncoder()));
    if (doc.contains("final_norm") && !doc["final_norm"].is_null()) {
        m.finalNorm = LayerNormParams{RowVector::Ones(d), RowVector::Zero(d), 1e-5};
        readNorm(doc["final_norm"], "final_norm", *m.finalNorm);
    }
    if (doc.contains("unembedding") && !doc["unembedding"].is_null()) {
        const Json& u = doc["unembedding"];
        if (u.is_string()) {
            if (u.get<std::string>() != "tied")
                throw SessionError("unembedding",
                                   "expected \"tied\" or a d_model × V matrix, got \"" +
                                       u.get<std::string>() + "\"");
            m.unembedding = UnembeddingKind::Tied;
        } else {
            if (!u.is_array())
                throw SessionError("unembedding",
                                   std::string("expected \"tied\" or a d_model × V matrix, got ") +
                                       typeName(u));
            m.unembedding = UnembeddingKind::Matrix;
            m.unembeddingMatrix = readMatrix(u, "unembedding", m.vocabularySize());
        }
        m.unembeddingBias = doc.contains("b_U")
                                ? RowVector(readVector(doc["b_U"], "b_U").transpose())
                                : RowVector::Zero(m.vocabularySize());
    }
    if (doc.contains("ablate"))
        readAblation(doc["ablate"], "ablate", m.ablate);
    if (doc.contains("cross_ablate"))
        readAblation(doc["cross_ablate"], "cross_ablate", m.crossAblate);
    if (doc.contains("training"))
        m.trainingJson = requireObject(doc["training"], "training").dump();
    validate(m);
    return m;
}

} // namespace

AnySession readAnySession(std::string_view text, const std::string& source,
                          const SessionOverrides& o)
{
    try {
        Json doc = parseDocument(text);
        if (doc.is_object())
            applyOverrides(doc, o);
        if (checkFormat(doc) == kModelVersion)
            return modelFromJson(doc);
        return sessionFromJson(doc);
    } catch (const SessionError& e) {
        throw e.withSource(source);
    }
}

} // namespace attn

#include "modelwriter.h"

#include "headroles.h"
#include "jsonwriter.h"
#include "rollout.h"
#include "sessionjson.h"

#include <cmath>

namespace attn {
namespace {

Json rowJson(const RowVector& v, const std::string& field)
{
    return vectorJson<Real>(v.transpose(), field);
}

Json vectorsJson(const std::vector<RowVector>& list, const std::string& field)
{
    Json out = Json::array();
    for (std::size_t i = 0; i < list.size(); ++i)
        out.push_back(rowJson(list[i], indexed(field, i)));
    return out;
}

/// head_roles: one object per block × head (headroles.h), "induction" only when some
/// token repeats; the numbers rounded to Scalar, as the .npz holds them.
template <typename Scalar> Json headRolesJson(const std::vector<HeadRole>& roles)
{
    Json out = Json::array();
    for (std::size_t k = 0; k < roles.size(); ++k) {
        const HeadRole& r = roles[k];
        Json role = {{"block", r.block}, {"head", r.head}, {"ablated", r.ablated}};
        const std::pair<const char*, Real> scores[] = {{"previous", r.previousToken},
                                                       {"sink", r.sink},
                                                       {"induction", r.prefixMatching},
                                                       {"distance", r.meanDistance},
                                                       {"entropy", r.entropy}};
        for (const auto& [name, value] : scores) {
            if (name == std::string("induction") && !r.hasPrefixMatching)
                continue;
            const std::string field = indexed("head_roles", k) + "." + name;
            if (!std::isfinite(value))
                throw SessionError(field, notFiniteProblem(value, field));
            role[name] = Real(Scalar(value));
        }
        out.push_back(role);
    }
    return out;
}

Json normJson(const LayerNormParams& ln, const std::string& field)
{
    return {{"gain", rowJson(ln.gain, field + ".gain")},
            {"bias", rowJson(ln.bias, field + ".bias")},
            {"eps", ln.eps}};
}

Json attentionJson(const AttentionWeights& a, const std::string& att)
{
    Json heads = Json::array();
    for (int h = 0; h < a.additiveW.rows(); ++h)
        heads.push_back(rowJson(a.additiveW.row(h), indexed(att + "additive_w", h)));
    return {{"W_Q", matricesJson(a.wq, att + "W_Q")},
            {"W_K", matricesJson(a.wk, att + "W_K")},
            {"W_V", matricesJson(a.wv, att + "W_V")},
            {"b_Q", vectorsJson(a.bq, att + "b_Q")},
            {"b_K", vectorsJson(a.bk, att + "b_K")},
            {"b_V", vectorsJson(a.bv, att + "b_V")},
            {"W_O", matrixJson(a.wo, att + "W_O")},
            {"b_O", rowJson(a.bo, att + "b_O")},
            {"additive_w", heads}};
}

/// prefix: "" or "encoder." (the field named when a number cannot be written).
Json blockJson(const Block& b, int l, const std::string& prefix)
{
    const std::string field = prefix + indexed("layers", l) + ".";
    Json block = {{"residual", b.residual},
                  {"norm", toString(b.norm)},
                  {"attention", attentionJson(b.attention, field + "attention.")},
                  {"ln1", normJson(b.ln1, field + "ln1")},
                  {"ln2", normJson(b.ln2, field + "ln2")}};
    if (b.cross) {
        block["cross_attention"] = attentionJson(b.cross->attention, field + "cross_attention.");
        block["ln_cross"] = normJson(b.cross->norm, field + "ln_cross");
    }
    if (b.ffn)
        block["ffn"] = {{"W_1", matrixJson(b.ffn->w1, field + "ffn.W_1")},
                        {"b_1", rowJson(b.ffn->b1, field + "ffn.b_1")},
                        {"W_2", matrixJson(b.ffn->w2, field + "ffn.W_2")},
                        {"b_2", rowJson(b.ffn->b2, field + "ffn.b_2")},
                        {"activation", toString(b.ffn->activation)}};
    return block;
}

template <typename Scalar>
Json headsJson(const std::vector<BasicHeadResult<Scalar>>& heads, const std::string& field)
{
    Json out = Json::array();
    for (std::size_t h = 0; h < heads.size(); ++h)
        out.push_back(headResultJson(heads[h], indexed(field, h) + ".", false));
    return out;
}

template <typename Scalar>
Json blockResultJson(const BasicBlockResult<Scalar>& r, int l, const std::string& prefix)
{
    const std::string field = prefix + indexed("layers", l) + ".";
    Json out = Json::object();
    out["input"] = matrixJson(r.input, field + "input");
    if (!r.ln1.empty())
        out["ln1"] = matrixJson(r.ln1.output, field + "ln1");
    out["head_results"] = headsJson(r.heads, field + "head_results");
    out["concat"] = matrixJson(r.concat, field + "concat");
    out["attention_output"] = matrixJson(r.attentionOutput, field + "attention_output");
    out["after_attention"] = matrixJson(r.afterAttention, field + "after_attention");
    if (!r.cross.empty()) {
        if (!r.cross.ln.empty())
            out["ln_cross"] = matrixJson(r.cross.ln.output, field + "ln_cross");
        out["cross_head_results"] = headsJson(r.cross.heads, field + "cross_head_results");
        out["cross_concat"] = matrixJson(r.cross.concat, field + "cross_concat");
        out["cross_output"] = matrixJson(r.cross.output, field + "cross_output");
        out["after_cross"] = matrixJson(r.cross.after, field + "after_cross");
    }
    if (!r.ln2.empty())
        out["ln2"] = matrixJson(r.ln2.output, field + "ln2");
    if (r.ffnHidden.size() > 0 || r.ffnOutput.size() > 0) {
        out["ffn_hidden"] = matrixJson(r.ffnHidden, field + "ffn_hidden");
        out["ffn_output"] = matrixJson(r.ffnOutput, field + "ffn_output");
    }
    out["output"] = matrixJson(r.output, field + "output");
    return out;
}

/// The tokens, embeddings, blocks and final state of a pass, as dump v2 names them.
template <typename Scalar>
void passJson(Json& doc, const BasicModel<Scalar>& m, const BasicModelResult<Scalar>& r,
              const std::string& prefix)
{
    doc["tokens"] = m.shownTokens();
    if (!m.vocabulary.empty())
        doc["ids"] = m.tokenIds();
    doc["n"] = m.n();
    doc["X"] = matrixJson(r.x, prefix + "X");
    doc["P"] = matrixJson(r.p, prefix + "P");
    doc["H_0"] = matrixJson(r.h0, prefix + "H_0");
    doc["mask"] = matrixJson(r.mask.template cast<int>(), prefix + "mask");
    Json layers = Json::array();
    for (std::size_t l = 0; l < r.blocks.size(); ++l)
        layers.push_back(blockResultJson(r.blocks[l], static_cast<int>(l), prefix));
    doc["layers"] = layers;
    doc["final"] = matrixJson(r.final, prefix + "final");
}

/// Session v2 fields of a model; prefix "encoder." for an encoder's, which leaves out what
/// it shares with its decoder.
Json modelJson(const Model& m, const std::string& prefix)
{
    const Session& s = m.settings;
    const bool encoder = !prefix.empty();
    Json doc = Json::object();
    if (!encoder) {
        doc["format"] = kSessionFormat;
        doc["version"] = kModelVersion;
        doc["title"] = s.title;
        doc["d_model"] = s.dModel;
        doc["heads"] = s.heads;
        doc["seed"] = s.seed;
    }
    if (!m.vocabulary.empty()) {
        doc["vocabulary"] = m.vocabulary;
        doc["token_embeddings"] = matrixJson(m.tokenEmbeddings, prefix + "token_embeddings");
    }
    doc["tokens"] = s.tokens;
    if (m.vocabulary.empty())
        doc["embeddings"] = matrixJson(m.embeddings, prefix + "embeddings");
    doc["positional_encoding"] = positionalJson(s.positional, m.learnedPositions);
    if (!encoder) {
        doc["score"] = toString(s.score);
        doc["temperature"] = s.temperature;
        doc["normalizer"] = toString(s.normalizer);
    }
    doc["mask"] = maskJson(s.mask);
    for (const Model& e : m.encoder)
        doc["encoder"] = modelJson(e, "encoder.");
    Json layers = Json::array();
    for (int l = 0; l < m.layerCount(); ++l)
        layers.push_back(blockJson(m.layers[l], l, prefix));
    doc["layers"] = layers;
    if (m.finalNorm)
        doc["final_norm"] = normJson(*m.finalNorm, prefix + "final_norm");
    const auto pairsJson = [](const std::vector<std::pair<int, int>>& pairs) {
        Json out = Json::array();
        for (const auto& [block, head] : pairs)
            out.push_back({block, head});
        return out;
    };
    if (!m.ablate.empty())
        doc["ablate"] = pairsJson(m.ablate);
    if (!m.crossAblate.empty())
        doc["cross_ablate"] = pairsJson(m.crossAblate);
    return doc;
}

} // namespace

std::string writeModelSession(const Model& m)
{
    Json doc = modelJson(m, "");
    if (m.unembedding == UnembeddingKind::Tied)
        doc["unembedding"] = "tied";
    else if (m.unembedding == UnembeddingKind::Matrix)
        doc["unembedding"] = matrixJson(m.unembeddingMatrix, "unembedding");
    if (m.unembedding != UnembeddingKind::None)
        doc["b_U"] = rowJson(m.unembeddingBias, "b_U");
    if (!m.trainingJson.empty())
        doc["training"] = Json::parse(m.trainingJson);
    return pretty(doc);
}

template <typename Scalar>
std::string writeModelDump(const BasicModel<Scalar>& m, const BasicModelResult<Scalar>& r)
{
    Json doc = Json::object();
    doc["format"] = kDumpFormat;
    doc["version"] = kModelVersion;
    doc["d_model"] = m.dModel();
    doc["heads"] = m.heads();
    doc["d_k"] = m.dK();
    doc["layers_count"] = m.layerCount();
    passJson(doc, m, r, "");
    for (std::size_t e = 0; e < r.encoder.size(); ++e) {
        Json encoder = Json::object();
        passJson(encoder, m.encoder[e], r.encoder[e], "encoder.");
        doc["encoder"] = encoder;
    }
    // What the window's rollout and head-roles views show, for scripts and cross-checks.
    const MatrixOf<Scalar> rollout = attentionRollout(m, r).rollout.template cast<Scalar>();
    doc["rollout"] = matrixJson(rollout, "rollout");
    doc["head_roles"] = headRolesJson<Scalar>(headRoles(m, r));
    if (!r.topK.empty()) {
        Json top = Json::array();
        for (std::size_t i = 0; i < r.topK.size(); ++i) {
            Json row = Json::array();
            for (std::size_t j = 0; j < r.topK[i].size(); ++j) {
                const Prediction& p = r.topK[i][j];
                if (!std::isfinite(p.p)) // logits that overflowed a double
                    throw SessionError(indexed(indexed("top_k", i), j) + ".p",
                                       notFiniteProblem(p.p, "top_k"));
                row.push_back({{"token", m.shownToken(p.id)}, {"id", p.id}, {"p", p.p}});
            }
            top.push_back(row);
        }
        doc["top_k"] = top;
    }
    return pretty(doc);
}

template std::string writeModelDump(const Model&, const ModelResult&);
template std::string writeModelDump(const FloatModel&, const FloatModelResult&);

} // namespace attn

#include "sessionjson.h"

namespace attn {
namespace {

/// A v1 document as the v2 one it is: one block without residual, norm or FFN, whose
/// attention is v1's weights. Blocks asked for by --layers, --norm or --ffn are standard
/// transformer blocks, with the residual.
void promote(Json& doc, bool structural)
{
    Json block = Json::object({{"residual", structural}, {"norm", "none"}});
    if (doc.contains("weights")) {
        block["attention"] = doc["weights"];
        doc.erase("weights");
    }
    doc["version"] = kModelVersion;
    doc["layers"] = Json::array({block});
}

int ffnWidth(const Json& layer)
{
    if (!layer.contains("ffn") || !layer["ffn"].is_object())
        return 0;
    const Json& f = layer["ffn"];
    if (f.contains("W_1") && f["W_1"].is_array() && !f["W_1"].empty() && f["W_1"][0].is_array())
        return static_cast<int>(f["W_1"][0].size());
    return f.contains("d_ff") && f["d_ff"].is_number_integer() ? f["d_ff"].get<int>() : 0;
}

void eraseAll(Json& object, std::initializer_list<const char*> names)
{
    if (object.is_object())
        for (const char* name : names)
            object.erase(name);
}

/// d_model or heads changed: what no longer fits is derived again at the new size.
void dropModelWeights(Json& doc, bool dModelChanged)
{
    for (Json& layer : doc["layers"]) {
        if (!layer.is_object())
            continue;
        if (layer.contains("attention"))
            eraseAll(layer["attention"], {"W_Q", "W_K", "W_V", "b_Q", "b_K", "b_V", "additive_w"});
        if (!dModelChanged)
            continue;
        const int width = ffnWidth(layer);
        eraseAll(layer, {"attention", "ln1", "ln2"});
        if (width > 0)
            layer["ffn"] = {{"activation", layer["ffn"].value("activation", "gelu_tanh")},
                            {"d_ff", width}};
    }
    if (!dModelChanged)
        return;
    eraseAll(doc, {"token_embeddings", "b_U"});
    if (doc.contains("final_norm"))
        doc["final_norm"] = Json::object();
    if (doc.contains("unembedding") && !doc["unembedding"].is_string())
        doc["unembedding"] = "tied";
}

void applyModelOverrides(Json& doc, const SessionOverrides& o, bool dModelChanged,
                         bool headsChanged)
{
    const bool isModel = doc.contains("version") && doc["version"] == kModelVersion;
    if (!isModel && !o.asksForModel())
        return;
    if (!isModel)
        promote(doc, (o.layers && *o.layers >= 2) || o.norm || o.ffn);
    if (!doc.contains("layers") || !doc["layers"].is_array() || doc["layers"].empty())
        return; // the reader names what is wrong
    Json& layers = doc["layers"];
    if (isModel && (dModelChanged || headsChanged))
        dropModelWeights(doc, dModelChanged);
    if (o.layers) {
        while (static_cast<int>(layers.size()) > std::max(1, *o.layers))
            layers.erase(layers.size() - 1);
        const Json last = layers.back();
        while (static_cast<int>(layers.size()) < *o.layers) {
            Json block = Json::object();
            for (const char* key : {"residual", "norm"})
                if (last.is_object() && last.contains(key))
                    block[key] = last[key];
            if (const int width = ffnWidth(last); width > 0)
                block["ffn"] = {{"activation", last["ffn"].value("activation", "gelu_tanh")},
                                {"d_ff", width}};
            layers.push_back(block);
        }
    }
    for (Json& layer : layers) {
        if (!layer.is_object())
            continue;
        if (o.norm)
            layer["norm"] = toString(*o.norm);
        if (o.residual)
            layer["residual"] = *o.residual;
        if (o.ffn && *o.ffn == 0)
            layer.erase("ffn");
        else if (o.ffn && ffnWidth(layer) != *o.ffn)
            layer["ffn"] = {{"activation", layer.contains("ffn") && layer["ffn"].is_object()
                                               ? layer["ffn"].value("activation", "gelu_tanh")
                                               : "gelu_tanh"},
                            {"d_ff", *o.ffn}};
    }
    if (o.ablate) {
        Json pairs = Json::array();
        for (const auto& [block, head] : *o.ablate)
            pairs.push_back({block, head});
        doc["ablate"] = pairs;
    }
}

} // namespace

void applyOverrides(Json& doc, const SessionOverrides& o)
{
    const auto dropWeights = [&doc](std::initializer_list<const char*> names) {
        if (doc.contains("weights") && doc["weights"].is_object())
            for (const char* name : names)
                doc["weights"].erase(name);
    };
    if (o.tokens && (!doc.contains("tokens") || doc["tokens"] != Json(*o.tokens))) {
        doc["tokens"] = *o.tokens;
        doc.erase("embeddings");
        doc.erase("title"); // the lesson's title no longer describes other tokens
    }
    const bool dModelChanged = o.dModel && (!doc.contains("d_model") || doc["d_model"] != *o.dModel);
    const bool headsChanged = o.heads && (!doc.contains("heads") || doc["heads"] != *o.heads);
    if (dModelChanged) {
        doc["d_model"] = *o.dModel;
        doc.erase("embeddings");
        dropWeights({"W_Q", "W_K", "W_V", "W_O", "additive_w"});
    }
    if (headsChanged) {
        doc["heads"] = *o.heads;
        dropWeights({"W_Q", "W_K", "W_V", "additive_w"});
    }
    if (o.seed)
        doc["seed"] = *o.seed;
    Json& pe = doc["positional_encoding"];
    if (!pe.is_object())
        pe = Json::object({{"kind", "sinusoidal"}});
    if (o.pe)
        pe["kind"] = toString(*o.pe);
    if (o.peBase)
        pe["base"] = *o.peBase;
    if (o.score)
        doc["score"] = toString(*o.score);
    if (o.normalizer)
        doc["normalizer"] = toString(*o.normalizer);
    if (o.temperature)
        doc["temperature"] = *o.temperature;
    Json& mask = doc["mask"];
    if (!mask.is_object())
        mask = Json::object({{"kind", "none"}});
    if (o.mask)
        mask["kind"] = toString(*o.mask);
    if (o.window)
        mask["radius"] = *o.window;
    applyModelOverrides(doc, o, dModelChanged, headsChanged);
}

} // namespace attn

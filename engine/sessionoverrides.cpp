#include "sessionjson.h"

namespace attn {

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
    if (o.dModel && (!doc.contains("d_model") || doc["d_model"] != *o.dModel)) {
        doc["d_model"] = *o.dModel;
        doc.erase("embeddings");
        dropWeights({"W_Q", "W_K", "W_V", "W_O", "additive_w"});
    }
    if (o.heads && (!doc.contains("heads") || doc["heads"] != *o.heads)) {
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
}

} // namespace attn

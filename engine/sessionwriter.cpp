#include "sessionwriter.h"

#include "jsonwriter.h"
#include "sessionjson.h"

namespace attn {

std::string writeSession(const Session& s)
{
    // Settings of kinds not in use are written too: switching back after opening the file
    // finds them as they were. A valid session is finite, so matrixJson never refuses here.
    Json pe = {{"kind", toString(s.positional.kind)}, {"base", s.positional.base}};
    if (s.positional.learned.rows() > 0 || s.positional.learned.cols() > 0 ||
        s.positional.kind == PeKind::Learned)
        pe["matrix"] = matrixJson(s.positional.learned, "positional_encoding.matrix");
    Json mask = {{"kind", toString(s.mask.kind)}, {"radius", s.mask.radius}};
    if (s.mask.custom.rows() > 0 || s.mask.custom.cols() > 0 || s.mask.kind == MaskKind::Custom)
        mask["matrix"] = matrixJson(s.mask.custom.cast<int>(), "mask.matrix");
    Json doc = Json::object();
    doc["format"] = kSessionFormat;
    doc["version"] = kVersion;
    doc["title"] = s.title;
    doc["tokens"] = s.tokens;
    doc["d_model"] = s.dModel;
    doc["heads"] = s.heads;
    doc["seed"] = s.seed;
    doc["embeddings"] = matrixJson(s.embeddings, "embeddings");
    doc["positional_encoding"] = pe;
    doc["score"] = toString(s.score);
    doc["temperature"] = s.temperature;
    doc["mask"] = mask;
    doc["normalizer"] = toString(s.normalizer);
    doc["weights"] = {{"W_Q", matricesJson(s.wq, "weights.W_Q")},
                      {"W_K", matricesJson(s.wk, "weights.W_K")},
                      {"W_V", matricesJson(s.wv, "weights.W_V")},
                      {"W_O", matrixJson(s.wo, "weights.W_O")},
                      {"additive_w", matrixJson(s.additiveW, "weights.additive_w")}};
    return pretty(doc);
}

} // namespace attn

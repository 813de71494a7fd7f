#include "sessionwriter.h"

#include "jsonwriter.h"
#include "sessionjson.h"

namespace attn {

// Settings of kinds not in use are written too: switching back after opening the file finds
// them as they were. A valid session is finite, so matrixJson never refuses here.
Json positionalJson(const PositionalEncoding& positional, const Matrix& learned)
{
    Json pe = {{"kind", toString(positional.kind)}, {"base", positional.base}};
    if (learned.rows() > 0 || learned.cols() > 0 || positional.kind == PeKind::Learned)
        pe["matrix"] = matrixJson(learned, "positional_encoding.matrix");
    return pe;
}

Json maskJson(const MaskSpec& spec)
{
    Json mask = {{"kind", toString(spec.kind)}, {"radius", spec.radius}};
    if (spec.custom.rows() > 0 || spec.custom.cols() > 0 || spec.kind == MaskKind::Custom)
        mask["matrix"] = matrixJson(spec.custom.cast<int>(), "mask.matrix");
    return mask;
}

std::string writeSession(const Session& s)
{
    const Json pe = positionalJson(s.positional, s.positional.learned);
    const Json mask = maskJson(s.mask);
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

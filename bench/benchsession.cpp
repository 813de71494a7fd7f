#include "benchsession.h"

#include "sessionio.h"

#include <string>

namespace bench {

attn::Session makeSession(int n, int dModel, int heads, int seed)
{
    std::string tokens;
    for (int i = 0; i < n; ++i)
        tokens += (i ? ",\"t" : "\"t") + std::to_string(i) + "\"";
    const std::string text = "{\"format\": \"attnviz-session\", \"version\": 1, \"tokens\": [" +
                             tokens + "], \"d_model\": " + std::to_string(dModel) +
                             ", \"heads\": " + std::to_string(heads) +
                             ", \"seed\": " + std::to_string(seed) +
                             ", \"positional_encoding\": {\"kind\": \"sinusoidal\"}"
                             ", \"score\": \"scaled_dot\", \"mask\": {\"kind\": \"causal\"}"
                             ", \"normalizer\": \"softmax\"}";
    return attn::readSession(text, "bench");
}

} // namespace bench

namespace bench {

attn::Model makeModel(int layers, int dModel, int heads, int n, int vocabulary, int seed)
{
    std::string words, tokens;
    for (int v = 0; v < vocabulary; ++v)
        words += (v ? ",\"v" : "\"v") + std::to_string(v) + "\"";
    for (int i = 0; i < n; ++i)
        tokens += (i ? ",\"v" : "\"v") + std::to_string((i * 7919) % vocabulary) + "\"";
    std::string blocks;
    for (int l = 0; l < layers; ++l)
        blocks += std::string(l ? "," : "") + "{\"norm\": \"pre\", \"ffn\": {\"d_ff\": " +
                  std::to_string(4 * dModel) + "}}";
    const std::string text =
        "{\"format\": \"attnviz-session\", \"version\": 2, \"d_model\": " + std::to_string(dModel) +
        ", \"heads\": " + std::to_string(heads) + ", \"seed\": " + std::to_string(seed) +
        ", \"vocabulary\": [" + words + "], \"tokens\": [" + tokens +
        "], \"mask\": {\"kind\": \"causal\"}, \"layers\": [" + blocks +
        "], \"final_norm\": {}, \"unembedding\": \"tied\"}";
    return std::get<attn::Model>(attn::readAnySession(text, "bench"));
}

} // namespace bench

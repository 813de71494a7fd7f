#include "benchsession.h"

#include "initializers.h"
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
    // Built here rather than read: GPT-2 small's 1.24·10⁸ weights are more than a session
    // file may ask the reader to derive (attn::kMaxModelNumbers).
    attn::Model m = attn::modelFromSession(makeSession(n, dModel, heads, seed));
    for (int v = 0; v < vocabulary; ++v)
        m.vocabulary.push_back("v" + std::to_string(v));
    m.tokenEmbeddings.resize(vocabulary, dModel);
    for (int v = 0; v < vocabulary; ++v)
        m.tokenEmbeddings.row(v) = attn::tokenEmbedding(m.vocabulary[v], dModel, seed);
    for (int i = 0; i < n; ++i)
        m.settings.tokens[i] = m.vocabulary[(i * 7919) % vocabulary];
    m.embeddings = attn::Matrix();
    m.layers.clear();
    for (int l = 0; l < layers; ++l)
        m.layers.push_back(attn::derivedBlock(m.settings, l, true, attn::NormPlacement::Pre,
                                              4 * dModel, attn::Activation::GeluTanh));
    m.finalNorm = attn::LayerNormParams{attn::RowVector::Ones(dModel),
                                        attn::RowVector::Zero(dModel), 1e-5};
    m.unembedding = attn::UnembeddingKind::Tied;
    m.unembeddingBias = attn::RowVector::Zero(vocabulary);
    attn::validate(m);
    return m;
}

} // namespace bench

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

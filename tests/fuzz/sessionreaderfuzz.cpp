// libFuzzer target: arbitrary bytes as a session file of either version. Refusing them with a SessionError is
// the expected outcome; a crash, another exception, a leak, a hang or a huge allocation is
// a bug. An accepted session must also compute without NaN weights and round-trip through
// writeSession exactly.

#include "attention.h"
#include "sessionerror.h"
#include "sessionio.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

/// Keeps forward() to a few milliseconds: n × d_model inputs and heads × n × n weights.
constexpr long long kMaxInputs = 100000;
constexpr long long kMaxWeights = 1000000;

[[noreturn]] void fail(const char* why)
{
    std::fprintf(stderr, "session_reader_fuzz: %s\n", why);
    std::abort();
}

void checkAccepted(const attn::Session& session)
{
    const long long n = session.n();
    if (n * session.dModel <= kMaxInputs && session.heads * n * n <= kMaxWeights) {
        const attn::ForwardResult result = attn::forward(session);
        for (const attn::HeadResult& head : result.heads)
            if (head.weights.array().isNaN().any())
                fail("NaN in the attention weights of an accepted session");
    }
    const std::string text = attn::writeSession(session);
    attn::Session again;
    try {
        again = attn::readSession(text, "fuzz-roundtrip");
    } catch (const attn::SessionError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        fail("writeSession wrote a file that readSession refuses");
    }
    if (!(again == session))
        fail("writeSession then readSession changed the session");
}

void checkAccepted(const attn::Model& model)
{
    const long long n = model.n();
    if (attn::modelFlops(model) <= 1e7 && model.layerCount() * model.heads() * n * n <= kMaxWeights) {
        const attn::ModelResult result = attn::forwardModel(model);
        for (const attn::BlockResult& block : result.blocks)
            for (const attn::HeadResult& head : block.heads)
                if (head.weights.array().isNaN().any())
                    fail("NaN in the attention weights of an accepted model");
        for (const auto& row : result.topK)
            for (const attn::Prediction& p : row)
                if (!(p.p >= 0 && p.p <= 1))
                    fail("a probability outside [0, 1] in an accepted model");
    }
    const std::string text = attn::writeModelSession(model);
    std::string again;
    try {
        again = attn::writeModelSession(std::get<attn::Model>(attn::readAnySession(text, "fuzz-roundtrip")));
    } catch (const attn::SessionError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        fail("writeModelSession wrote a file that readAnySession refuses");
    }
    if (again != text)
        fail("writeModelSession then readAnySession changed the model");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    attn::AnySession session;
    try {
        session = attn::readAnySession(text, "fuzz");
    } catch (const attn::SessionError&) {
        return 0; // refused with a message: what a bad file should get
    }
    std::visit([](const auto& accepted) { checkAccepted(accepted); }, session);
    return 0;
}

// libFuzzer target: arbitrary bytes as a session file. Refusing them with a SessionError is
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

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    attn::Session session;
    try {
        session = attn::readSession(text, "fuzz");
    } catch (const attn::SessionError&) {
        return 0; // refused with a message: what a bad file should get
    }
    checkAccepted(session);
    return 0;
}

#pragma once
// Session v1 and dump v1 files (../shared/spec/session-format.md), read and written
// with nlohmann/json. The only place that knows the files' field names.

#include "attention.h"
#include "session.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attn {

/// Files larger than this are refused before parsing (a session of 512 tokens and
/// d_model 768 is about 60 MB of JSON).
inline constexpr std::size_t kMaxSessionBytes = 256u << 20;

/// Command-line changes to a session, applied after reading it and before the parts
/// the file leaves out are derived, so that derived parts use the final sizes and seed.
struct SessionOverrides
{
    std::optional<std::vector<std::string>> tokens;
    std::optional<int> dModel;
    std::optional<int> heads;
    std::optional<std::uint64_t> seed;
    std::optional<PeKind> pe;
    std::optional<Real> peBase;
    std::optional<ScoreKind> score;
    std::optional<MaskKind> mask;
    std::optional<int> window;
    std::optional<NormalizerKind> normalizer;
    std::optional<Real> temperature;
};

/// Parses session v1 text, applies the overrides, fills what the file leaves out from the
/// seed, and validates. Throws SessionError "SOURCE: field: problem".
Session readSession(std::string_view text, const std::string& source,
                    const SessionOverrides& overrides = {});

/// Session v1 text with every weight written out.
std::string writeSession(const Session& session);

/// Dump v1 text: every intermediate of the pass.
std::string writeDump(const Session& session, const ForwardResult& result);

/// Tokens of a UTF-8 sentence, split on white space: ASCII spaces, tabs and line breaks,
/// the no-break space U+00A0 and the ideographic space U+3000 (typed in Chinese input).
std::vector<std::string> splitTokens(std::string_view text);

} // namespace attn

#pragma once
// Session v1 files (docs/file-formats.md), read.

#include "session.h"
#include "sessionoverrides.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace attn {

/// Files larger than this are refused before parsing (a session of 512 tokens and
/// d_model 768 is about 60 MB of JSON).
inline constexpr std::size_t kMaxSessionBytes = 256u << 20;

/// Parses session v1 text, applies the overrides, fills what the file leaves out from the
/// seed, and validates. Throws SessionError "SOURCE: field: problem".
Session readSession(std::string_view text, const std::string& source,
                    const SessionOverrides& overrides = {});

} // namespace attn

#pragma once
// Session files of both versions (docs/file-formats.md), read: v1 as a Session, v2 as a Model.

#include "model.h"
#include "session.h"
#include "sessionoverrides.h"

#include <string>
#include <string_view>
#include <variant>

namespace attn {

/// A file read: version 1 (one attention layer) or version 2 (a whole transformer).
using AnySession = std::variant<Session, Model>;

/// Parses session text of either version, applies the overrides (which make a v1 session
/// a v2 one when they ask for blocks, norms, an FFN or an ablation), fills what the file
/// leaves out from the seed, and validates. Throws SessionError "SOURCE: field: problem".
AnySession readAnySession(std::string_view text, const std::string& source,
                          const SessionOverrides& overrides = {});

} // namespace attn

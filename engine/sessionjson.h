#pragma once
// What the reader, the writer and the dump writer share: the format's names and the one
// step on the JSON document before it becomes a session. Internal to the engine's file code.

#include "jsonpath.h"
#include "sessionoverrides.h"

#include <string_view>

namespace attn {

inline constexpr std::string_view kSessionFormat = "attnviz-session";
inline constexpr std::string_view kDumpFormat = "attnviz-dump";
inline constexpr int kVersion = 1;

/// Command-line overrides act on the document before anything is derived: a changed size
/// drops the matrices that no longer fit, so they are derived again at the new size.
void applyOverrides(Json& doc, const SessionOverrides& overrides);

} // namespace attn

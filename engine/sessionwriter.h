#pragma once
// Session v1 files (docs/file-formats.md), written.

#include "session.h"

#include <string>

namespace attn {

/// Session v1 text with every weight written out.
std::string writeSession(const Session& session);

} // namespace attn

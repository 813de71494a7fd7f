#pragma once
// A model folder's small text files (config.json, vocab.json, merges.txt), read whole.

#include <string>

namespace attn {

/// The file's bytes. Throws SessionError(path, "cannot open the file" or "cannot read the
/// file").
std::string readTextFile(const std::string& path);

} // namespace attn

#pragma once
// A typed sentence into tokens. Not file I/O: the input panel and --tokens use it.

#include <string>
#include <string_view>
#include <vector>

namespace attn {

/// Tokens of a UTF-8 sentence, split on white space: ASCII spaces, tabs and line breaks,
/// the no-break space U+00A0 and the ideographic space U+3000 (typed in Chinese input).
std::vector<std::string> splitTokens(std::string_view text);

} // namespace attn

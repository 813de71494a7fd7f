#pragma once
// UTF-8 as the GPT-2 tokeniser (engine/gpt2: it works on bytes, and its pieces and decoded
// text are UTF-8 only where whole characters meet) and the text task's corpus need it.

#include <cstddef>
#include <string>
#include <string_view>

namespace attn {

struct Utf8Step
{
    char32_t codePoint = 0;
    std::size_t length = 1; // bytes consumed: the character, or the maximal invalid subpart
    bool valid = false;
};

/// One character at s[i], by the Unicode "maximal subpart" rule that Python's
/// decode(errors="replace") follows: an invalid lead byte is one error, a lead byte followed
/// by fewer continuation bytes than it needs is one error covering them all.
Utf8Step stepUtf8(std::string_view s, std::size_t i);

/// The offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t invalidUtf8At(std::string_view s);

void appendUtf8(std::string& out, char32_t cp);

/// "0xE6".
std::string hexByte(unsigned char b);

/// s with its invalid parts replaced: by U+FFFD each (hexBytes false), or by each byte as
/// <XX> (hexBytes true).
std::string makeValidUtf8(std::string_view s, bool hexBytes = false);

} // namespace attn

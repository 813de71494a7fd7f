#include "tokenisation.h"

namespace attn {

std::vector<std::string> splitTokens(std::string_view text)
{
    std::vector<std::string> tokens;
    std::string current;
    const auto flush = [&] {
        if (!current.empty())
            tokens.push_back(std::move(current));
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            flush();
        } else if (c == 0xC2 && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            flush();
            i += 1;
        } else if (text.substr(i, 3) == "\xE3\x80\x80") {
            flush();
            i += 2;
        } else {
            current += static_cast<char>(c);
        }
    }
    flush();
    return tokens;
}

} // namespace attn

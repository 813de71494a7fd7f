// libFuzzer target for BpeTokenizer. GPT-2's own files are not at hand here, so the input
// is split at its first two NUL bytes into vocab.json, merges.txt and a text: the tokeniser
// they make (a SessionError is an acceptable answer) encodes the text. Then the whole input is
// encoded by a fixed tokeniser of the 256 byte pieces and a few merges. Either way every id
// must be in range, and decode(encode(text)) == text for valid UTF-8 when every byte has its
// piece.

#include "bpetokenizer.h"
#include "sessionerror.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace {

// GPT-2's byte-to-unicode table, written out again here rather than taken from the code under
// test: printable bytes stand for themselves, the other 68 for U+0100 + k.
std::array<std::string, 256> makeBytePieces()
{
    std::array<std::string, 256> pieces;
    unsigned next = 0x100;
    for (unsigned b = 0; b < 256; ++b) {
        const bool printable =
            (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        const unsigned cp = printable ? b : next++;
        std::string& s = pieces[b];
        if (cp < 0x80) {
            s += static_cast<char>(cp);
        } else {
            s += static_cast<char>(0xC0 | (cp >> 6));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return pieces;
}

const std::array<std::string, 256>& bytePieces()
{
    static const std::array<std::string, 256> pieces = makeBytePieces();
    return pieces;
}

std::string jsonString(const std::string& s)
{
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[(c >> 4) & 0xF];
            out += hex[c & 0xF];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

const attn::BpeTokenizer& fixedTokenizer()
{
    static const attn::BpeTokenizer tokenizer = [] {
        std::vector<std::string> pieces(bytePieces().begin(), bytePieces().end());
        const std::vector<std::pair<std::string, std::string>> merges = {
            {"Ġ", "t"},   {"h", "e"}, {"Ġt", "he"}, {"i", "n"}, {"e", "r"}, {"a", "a"},
            {"aa", "aa"}, {"Ġ", "Ġ"}, {"ĠĠ", "ĠĠ"}, {"Ã", "©"}, {"'", "s"}, {"1", "2"}};
        std::string mergesText = "#version: 0.2\n";
        for (const auto& [left, right] : merges) {
            pieces.push_back(left + right);
            mergesText += left + " " + right + "\n";
        }
        std::string vocab = "{";
        for (std::size_t i = 0; i < pieces.size(); ++i)
            vocab += (i ? "," : "") + jsonString(pieces[i]) + ":" + std::to_string(i);
        vocab += "}";
        return attn::BpeTokenizer(vocab, mergesText);
    }();
    return tokenizer;
}

bool hasEveryBytePiece(const attn::BpeTokenizer& tokenizer)
{
    const std::unordered_set<std::string> pieces(tokenizer.pieces().begin(),
                                                 tokenizer.pieces().end());
    for (const std::string& piece : bytePieces())
        if (!pieces.count(piece))
            return false;
    return true;
}

void check(const attn::BpeTokenizer& tokenizer, std::string_view text, bool roundTrips)
{
    std::vector<int> ids;
    try {
        ids = tokenizer.encode(text);
    } catch (const attn::SessionError&) {
        return; // text that is not UTF-8, or a byte without its piece
    }
    for (const int id : ids)
        if (id < 0 || id >= tokenizer.size())
            std::abort();
    const std::string decoded = tokenizer.decode(ids);
    // The text encoded, so it is valid UTF-8: with every byte's piece nothing is lost.
    if (roundTrips && decoded != text)
        std::abort();
    if (text.empty() != ids.empty())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    if (const auto first = input.find('\0'); first != std::string_view::npos) {
        if (const auto second = input.find('\0', first + 1); second != std::string_view::npos) {
            const std::string_view vocab = input.substr(0, first);
            const std::string_view merges = input.substr(first + 1, second - first - 1);
            const std::string_view text = input.substr(second + 1);
            try {
                const attn::BpeTokenizer tokenizer(vocab, merges);
                check(tokenizer, text, hasEveryBytePiece(tokenizer));
                for (int id = 0; id < tokenizer.size(); ++id)
                    (void)attn::pieceText(tokenizer.piece(id));
            } catch (const attn::SessionError&) {
            }
        }
    }

    check(fixedTokenizer(), input, true);
    (void)attn::pieceText(input);
    return 0;
}

#pragma once
// GPT-2's byte-level BPE tokeniser, from the vocab.json and merges.txt a model folder holds.
// Text is split by GPT-2's pre-tokenising pattern (Unicode letter and number classes, with
// PCRE2), each piece's UTF-8 bytes are mapped to GPT-2's printable byte alphabet, and merges
// are applied by rank. The ids are GPT-2's own: "Hello world" → [15496, 995].

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace attn {

class BpeTokenizer
{
public:
    /// vocab.json's and merges.txt's text. vocabSource and mergesSource name them in errors:
    /// SessionError with the source ("DIR/vocab.json: expected an object of token → id").
    /// Refused: vocab.json not JSON or not an object, an id that is not an integer in
    /// 0 … V − 1 or is repeated; a merges line that is not two pieces, or a piece (or the
    /// merged pair) missing from the vocabulary.
    BpeTokenizer(std::string_view vocabJson, std::string_view mergesText,
                 const std::string& vocabSource = "vocab.json",
                 const std::string& mergesSource = "merges.txt");
    /// Reads DIR/vocab.json and DIR/merges.txt (a missing or unreadable file is refused,
    /// naming it).
    static BpeTokenizer fromFolder(const std::string& dir);
    ~BpeTokenizer();
    BpeTokenizer(BpeTokenizer&&) noexcept;
    BpeTokenizer& operator=(BpeTokenizer&&) noexcept;

    /// The ids of the text; text that is not valid UTF-8 is refused (SessionError "text"), and
    /// so is a byte whose piece the vocabulary lacks. Keeps no cache: one tokeniser may encode
    /// from several threads at once.
    std::vector<int> encode(std::string_view text) const;
    int size() const;
    /// The vocabulary entry of an id, as vocab.json spells it ("Ġworld").
    const std::string& piece(int id) const;
    /// Every entry, in id order.
    const std::vector<std::string>& pieces() const;
    /// The text the ids stand for, as UTF-8; bytes that do not form UTF-8 (half a character
    /// split across tokens) become U+FFFD, as GPT-2's decode(errors="replace") does.
    std::string decode(const std::vector<int>& ids) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The bytes a vocabulary entry stands for ("Ġworld" → " world"), through GPT-2's
/// byte-to-unicode table; characters outside that table are kept as they are.
std::string pieceBytes(std::string_view piece);

/// pieceBytes made valid UTF-8 for display and files: invalid sequences become U+FFFD.
std::string pieceText(std::string_view piece);

/// pieceBytes for a label that tells the tokens apart: valid characters as they are, each
/// byte that is not part of one as <XX> (GPT-2 spells "Å" as two tokens, <C3> and <85>).
std::string pieceLabel(std::string_view piece);

} // namespace attn

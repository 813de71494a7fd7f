#include "bpetokenizer.h"

#include "sessionerror.h"
#include "textfile.h"
#include "utf8.h"

#include <nlohmann/json.hpp>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <array>
#include <climits>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <pcre2.h>
#include <queue>
#include <sstream>
#include <unordered_map>
#include <utility>

namespace attn {

namespace {

// ---- GPT-2's byte alphabet ----------------------------------------------------------------

// bytes_to_unicode() of openai/gpt-2's encoder.py: the printable bytes ('!' … '~', '¡' … '¬',
// '®' … 'ÿ') stand for themselves, the other 68 become U+0100 + k in byte order.
struct ByteAlphabet
{
    std::array<char32_t, 256> toUnicode{};
    std::array<int, 0x144> toByte{}; // code point → byte, −1 if not in the alphabet

    ByteAlphabet()
    {
        toByte.fill(-1);
        char32_t next = 0x100;
        for (int b = 0; b < 256; ++b) {
            const bool printable =
                (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            toUnicode[b] = printable ? static_cast<char32_t>(b) : next++;
            toByte[toUnicode[b]] = b;
        }
    }
};

const ByteAlphabet& byteAlphabet()
{
    static const ByteAlphabet alphabet;
    return alphabet;
}

std::string inQuotes(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

// ---- The pre-tokenising pattern -----------------------------------------------------------

// GPT-2's pattern, with \s spelled out as Unicode's White_Space property, which is what the
// Python `regex` module that encoder.py uses matches. PCRE2's \s with UCP would add U+180E
// and JavaScript's \s adds U+FEFF and drops U+0085, so neither is used.
#define ATTN_WS                                                                                    \
    "\\t\\n\\x0B\\f\\r\\x20\\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}"  \
    "\\x{205F}\\x{3000}"
constexpr const char* kPattern = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^" ATTN_WS
                                 "\\p{L}\\p{N}]+|[" ATTN_WS "]+(?![^" ATTN_WS "])|[" ATTN_WS "]+";
#undef ATTN_WS

struct CodeDeleter
{
    void operator()(pcre2_code* code) const { pcre2_code_free(code); }
};
struct MatchDataDeleter
{
    void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};
using CodePtr = std::unique_ptr<pcre2_code, CodeDeleter>;
using MatchDataPtr = std::unique_ptr<pcre2_match_data, MatchDataDeleter>;

std::string pcre2Message(int code)
{
    std::array<PCRE2_UCHAR, 256> buffer{};
    if (pcre2_get_error_message(code, buffer.data(), buffer.size()) < 0)
        return "PCRE2 error " + std::to_string(code);
    return reinterpret_cast<const char*>(buffer.data());
}

CodePtr compilePattern()
{
    int error = 0;
    PCRE2_SIZE offset = 0;
    CodePtr code(pcre2_compile(reinterpret_cast<PCRE2_SPTR>(kPattern), PCRE2_ZERO_TERMINATED,
                               PCRE2_UTF | PCRE2_UCP, &error, &offset, nullptr));
    if (!code)
        throw std::logic_error("GPT-2's pre-tokenising pattern does not compile: " +
                               pcre2Message(error));
    // JIT is an optimisation: without it (a build without JIT, or no executable memory),
    // pcre2_match interprets the same pattern.
    (void)pcre2_jit_compile(code.get(), PCRE2_JIT_COMPLETE);
    return code;
}

std::uint64_t pairKey(int left, int right)
{
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(left)) << 32) |
           static_cast<std::uint32_t>(right);
}

} // namespace

// ---- BpeTokenizer -------------------------------------------------------------------------

// Immutable once built: encode keeps no cache and makes its own PCRE2 match data, so one
// tokeniser may encode from several threads at once.
struct BpeTokenizer::Impl
{
    struct Merge
    {
        int rank;
        int merged; // the id of the two pieces joined
    };

    std::vector<std::string> m_pieces;
    std::vector<std::string> m_pieceBytes; // pieceBytes() of each id, for decode
    std::unordered_map<std::string, int> m_ids;
    std::array<int, 256> m_byteIds{}; // the id of each byte's one-character piece, or −1
    std::unordered_map<std::uint64_t, Merge> m_merges; // pairKey(left, right) → merge
    CodePtr m_pattern;

    void readVocab(std::string_view json);
    void readMerges(std::string_view text);
    void appendPiece(std::string_view bytes, std::vector<int>& ids) const;
};

void BpeTokenizer::Impl::readVocab(std::string_view json)
{
    using Json = nlohmann::json;
    Json doc;
    try {
        doc = Json::parse(json);
    } catch (const Json::exception& e) {
        std::string why = e.what();
        if (const auto pos = why.find("] "); pos != std::string::npos)
            why = why.substr(pos + 2);
        throw SessionError("", "not valid JSON (" + why + ")");
    }
    if (!doc.is_object() || doc.empty())
        throw SessionError("", "expected an object of token → id");
    const auto count = static_cast<long long>(doc.size());
    if (count > INT_MAX)
        throw SessionError("", "more than " + std::to_string(INT_MAX) + " tokens");
    const std::string range = "0 … " + std::to_string(count - 1);
    m_pieces.assign(static_cast<std::size_t>(count), std::string());
    std::vector<bool> seen(static_cast<std::size_t>(count), false);
    for (const auto& [token, value] : doc.items()) {
        long long id = -1;
        if (value.is_number_unsigned()) {
            const auto u = value.get<std::uint64_t>();
            id = u < static_cast<std::uint64_t>(count) ? static_cast<long long>(u) : count;
        } else if (value.is_number_integer()) {
            id = value.get<std::int64_t>();
        } else {
            throw SessionError(inQuotes(token),
                               "expected an integer id in " + range + ", not " + value.dump());
        }
        if (id < 0 || id >= count)
            throw SessionError(inQuotes(token), "the id " + value.dump() + " is not in " + range);
        const auto index = static_cast<std::size_t>(id);
        if (seen[index])
            throw SessionError(inQuotes(token), "the id " + std::to_string(id) + " is also " +
                                                    inQuotes(m_pieces[index]) + "'s");
        seen[index] = true;
        m_pieces[index] = token;
    }
    // count distinct ids in 0 … count − 1, so every id in that range has its token.
    m_ids.reserve(m_pieces.size());
    m_pieceBytes.reserve(m_pieces.size());
    for (std::size_t i = 0; i < m_pieces.size(); ++i) {
        m_ids.emplace(m_pieces[i], static_cast<int>(i));
        m_pieceBytes.push_back(pieceBytes(m_pieces[i]));
    }
    const ByteAlphabet& alphabet = byteAlphabet();
    for (int b = 0; b < 256; ++b) {
        std::string piece;
        appendUtf8(piece, alphabet.toUnicode[b]);
        const auto it = m_ids.find(piece);
        m_byteIds[b] = it == m_ids.end() ? -1 : it->second;
    }
}

void BpeTokenizer::Impl::readMerges(std::string_view text)
{
    std::size_t lineNumber = 0;
    std::size_t rank = 0;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            continue;
        if (lineNumber == 1 && line.starts_with("#version"))
            continue;
        const std::string field = "line " + std::to_string(lineNumber);
        const std::size_t space = line.find(' ');
        if (space == 0 || space == std::string_view::npos || space + 1 == line.size() ||
            line.find(' ', space + 1) != std::string_view::npos)
            throw SessionError(field,
                               "expected two pieces separated by a space, not " + inQuotes(line));
        const std::string left(line.substr(0, space));
        const std::string right(line.substr(space + 1));
        const auto leftIt = m_ids.find(left);
        if (leftIt == m_ids.end())
            throw SessionError(field, inQuotes(left) + " is not in the vocabulary");
        const auto rightIt = m_ids.find(right);
        if (rightIt == m_ids.end())
            throw SessionError(field, inQuotes(right) + " is not in the vocabulary");
        const auto mergedIt = m_ids.find(left + right);
        if (mergedIt == m_ids.end())
            throw SessionError(field, "the merged piece " + inQuotes(left + right) +
                                          " is not in the vocabulary");
        if (rank >= static_cast<std::size_t>(INT_MAX))
            throw SessionError(field, "more than " + std::to_string(INT_MAX) + " merges");
        // A repeated pair takes its last rank, as dict(zip(merges, range(...))) does in
        // encoder.py.
        m_merges.insert_or_assign(pairKey(leftIt->second, rightIt->second),
                                  Merge{static_cast<int>(rank), mergedIt->second});
        ++rank;
    }
}

// encoder.py's bpe() on one pre-token: repeatedly take the lowest-ranked pair of adjacent
// symbols and merge every occurrence of it, left to right. A heap of candidate pairs keyed by
// (rank, position) makes that O(n log n) rather than O(n²) in the piece's length: all
// candidates of the lowest rank are taken off together, so new pairs that the merges create
// wait until every occurrence of the current pair is merged, as in encoder.py.
void BpeTokenizer::Impl::appendPiece(std::string_view bytes, std::vector<int>& ids) const
{
    struct Symbol
    {
        int id;   // −1 once merged into the symbol on its left
        int next; // index of the next live symbol, −1 at the end
        int prev;
    };
    struct Candidate
    {
        int rank;
        int left; // symbol index
        int leftId;
        int rightId;
        bool operator>(const Candidate& o) const
        {
            return rank != o.rank ? rank > o.rank : left > o.left;
        }
    };

    const int n = static_cast<int>(bytes.size());
    std::vector<Symbol> symbols(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const auto b = static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)]);
        const int id = m_byteIds[b];
        if (id < 0) {
            std::string piece;
            appendUtf8(piece, byteAlphabet().toUnicode[b]);
            throw SessionError("text", "the byte " + hexByte(b) + " (the piece " + inQuotes(piece) +
                                           ") is not in the vocabulary");
        }
        symbols[static_cast<std::size_t>(i)] = {id, i + 1 < n ? i + 1 : -1, i - 1};
    }
    if (n == 1) {
        ids.push_back(symbols[0].id);
        return;
    }

    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> heap;
    const auto consider = [&](int left) {
        if (left < 0)
            return;
        const Symbol& l = symbols[static_cast<std::size_t>(left)];
        if (l.next < 0)
            return;
        const int rightId = symbols[static_cast<std::size_t>(l.next)].id;
        const auto it = m_merges.find(pairKey(l.id, rightId));
        if (it != m_merges.end())
            heap.push({it->second.rank, left, l.id, rightId});
    };
    for (int i = 0; i + 1 < n; ++i)
        consider(i);

    std::vector<Candidate> batch;
    while (!heap.empty()) {
        const int rank = heap.top().rank;
        batch.clear();
        while (!heap.empty() && heap.top().rank == rank) {
            batch.push_back(heap.top());
            heap.pop();
        }
        for (const Candidate& c : batch) {
            Symbol& l = symbols[static_cast<std::size_t>(c.left)];
            // Stale: the left symbol was merged away or has grown, or its right neighbour has.
            if (l.id != c.leftId || l.next < 0)
                continue;
            Symbol& r = symbols[static_cast<std::size_t>(l.next)];
            if (r.id != c.rightId)
                continue;
            l.id = m_merges.at(pairKey(c.leftId, c.rightId)).merged;
            r.id = -1;
            l.next = r.next;
            if (l.next >= 0)
                symbols[static_cast<std::size_t>(l.next)].prev = c.left;
            consider(l.prev);
            consider(c.left);
        }
    }
    for (int i = 0; i >= 0; i = symbols[static_cast<std::size_t>(i)].next)
        ids.push_back(symbols[static_cast<std::size_t>(i)].id);
}

BpeTokenizer::BpeTokenizer(std::string_view vocabJson, std::string_view mergesText,
                           const std::string& vocabSource, const std::string& mergesSource)
    : m_impl(std::make_unique<Impl>())
{
    try {
        m_impl->readVocab(vocabJson);
    } catch (const SessionError& e) {
        throw e.withSource(vocabSource);
    }
    try {
        m_impl->readMerges(mergesText);
    } catch (const SessionError& e) {
        throw e.withSource(mergesSource);
    }
    m_impl->m_pattern = compilePattern();
}

BpeTokenizer BpeTokenizer::fromFolder(const std::string& dir)
{
    const std::filesystem::path folder(dir);
    const std::filesystem::path vocab = folder / "vocab.json";
    const std::filesystem::path merges = folder / "merges.txt";
    const std::string vocabText = readTextFile(vocab.string());
    const std::string mergesText = readTextFile(merges.string());
    return BpeTokenizer(vocabText, mergesText, vocab.string(), merges.string());
}

BpeTokenizer::~BpeTokenizer() = default;
BpeTokenizer::BpeTokenizer(BpeTokenizer&&) noexcept = default;
BpeTokenizer& BpeTokenizer::operator=(BpeTokenizer&&) noexcept = default;

std::vector<int> BpeTokenizer::encode(std::string_view text) const
{
    if (const std::size_t bad = invalidUtf8At(text); bad != std::string_view::npos)
        throw SessionError("text", "not valid UTF-8 (the byte " +
                                       hexByte(static_cast<unsigned char>(text[bad])) +
                                       " at offset " + std::to_string(bad) + ")");
    std::vector<int> ids;
    if (text.empty())
        return ids;
    const pcre2_code* code = m_impl->m_pattern.get();
    const MatchDataPtr match(pcre2_match_data_create_from_pattern(code, nullptr));
    if (!match)
        throw std::bad_alloc();
    const auto subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    std::size_t offset = 0;
    while (offset < text.size()) {
        // The text was checked once above; PCRE2's own check would rescan it at every match.
        int rc = pcre2_match(code, subject, text.size(), offset, PCRE2_NO_UTF_CHECK, match.get(),
                             nullptr);
        if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
            rc = pcre2_match(code, subject, text.size(), offset, PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT,
                             match.get(), nullptr);
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0)
            throw SessionError("text",
                               "cannot split the text into words (" + pcre2Message(rc) + ")");
        const PCRE2_SIZE* span = pcre2_get_ovector_pointer(match.get());
        if (span[1] <= span[0]) {
            // Every alternative takes at least one character, so this does not happen; step
            // past a character rather than loop.
            offset = span[0] + stepUtf8(text, span[0]).length;
            continue;
        }
        m_impl->appendPiece(text.substr(span[0], span[1] - span[0]), ids);
        offset = span[1];
    }
    return ids;
}

int BpeTokenizer::size() const
{
    return static_cast<int>(m_impl->m_pieces.size());
}

const std::string& BpeTokenizer::piece(int id) const
{
    if (id < 0 || id >= size())
        throw SessionError("id", "the id " + std::to_string(id) + " is not in 0 … " +
                                     std::to_string(size() - 1));
    return m_impl->m_pieces[static_cast<std::size_t>(id)];
}

const std::vector<std::string>& BpeTokenizer::pieces() const
{
    return m_impl->m_pieces;
}

std::string BpeTokenizer::decode(const std::vector<int>& ids) const
{
    std::string bytes;
    for (const int id : ids) {
        if (id < 0 || id >= size())
            throw SessionError("ids", "the id " + std::to_string(id) + " is not in 0 … " +
                                          std::to_string(size() - 1));
        bytes += m_impl->m_pieceBytes[static_cast<std::size_t>(id)];
    }
    return makeValidUtf8(bytes);
}

std::string pieceBytes(std::string_view piece)
{
    const ByteAlphabet& alphabet = byteAlphabet();
    std::string out;
    out.reserve(piece.size());
    for (std::size_t i = 0; i < piece.size();) {
        const Utf8Step step = stepUtf8(piece, i);
        if (step.valid && step.codePoint < alphabet.toByte.size() &&
            alphabet.toByte[step.codePoint] >= 0)
            out += static_cast<char>(alphabet.toByte[step.codePoint]);
        else
            out.append(piece.substr(i, step.length)); // outside the table: kept as it is
        i += step.length;
    }
    return out;
}

std::string pieceText(std::string_view piece)
{
    return makeValidUtf8(pieceBytes(piece));
}

std::string pieceLabel(std::string_view piece)
{
    return makeValidUtf8(pieceBytes(piece), /*hexBytes=*/true);
}

} // namespace attn

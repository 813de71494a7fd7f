// BpeTokenizer against GPT-2's own files and the ids of the JavaScript encoder
// (tokenizer_expected.json, written by expected_ids.js), and its refusals of broken files.

#include "bpetokenizer.h"
#include "sessionerror.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

using attn::BpeTokenizer;
using attn::SessionError;

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot open " << path;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const BpeTokenizer& gpt2()
{
    static const BpeTokenizer tokenizer = BpeTokenizer::fromFolder(ATTNVIZ_GPT2_TOKENIZER_DIR);
    return tokenizer;
}

struct Case
{
    std::string text;
    std::vector<int> ids;
};

std::vector<Case> expectedCases()
{
    const auto doc = nlohmann::json::parse(readText(ATTNVIZ_TOKENIZER_EXPECTED));
    std::vector<Case> cases;
    for (const auto& c : doc)
        cases.push_back({c.at("text").get<std::string>(), c.at("ids").get<std::vector<int>>()});
    return cases;
}

// The message of the SessionError that f throws ("" if it throws none).
template <typename F> std::string refusal(F&& f)
{
    try {
        f();
    } catch (const SessionError& e) {
        return e.what();
    }
    return "";
}

// A GPT-2 style vocabulary of the given pieces, ids in order.
std::string vocabOf(const std::vector<std::string>& pieces)
{
    nlohmann::json vocab = nlohmann::json::object();
    for (std::size_t i = 0; i < pieces.size(); ++i)
        vocab[pieces[i]] = i;
    return vocab.dump();
}

TEST(BpeTokenizer, ReadsGpt2sFiles)
{
    EXPECT_EQ(gpt2().size(), 50257);
    EXPECT_EQ(gpt2().pieces().size(), 50257u);
    EXPECT_EQ(gpt2().piece(15496), "Hello");
    EXPECT_EQ(gpt2().piece(995), "Ġworld");
    EXPECT_EQ(gpt2().piece(50256), "<|endoftext|>");
}

TEST(BpeTokenizer, HelloWorld)
{
    EXPECT_EQ(gpt2().encode("Hello world"), (std::vector<int>{15496, 995}));
}

TEST(BpeTokenizer, MatchesTheJavaScriptEncoder)
{
    const auto cases = expectedCases();
    const auto listed = nlohmann::json::parse(readText(ATTNVIZ_TOKENIZER_CASES));
    ASSERT_EQ(cases.size(), listed.size());
    ASSERT_GE(cases.size(), 20u);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        SCOPED_TRACE("case " + std::to_string(i) + ": " + nlohmann::json(cases[i].text).dump());
        EXPECT_EQ(cases[i].text, listed[i].get<std::string>());
        EXPECT_EQ(gpt2().encode(cases[i].text), cases[i].ids);
    }
}

TEST(BpeTokenizer, DecodeUndoesEncode)
{
    for (const Case& c : expectedCases()) {
        SCOPED_TRACE(nlohmann::json(c.text).dump());
        EXPECT_EQ(gpt2().decode(gpt2().encode(c.text)), c.text);
        EXPECT_EQ(gpt2().decode(c.ids), c.text);
    }
}

TEST(BpeTokenizer, LongWordsRoundTrip)
{
    // One pre-token of 10 000 characters: the merges must not be quadratic in it.
    const std::string letters(10000, 'a');
    const auto ids = gpt2().encode(letters);
    EXPECT_LT(ids.size(), letters.size() / 2);
    EXPECT_EQ(gpt2().decode(ids), letters);

    std::string mixed;
    for (int i = 0; i < 2000; ++i)
        mixed += "xé注";
    EXPECT_EQ(gpt2().decode(gpt2().encode(mixed)), mixed);

    const std::string spaces = std::string(10000, ' ') + "x" + std::string(10000, '\n');
    EXPECT_EQ(gpt2().decode(gpt2().encode(spaces)), spaces);

    const std::string digits(10000, '7');
    EXPECT_EQ(gpt2().decode(gpt2().encode(digits)), digits);
}

TEST(BpeTokenizer, PieceBytesAndText)
{
    EXPECT_EQ(attn::pieceBytes("Ġworld"), " world");
    EXPECT_EQ(attn::pieceBytes("Hello"), "Hello");
    EXPECT_EQ(attn::pieceBytes("Ċ"), "\n");
    EXPECT_EQ(attn::pieceBytes("ĉ"), "\t");
    EXPECT_EQ(attn::pieceBytes("Ā"), std::string(1, '\0'));
    EXPECT_EQ(attn::pieceBytes("<|endoftext|>"), "<|endoftext|>");
    // Outside the byte table: kept as it is.
    EXPECT_EQ(attn::pieceBytes("注"), "注");
    // "caf" + 'Ã' '©' is café's bytes.
    EXPECT_EQ(attn::pieceBytes("cafÃ©"), "café");
    // 'æ' stands for the byte 0xE6, which alone is not UTF-8.
    EXPECT_EQ(attn::pieceBytes("æ"), "\xE6");
    EXPECT_EQ(attn::pieceText("æ"), "\uFFFD");
    EXPECT_EQ(attn::pieceText("Ġworld"), " world");
    // Labels tell byte tokens apart: 0xE6 alone is <E6>, a valid character stays.
    EXPECT_EQ(attn::pieceLabel("æ"), "<E6>");
    EXPECT_EQ(attn::pieceLabel("Ġæ"), " <E6>");
    EXPECT_EQ(attn::pieceLabel("cafÃ©"), "café");
}

TEST(BpeTokenizer, DecodeReplacesSplitCharacters)
{
    const auto ids = gpt2().encode("注");
    ASSERT_GT(ids.size(), 1u) << "注 is expected to be more than one token";
    EXPECT_EQ(gpt2().decode({ids.front()}), "\uFFFD");
    const auto a = gpt2().encode("a");
    const auto b = gpt2().encode("b");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(b.size(), 1u);
    // As Python's bytes.decode(errors="replace"): a truncated character is one U+FFFD.
    std::vector<int> split{a[0]};
    split.insert(split.end(), ids.begin(), ids.end() - 1);
    split.push_back(b[0]);
    EXPECT_EQ(gpt2().decode(split), "a\uFFFDb");
    // A lone continuation byte and an invalid byte are one each.
    const auto bytePiece = [](int byte) {
        // The GPT-2 id of a single byte's piece, found by its bytes.
        for (int id = 0; id < gpt2().size(); ++id)
            if (attn::pieceBytes(gpt2().piece(id)) == std::string(1, static_cast<char>(byte)))
                return id;
        return -1;
    };
    const int f0 = bytePiece(0xF0), x80 = bytePiece(0x80), xff = bytePiece(0xFF);
    ASSERT_GE(f0, 0);
    ASSERT_GE(x80, 0);
    ASSERT_GE(xff, 0);
    EXPECT_EQ(gpt2().decode({f0, x80}), "\uFFFD\uFFFD"); // F0 80 is no character's start
    EXPECT_EQ(gpt2().decode({xff}), "\uFFFD");
    EXPECT_EQ(gpt2().decode({}), "");
}

TEST(BpeTokenizer, MergesByRankAsEncoderPyDoes)
{
    // encoder.py merges every occurrence of the lowest-ranked pair before looking at the
    // pairs those merges make, even one ranked lower: "abab" → ab ab, not aba b.
    const BpeTokenizer t(vocabOf({"a", "b", "ab", "aba", "aa", "aaaa"}), "ab a\na b\na a\naa aa\n");
    EXPECT_EQ(t.encode("abab"), (std::vector<int>{2, 2}));
    EXPECT_EQ(t.encode("aaa"), (std::vector<int>{4, 0}));
    EXPECT_EQ(t.encode("aaaaa"), (std::vector<int>{5, 0}));
    EXPECT_EQ(t.encode("aba"), (std::vector<int>{3}));
}

TEST(BpeTokenizer, MergesFileHeaderAndBlankLines)
{
    const BpeTokenizer t(vocabOf({"a", "b", "ab"}), "#version: 0.2\n\na b\n\n");
    EXPECT_EQ(t.encode("ab"), (std::vector<int>{2}));
    const BpeTokenizer crlf(vocabOf({"a", "b", "ab"}), "#version: 0.2\r\na b\r\n");
    EXPECT_EQ(crlf.encode("ab"), (std::vector<int>{2}));
}

TEST(BpeTokenizer, RefusesBrokenVocab)
{
    const auto vocabRefusal = [](const std::string& json) {
        return refusal([&] { BpeTokenizer(json, "", "DIR/vocab.json", "DIR/merges.txt"); });
    };
    EXPECT_EQ(vocabRefusal("{\"a\": 0,"), "DIR/vocab.json: not valid JSON (parse error at line "
                                          "1, column 9: syntax error while parsing object key - "
                                          "unexpected end of input; expected string literal)");
    EXPECT_EQ(vocabRefusal("[\"a\", \"b\"]"), "DIR/vocab.json: expected an object of token → id");
    EXPECT_EQ(vocabRefusal("{}"), "DIR/vocab.json: expected an object of token → id");
    EXPECT_EQ(vocabRefusal("{\"a\": 0, \"b\": \"1\"}"),
              "DIR/vocab.json: \"b\": expected an integer id in 0 … 1, not \"1\"");
    EXPECT_EQ(vocabRefusal("{\"a\": 0, \"b\": 1.5}"),
              "DIR/vocab.json: \"b\": expected an integer id in 0 … 1, not 1.5");
    EXPECT_EQ(vocabRefusal("{\"a\": 0, \"b\": 2}"),
              "DIR/vocab.json: \"b\": the id 2 is not in 0 … 1");
    EXPECT_EQ(vocabRefusal("{\"a\": -1, \"b\": 1}"),
              "DIR/vocab.json: \"a\": the id -1 is not in 0 … 1");
    EXPECT_EQ(vocabRefusal("{\"a\": 0, \"b\": 18446744073709551615}"),
              "DIR/vocab.json: \"b\": the id 18446744073709551615 is not in 0 … 1");
    // Two tokens sharing an id leave another id without a token.
    EXPECT_EQ(vocabRefusal("{\"a\": 1, \"b\": 1}"),
              "DIR/vocab.json: \"b\": the id 1 is also \"a\"'s");
}

TEST(BpeTokenizer, RefusesBrokenMerges)
{
    const std::string vocab = vocabOf({"a", "b", "ab", "c"});
    const auto mergesRefusal = [&](const std::string& merges) {
        return refusal([&] { BpeTokenizer(vocab, merges, "DIR/vocab.json", "DIR/merges.txt"); });
    };
    EXPECT_EQ(mergesRefusal("#version: 0.2\na b\nab\n"),
              "DIR/merges.txt: line 3: expected two pieces separated by a space, not \"ab\"");
    EXPECT_EQ(mergesRefusal("a b c\n"),
              "DIR/merges.txt: line 1: expected two pieces separated by a space, not \"a b c\"");
    EXPECT_EQ(mergesRefusal("a  b\n"),
              "DIR/merges.txt: line 1: expected two pieces separated by a space, not \"a  b\"");
    EXPECT_EQ(mergesRefusal("a b\n\n a\n"),
              "DIR/merges.txt: line 3: expected two pieces separated by a space, not \" a\"");
    EXPECT_EQ(mergesRefusal("a b\na z"), "DIR/merges.txt: line 2: \"z\" is not in the vocabulary");
    EXPECT_EQ(mergesRefusal("z a"), "DIR/merges.txt: line 1: \"z\" is not in the vocabulary");
    EXPECT_EQ(mergesRefusal("a b\nab c\n"),
              "DIR/merges.txt: line 2: the merged piece \"abc\" is not in the vocabulary");
    // "#version" is a header only on the first line; elsewhere it is a merge like any other.
    EXPECT_EQ(mergesRefusal("a b\n#version: 0.2\n"),
              "DIR/merges.txt: line 2: \"#version:\" is not in the vocabulary");
}

TEST(BpeTokenizer, RefusesTextThatIsNotUtf8)
{
    EXPECT_EQ(refusal([] { gpt2().encode("ok \xE6\xB3 no"); }),
              "text: not valid UTF-8 (the byte 0xE6 at offset 3)");
    EXPECT_EQ(refusal([] { gpt2().encode("\xC0\x80"); }),
              "text: not valid UTF-8 (the byte 0xC0 at offset 0)");
    EXPECT_EQ(refusal([] { gpt2().encode("\xED\xA0\x80"); }), // a surrogate
              "text: not valid UTF-8 (the byte 0xED at offset 0)");
}

TEST(BpeTokenizer, RefusesBytesMissingFromTheVocabulary)
{
    const BpeTokenizer t(vocabOf({"a", "b", "ab"}), "a b\n");
    EXPECT_EQ(t.encode("abba"), (std::vector<int>{2, 1, 0}));
    EXPECT_EQ(refusal([&] { t.encode("ab c"); }),
              "text: the byte 0x20 (the piece \"Ġ\") is not in the vocabulary");
    EXPECT_EQ(refusal([&] { t.decode({0, 3}); }), "ids: the id 3 is not in 0 … 2");
    EXPECT_EQ(refusal([&] { t.piece(-1); }), "id: the id -1 is not in 0 … 2");
}

TEST(BpeTokenizer, FromFolderNamesAMissingFile)
{
    const std::filesystem::path dir =
        std::filesystem::path(ATTNVIZ_TOKENIZER_SCRATCH_DIR) / "empty";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string vocab = (dir / "vocab.json").string();
    EXPECT_EQ(refusal([&] { BpeTokenizer::fromFolder(dir.string()); }),
              vocab + ": cannot open the file");

    std::ofstream(dir / "vocab.json") << vocabOf({"a", "b", "ab"});
    const std::string merges = (dir / "merges.txt").string();
    EXPECT_EQ(refusal([&] { BpeTokenizer::fromFolder(dir.string()); }),
              merges + ": cannot open the file");

    std::ofstream(dir / "merges.txt") << "#version: 0.2\na b\nb\n";
    EXPECT_EQ(refusal([&] { BpeTokenizer::fromFolder(dir.string()); }),
              merges + ": line 3: expected two pieces separated by a space, not \"b\"");
}

} // namespace

// Reading and writing session files: what is accepted, what is refused and how the
// refusal names the field.

#include "attention.h"
#include "initializers.h"
#include "sessionerror.h"
#include "sessionio.h"
#include "testutil.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace attn {
namespace {

using Json = nlohmann::json;

Json lesson()
{
    return Json::parse(test::readText(ATTNVIZ_LESSON_DIR "/i-love-nlp.attn.json"));
}

/// The message readSession throws for doc, or "" when it accepts it.
std::string refusal(const std::string& text)
{
    try {
        readSession(text, "bad.attn.json");
    } catch (const SessionError& e) {
        return e.what();
    }
    return "";
}

std::string refusal(const Json& doc) { return refusal(doc.dump()); }
std::string refusal(const char* text) { return refusal(std::string(text)); }

TEST(SessionIo, MissingPartsAreDerivedFromTheSeed)
{
    const Json doc = {{"format", "attnviz-session"}, {"version", 1}, {"tokens", {"a", "b", "a"}},
                      {"d_model", 6}, {"heads", 2}, {"seed", 9}};
    const Session s = readSession(doc.dump(), "x");
    EXPECT_EQ(s.embeddings.rows(), 3);
    EXPECT_EQ(s.embeddings.row(0), s.embeddings.row(2)); // same token, same vector
    EXPECT_NE(s.embeddings.row(0), s.embeddings.row(1));
    EXPECT_EQ(s.wq.size(), 2u);
    EXPECT_EQ(s.wq[1].rows(), 6);
    EXPECT_EQ(s.wq[1].cols(), 3);
    EXPECT_NE(s.wq[0], s.wq[1]);
    EXPECT_EQ(s.wo, Matrix::Identity(6, 6));
    EXPECT_EQ(s.positional.kind, PeKind::Sinusoidal);
    EXPECT_EQ(s.positional.base, 10000);
    EXPECT_EQ(readSession(doc.dump(), "x"), s); // and the same in every run
}

TEST(SessionIo, WriteThenReadIsTheIdentity)
{
    Json doc = lesson();
    doc["mask"] = {{"kind", "custom"}, {"matrix", {{1, 0, 1}, {0, 1, 0}, {1, 1, 1}}}};
    doc["positional_encoding"] = {{"kind", "learned"}, {"matrix", {{0.1, 1e-300, -3}, {1, 2, 3}, {4, 5, 6.000000000000001}}}};
    doc["score"] = "additive";
    doc["temperature"] = 0.3;
    const Session s = readSession(doc.dump(), "x");
    const Session again = readSession(writeSession(s), "y");
    EXPECT_EQ(again, s);
    EXPECT_EQ(writeSession(again), writeSession(s));
}

TEST(SessionIo, DumpHoldsEveryFieldOfTheContract)
{
    const Session s = readSession(lesson().dump(), "x");
    const Json dump = Json::parse(writeDump(s, forward(s)));
    EXPECT_EQ(dump["format"], "attnviz-dump");
    EXPECT_EQ(dump["version"], 1);
    for (const char* field : {"tokens", "n", "d_model", "heads", "d_k", "X", "P", "X_in", "mask",
                              "head_results", "concat", "output"})
        EXPECT_TRUE(dump.contains(field)) << field;
    for (const char* field : {"Q", "K", "V", "raw_scores", "scores", "weights", "output"})
        EXPECT_TRUE(dump["head_results"][0].contains(field)) << field;
    // Numbers round-trip exactly.
    EXPECT_EQ(dump["head_results"][0]["weights"][0][1].get<double>(), forward(s).heads[0].weights(0, 1));
}

TEST(SessionIo, RefusalsNameTheFileAndTheField)
{
    Json shape = lesson();
    shape["weights"]["W_Q"][0] = {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}};
    EXPECT_EQ(refusal(shape), "bad.attn.json: weights.W_Q[0]: expected 3×3, got 3×2");

    Json ragged = lesson();
    ragged["embeddings"][1] = {1, 2};
    EXPECT_EQ(refusal(ragged), "bad.attn.json: embeddings[1]: has 2 numbers, row 0 has 3");

    Json heads = lesson();
    heads["heads"] = 2;
    EXPECT_EQ(refusal(heads), "bad.attn.json: heads: d_model 3 is not divisible by heads 2");

    Json kind = lesson();
    kind["mask"]["kind"] = "diagonal";
    EXPECT_EQ(refusal(kind), "bad.attn.json: mask.kind: unknown kind \"diagonal\"");

    Json score = lesson();
    score["score"] = "euclid";
    EXPECT_EQ(refusal(score), "bad.attn.json: score: unknown kind \"euclid\"");

    Json temperature = lesson();
    temperature["temperature"] = 0;
    EXPECT_EQ(refusal(temperature), "bad.attn.json: temperature: must be a finite number > 0");

    Json text = lesson();
    text["embeddings"][2][1] = "0.8";
    EXPECT_EQ(refusal(text), "bad.attn.json: embeddings[2][1]: expected a number, got string");

    Json version = lesson();
    version["version"] = 3;
    EXPECT_NE(refusal(version).find("bad.attn.json: version: version 3 is not supported"), std::string::npos);
    version["version"] = 2; // a whole transformer: readAnySession (modelreader.h) reads it
    EXPECT_NE(refusal(version).find("bad.attn.json: version: a version 2 session"), std::string::npos);

    Json format = lesson();
    format["format"] = "bertviz";
    EXPECT_NE(refusal(format).find("bad.attn.json: format:"), std::string::npos);

    Json missing = lesson();
    missing.erase("d_model");
    EXPECT_EQ(refusal(missing), "bad.attn.json: d_model: missing (required)");

    Json maskValue = lesson();
    maskValue["mask"] = {{"kind", "custom"}, {"matrix", {{1, 0, 1}, {0, 2, 0}, {1, 1, 1}}}};
    EXPECT_EQ(refusal(maskValue), "bad.attn.json: mask.matrix[1][1]: must be 0 or 1");
}

TEST(SessionIo, NonFiniteNumbersAreRefused)
{
    std::string text = lesson().dump();
    text.replace(text.find("0.5"), 3, "1e400");
    EXPECT_EQ(refusal(text), "bad.attn.json: embeddings[1][1]: not a finite number");
    std::string nan = lesson().dump();
    nan.replace(nan.find("0.5"), 3, "NaN");
    EXPECT_NE(refusal(nan).find("not valid JSON"), std::string::npos);
}

TEST(SessionIo, NotJsonAndEmptyFilesAreRefused)
{
    EXPECT_EQ(refusal(""), "bad.attn.json: empty file, not a session");
    EXPECT_EQ(refusal("  \n"), "bad.attn.json: empty file, not a session");
    EXPECT_NE(refusal("{\"format\": \"attnviz-session\", ").find("bad.attn.json: not valid JSON"), std::string::npos);
    EXPECT_NE(refusal("[1, 2]").find("not a session"), std::string::npos);
    EXPECT_EQ(refusal(Json{{"name", "package.json"}}), "bad.attn.json: format: missing (not an AttnViz session)");
}

TEST(SessionIo, OverridesDeriveWhatNoLongerFits)
{
    SessionOverrides o;
    o.dModel = 8;
    o.heads = 2;
    o.tokens = std::vector<std::string>{"the", "cat", "sat"};
    o.mask = MaskKind::Causal;
    o.seed = 3;
    const Session s = readSession(lesson().dump(), "x", o);
    EXPECT_EQ(s.dModel, 8);
    EXPECT_EQ(s.heads, 2);
    EXPECT_EQ(s.wq[1].cols(), 4);
    EXPECT_EQ(s.mask.kind, MaskKind::Causal);
    EXPECT_EQ(s.embeddings.row(1), tokenEmbedding("cat", 8, 3));
    EXPECT_EQ(s.title, ""); // the lesson's title does not describe other tokens

    SessionOverrides onlyMask;
    onlyMask.mask = MaskKind::Window;
    onlyMask.window = 0;
    const Session w = readSession(lesson().dump(), "x", onlyMask);
    EXPECT_EQ(w.wq[0](0, 0), 0.1); // given weights kept when sizes are unchanged
    EXPECT_EQ(forward(w).heads[0].weights, Matrix::Identity(3, 3));
}

TEST(SessionIo, SplitTokensOnAnyWhiteSpace)
{
    EXPECT_EQ(splitTokens("  I love\tNLP\n"), (std::vector<std::string>{"I", "love", "NLP"}));
    EXPECT_EQ(splitTokens("我\xE3\x80\x80爱 NLP"), (std::vector<std::string>{"我", "爱", "NLP"}));
    EXPECT_TRUE(splitTokens("   ").empty());
}

} // namespace
} // namespace attn

// The text task (engine/train/textcorpus.h): a corpus read as characters (a fortune file's
// colour codes and "%" lines left out, spaces and line breaks as visible tokens), its
// vocabulary by frequency with □ for the rest, sequences whose every position predicts the
// next character, and a model that learns a repetitive text.

#include "sessionerror.h"
#include "textcorpus.h"
#include "trainer.h"

#include <gtest/gtest.h>

namespace attn {
namespace {

TEST(TextCorpus, ReadsCharactersAsTokens)
{
    const std::string fortune = "\x1b[32m《送别》\x1b[m\n下马 饮\n%\nok\tgo\n";
    const std::vector<std::string> expected = {"《", "送", "别", "》", kNewlineToken, "下",
                                               "马", kSpaceToken, "饮", kNewlineToken, "o",
                                               "k", "g", "o", kNewlineToken};
    EXPECT_EQ(corpusCharacters(fortune), expected);
    EXPECT_THROW(corpusCharacters("abc\xff"), SessionError);
    EXPECT_THROW(corpusCharacters("\xe4\xb8"), SessionError); // cut in the middle
}

TEST(TextCorpus, VocabularyByFrequencyWithUnknown)
{
    const TaskSpec t = textTask("tiny", "aaaa bbb cc d", 4, {}, 4);
    const std::vector<std::string> alphabet = {kUnknownToken, "a", kSpaceToken, "b"};
    EXPECT_EQ(t.alphabet, alphabet);
    ASSERT_TRUE(t.text);
    EXPECT_EQ(t.text->back(), kUnknownToken); // "d" is not kept
    EXPECT_EQ(taskVocabulary(t), alphabet);
    EXPECT_EQ(taskSequenceLength(t), 4);
    EXPECT_THROW(textTask("short", "abc", 4), SessionError);
    // A model trained before keeps its alphabet, whatever the new corpus's counts.
    EXPECT_EQ(textTask("again", "bbbbbb", 4, alphabet).alphabet, alphabet);
}

TEST(TextCorpus, EveryPositionPredictsTheNextCharacter)
{
    const TaskSpec t = textTask("abc", "abcdefghij", 4);
    const std::vector<std::string> vocabulary = taskVocabulary(t);
    std::mt19937_64 random(3);
    for (int k = 0; k < 20; ++k) {
        const Example e = makeExample(t, vocabulary, random);
        ASSERT_EQ(e.tokens.size(), 4u);
        ASSERT_EQ(e.targets.size(), 4u);
        const char first = e.tokens[0][0];
        for (int i = 0; i < 4; ++i) {
            EXPECT_EQ(e.tokens[i], std::string(1, char(first + i)));
            EXPECT_EQ(vocabulary[e.targets[i]], std::string(1, char(first + i + 1)));
        }
    }
}

TEST(TextCorpus, ARepetitiveTextIsLearnt)
{
    std::string text;
    for (int i = 0; i < 200; ++i)
        text += "the cat sat on the mat. ";
    const TaskSpec t = textTask("cats", text, 16);
    TaskModelShape shape = defaultShape("text");
    shape.dModel = 32;
    shape.dFf = 64;
    Trainer trainer(taskModel(t, 1, shape), t, {});
    EXPECT_LT(trainer.evaluate(20, 9), 0.3);
    for (int s = 0; s < 150; ++s)
        trainer.step();
    EXPECT_GT(trainer.evaluate(20, 9), 0.9);
    const Model m = trainer.trainedModel();
    EXPECT_NE(m.trainingJson.find(R"("corpus":"cats")"), std::string::npos);
    EXPECT_NE(m.trainingJson.find(R"("tokens":"characters")"), std::string::npos);
    TaskSpec read;
    EXPECT_TRUE(readTaskFields(m.trainingJson, "text", read));
    EXPECT_EQ(read.alphabet, t.alphabet);
    EXPECT_EQ(read.length, 16);
}

} // namespace
} // namespace attn

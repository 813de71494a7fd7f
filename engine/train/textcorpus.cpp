#include "textcorpus.h"

#include "sessionerror.h"
#include "utf8.h"

#include <algorithm>
#include <unordered_map>

namespace attn {

std::vector<std::string> corpusCharacters(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t lineStart = 0; // where the current line's tokens begin in out
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0x1B && i + 1 < text.size() && text[i + 1] == '[') { // ESC [ … final byte
            std::size_t j = i + 2;
            while (j < text.size() && !(text[j] >= '@' && text[j] <= '~'))
                ++j;
            i = j + 1;
            continue;
        }
        const Utf8Step step = stepUtf8(text, i);
        if (!step.valid)
            throw SessionError("corpus", "not UTF-8 text (byte " + std::to_string(i) + ")");
        const auto length = step.length;
        if (c == '\n') {
            // A fortune file's separator: a line that is "%" alone goes, with its break.
            if (out.size() == lineStart + 1 && out.back() == "%") {
                out.pop_back();
            } else {
                out.emplace_back(kNewlineToken);
            }
            lineStart = out.size();
        } else if (c == ' ') {
            out.emplace_back(kSpaceToken);
        } else if (c >= 0x20 && c != 0x7F) {
            out.push_back(text.substr(i, length));
        } // other control characters (tabs, carriage returns) are dropped
        i += length;
    }
    return out;
}

TaskSpec textTask(const std::string& name, const std::string& text, int length,
                  const std::vector<std::string>& alphabet, int vocabulary)
{
    std::vector<std::string> characters = corpusCharacters(text);
    if (static_cast<int>(characters.size()) < length + 1)
        throw SessionError("corpus", std::to_string(characters.size()) +
                                         " characters, fewer than a sequence of " +
                                         std::to_string(length + 1) + " needs");
    TaskSpec t;
    t.task = "text";
    t.corpus = name;
    t.length = length;
    t.alphabet = alphabet;
    if (t.alphabet.empty()) {
        std::unordered_map<std::string, std::pair<int, int>> seen; // count, first position
        for (int i = 0; i < static_cast<int>(characters.size()); ++i) {
            auto [it, inserted] = seen.try_emplace(characters[i], 0, i);
            ++it->second.first;
        }
        std::vector<std::pair<std::string, std::pair<int, int>>> ranked(seen.begin(), seen.end());
        std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
            return a.second.first != b.second.first ? a.second.first > b.second.first
                                                    : a.second.second < b.second.second;
        });
        t.alphabet.emplace_back(kUnknownToken);
        for (const auto& [character, counts] : ranked)
            if (static_cast<int>(t.alphabet.size()) < vocabulary && character != kUnknownToken)
                t.alphabet.push_back(character);
    }
    std::unordered_map<std::string, int> kept;
    for (const std::string& a : t.alphabet)
        kept.emplace(a, 0);
    for (std::string& c : characters)
        if (!kept.count(c))
            c = kUnknownToken;
    t.text = std::make_shared<const std::vector<std::string>>(std::move(characters));
    return t;
}

} // namespace attn

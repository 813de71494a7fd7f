#pragma once
// The `text` task (docs/training.md): a language model of characters, trained on a text
// file such as a fortune file of Debian's fortunes or fortunes-zh packages.

#include "tasks.h"

#include <string>
#include <vector>

namespace attn {

/// How a space and a line break show as tokens (visible in token chips and heatmaps).
inline constexpr const char* kSpaceToken = "␣";
inline constexpr const char* kNewlineToken = "↵";
/// The token every character outside the vocabulary becomes.
inline constexpr const char* kUnknownToken = "□";
/// Characters a text task keeps by default, the most frequent first.
inline constexpr int kTextVocabulary = 1000; // 90 % of the Tang poems' characters
/// Characters a sequence of the text task has by default.
inline constexpr int kTextLength = 64;

/// The corpus as character tokens: UTF-8 code points, spaces and line breaks as above, the
/// terminal's colour codes (ESC [ … m) and other control characters dropped, and a fortune
/// file's "%" separator lines left out. Throws SessionError("corpus", …) for text that is
/// not UTF-8.
std::vector<std::string> corpusCharacters(const std::string& text);

/// The text task of a corpus: its alphabet is `alphabet` when given (a model trained on
/// this corpus before: the ids must stay), otherwise □ and the `vocabulary` − 1 most
/// frequent characters (ties by first occurrence); every other character becomes □.
/// Throws SessionError("corpus", …) when the corpus has fewer than length + 1 characters.
TaskSpec textTask(const std::string& name, const std::string& text, int length,
                  const std::vector<std::string>& alphabet = {}, int vocabulary = kTextVocabulary);

} // namespace attn

#pragma once
// Sentences of any length for the ui tests: "w0", "w1", … (distinct, so every token gets
// its own embedding).

#include <string>
#include <vector>

inline std::vector<std::string> testTokens(int count)
{
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i)
        out.push_back("w" + std::to_string(i));
    return out;
}

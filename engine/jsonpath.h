#pragma once
// Field paths of the JSON files ("weights.W_Q[1][0][2]"), named in every message that
// refuses a file or a dump. Internal to the engine's file code (nlohmann/json is private).

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace attn {

// ordered: files keep the order of the format's description, not alphabetical order.
using Json = nlohmann::ordered_json;

/// "field[i]"
std::string indexed(const std::string& field, std::size_t i);

/// "field[r][c]"
std::string indexed(const std::string& field, std::size_t r, std::size_t c);

/// Where the parser is ("embeddings[1][0]"), followed through the parse callback's events so
/// that a number the parser refuses can be reported by its field.
class JsonPath
{
public:
    void track(Json::parse_event_t event, const Json& parsed);
    std::string text() const;

private:
    struct Frame
    {
        bool isArray;
        std::size_t index; ///< the element being read, in an array
        std::string key;   ///< the member being read, in an object
    };

    void advance();

    std::vector<Frame> m_frames;
};

} // namespace attn

#include "jsonpath.h"

namespace attn {

std::string indexed(const std::string& field, std::size_t i)
{
    return field + "[" + std::to_string(i) + "]";
}

std::string indexed(const std::string& field, std::size_t r, std::size_t c)
{
    return indexed(indexed(field, r), c);
}

void JsonPath::track(Json::parse_event_t event, const Json& parsed)
{
    using E = Json::parse_event_t;
    switch (event) {
    case E::object_start:
        m_frames.push_back({false, 0, {}});
        break;
    case E::array_start:
        m_frames.push_back({true, 0, {}});
        break;
    case E::key:
        m_frames.back().key = parsed.get<std::string>();
        break;
    case E::object_end:
    case E::array_end:
        m_frames.pop_back();
        advance();
        break;
    case E::value:
        advance();
        break;
    }
}

std::string JsonPath::text() const
{
    std::string out;
    for (const Frame& f : m_frames)
        out += f.isArray ? "[" + std::to_string(f.index) + "]" : (out.empty() ? "" : ".") + f.key;
    return out;
}

void JsonPath::advance()
{
    if (!m_frames.empty() && m_frames.back().isArray)
        ++m_frames.back().index;
}

} // namespace attn

#pragma once

#include <stdexcept>
#include <string>

namespace attn {

/// A session that the format refuses. what() is "field: problem", and
/// withSource() prefixes the file, giving "FILE: field: problem".
class SessionError : public std::runtime_error
{
public:
    SessionError(const std::string& field, const std::string& problem)
        : std::runtime_error(field.empty() ? problem : field + ": " + problem)
    {
    }

    SessionError withSource(const std::string& source) const
    {
        return SessionError(source, what());
    }
};

} // namespace attn

#pragma once
// Reading the JSON files' values with a message naming the field: what the v1 and v2 readers
// share. Internal to the engine's file code.

#include "jsonpath.h"
#include "sessionerror.h"
#include "types.h"

#include <string>

namespace attn {

const char* typeName(const Json& j);
Real readNumber(const Json& j, const std::string& field);
long long readInteger(const Json& j, const std::string& field, long long lo, long long hi);
std::string readString(const Json& j, const std::string& field);
bool readBool(const Json& j, const std::string& field);
const Json& requireArray(const Json& j, const std::string& field);
const Json& requireObject(const Json& j, const std::string& field);

/// rows × cols from an array of rows; an empty array is 0 × emptyCols.
Matrix readMatrix(const Json& j, const std::string& field, Eigen::Index emptyCols);

Vector readVector(const Json& j, const std::string& field);

/// n × n of 0 and 1.
MaskMatrix readMask(const Json& j, const std::string& field, int n);

template <typename Kind, typename Parse>
Kind readKind(const Json& j, const std::string& field, Parse parse)
{
    const std::string name = readString(j, field);
    if (const auto kind = parse(name))
        return *kind;
    throw SessionError(field, "unknown kind \"" + name + "\"");
}

} // namespace attn

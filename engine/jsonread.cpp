#include "jsonread.h"

#include <cmath>

namespace attn {

const char* typeName(const Json& j)
{
    return j.type_name(); // "number", "string", "array", "object", "null", "boolean"
}

Real readNumber(const Json& j, const std::string& field)
{
    if (!j.is_number())
        throw SessionError(field, std::string("expected a number, got ") + typeName(j));
    const Real v = j.get<Real>();
    if (!std::isfinite(v))
        throw SessionError(field, "not a finite number");
    return v;
}

long long readInteger(const Json& j, const std::string& field, long long lo, long long hi)
{
    if (!j.is_number_integer())
        throw SessionError(field, std::string("expected a whole number, got ") +
                                      (j.is_number() ? "a fraction" : typeName(j)));
    if (j.is_number_unsigned() && j.get<unsigned long long>() > static_cast<unsigned long long>(hi))
        throw SessionError(field, "must be at most " + std::to_string(hi));
    const long long v = j.get<long long>();
    if (v < lo || v > hi)
        throw SessionError(field, "must be between " + std::to_string(lo) + " and " +
                                      std::to_string(hi) + ", got " + std::to_string(v));
    return v;
}

std::string readString(const Json& j, const std::string& field)
{
    if (!j.is_string())
        throw SessionError(field, std::string("expected a string, got ") + typeName(j));
    return j.get<std::string>();
}

const Json& requireArray(const Json& j, const std::string& field)
{
    if (!j.is_array())
        throw SessionError(field, std::string("expected an array, got ") + typeName(j));
    return j;
}

Matrix readMatrix(const Json& j, const std::string& field, Eigen::Index emptyCols)
{
    requireArray(j, field);
    if (j.empty())
        return Matrix(0, emptyCols);
    const std::size_t cols = requireArray(j[0], indexed(field, 0)).size();
    Matrix m(j.size(), cols);
    for (std::size_t r = 0; r < j.size(); ++r) {
        const Json& row = requireArray(j[r], indexed(field, r));
        if (row.size() != cols)
            throw SessionError(indexed(field, r), "has " + std::to_string(row.size()) +
                                                      " numbers, row 0 has " +
                                                      std::to_string(cols));
        for (std::size_t c = 0; c < cols; ++c)
            m(r, c) = readNumber(row[c], indexed(field, r, c));
    }
    return m;
}

Vector readVector(const Json& j, const std::string& field)
{
    requireArray(j, field);
    Vector v(j.size());
    for (std::size_t i = 0; i < j.size(); ++i)
        v(i) = readNumber(j[i], indexed(field, i));
    return v;
}

MaskMatrix readMask(const Json& j, const std::string& field, int n)
{
    const Matrix m = readMatrix(j, field, n);
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            if (m(r, c) != 0 && m(r, c) != 1)
                throw SessionError(indexed(field, r, c), "must be 0 or 1");
    return m.cast<std::uint8_t>();
}

bool readBool(const Json& j, const std::string& field)
{
    if (!j.is_boolean())
        throw SessionError(field, std::string("expected true or false, got ") + typeName(j));
    return j.get<bool>();
}

const Json& requireObject(const Json& j, const std::string& field)
{
    if (!j.is_object())
        throw SessionError(field, std::string("expected an object, got ") + typeName(j));
    return j;
}

} // namespace attn

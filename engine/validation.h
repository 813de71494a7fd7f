#pragma once
// The shape and finiteness checks that validate() of a session and of a model share.
// Internal to the engine.

#include "sessionerror.h"
#include "types.h"

#include <cmath>
#include <string>
#include <vector>

namespace attn {

inline std::string shapeText(Eigen::Index rows, Eigen::Index cols)
{
    return std::to_string(rows) + "×" + std::to_string(cols);
}

template <typename Derived>
void requireShape(const Eigen::MatrixBase<Derived>& m, Eigen::Index rows, Eigen::Index cols,
                  const std::string& field)
{
    if (m.rows() != rows || m.cols() != cols)
        throw SessionError(field, "expected " + shapeText(rows, cols) + ", got " +
                                      shapeText(m.rows(), m.cols()));
}

template <typename Derived>
void requireFinite(const Eigen::MatrixBase<Derived>& m, const std::string& field)
{
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            if (!std::isfinite(m(r, c)))
                throw SessionError(field + "[" + std::to_string(r) + "][" + std::to_string(c) + "]",
                                   "not a finite number");
}

template <typename Derived>
void requireMatrix(const Eigen::MatrixBase<Derived>& m, Eigen::Index rows, Eigen::Index cols,
                   const std::string& field)
{
    requireShape(m, rows, cols, field);
    requireFinite(m, field);
}

/// heads matrices of rows × cols: field[h] in messages.
inline void requireMatrices(const std::vector<Matrix>& list, int count, Eigen::Index rows,
                            Eigen::Index cols, const std::string& field)
{
    if (static_cast<int>(list.size()) != count)
        throw SessionError(field, "expected " + std::to_string(count) + " matrices, got " +
                                      std::to_string(list.size()));
    for (std::size_t h = 0; h < list.size(); ++h)
        requireMatrix(list[h], rows, cols, field + "[" + std::to_string(h) + "]");
}

} // namespace attn

#pragma once
// Matrices as JSON arrays of rows, and the files' layout: one key per line, one matrix row
// per line. Internal to the engine's file code.

#include "forwardresult.h"
#include "jsonpath.h"
#include "sessionerror.h"
#include "types.h"

#include <cmath>
#include <string>
#include <vector>

namespace attn {

/// Why a number cannot be written: JSON has no ∞ or NaN (nlohmann would write null).
std::string notFiniteProblem(Real value, const std::string& field);

/// rows × cols as an array of rows. Throws SessionError naming field[r][c] at the first
/// entry that is not finite, instead of writing null.
template <typename Derived>
Json matrixJson(const Eigen::MatrixBase<Derived>& m, const std::string& field)
{
    Json rows = Json::array();
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        Json row = Json::array();
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            const Real value = static_cast<Real>(m(r, c));
            if (!std::isfinite(value))
                throw SessionError(indexed(field, r, c), notFiniteProblem(value, field));
            row.push_back(m(r, c));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

/// A list of matrices: field[i][r][c] in messages.
Json matricesJson(const std::vector<Matrix>& list, const std::string& field);

/// A vector as one array; throws SessionError naming field[i] like matrixJson.
template <typename Scalar> Json vectorJson(const VectorOf<Scalar>& v, const std::string& field);

/// One head's matrices as the dumps write them (field "head_results[h]." names them):
/// Q, K, V, raw_scores, scores, weights and output, then with statistics dump v1's row_max,
/// row_sum, entropy and mean_distance.
/// For double and float.
template <typename Scalar>
Json headResultJson(const BasicHeadResult<Scalar>& head, const std::string& field, bool statistics);

/// The text of a file: readable and still compact, ending in a line break.
std::string pretty(const Json& j);

} // namespace attn

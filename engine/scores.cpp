#include "scores.h"

#include <cmath>
#include <type_traits>

namespace attn {
namespace {

/// n × 1: each row's Euclidean norm, without overflow for very large entries.
template <typename Scalar> VectorOf<Scalar> rowNorms(const MatrixOf<Scalar>& m)
{
    VectorOf<Scalar> norms(m.rows());
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        norms(r) = m.row(r).stableNorm();
    return norms;
}

/// n × d_k: each row divided by its norm, zero rows left zero (cosine is 0 there).
template <typename Scalar> MatrixOf<Scalar> unitRows(const MatrixOf<Scalar>& m)
{
    using Matrix = MatrixOf<Scalar>;
    const VectorOf<Scalar> norms = rowNorms(m);
    Matrix unit = m;
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        unit.row(r) = norms(r) > 0 ? Matrix(m.row(r) / norms(r)) : Matrix::Zero(1, m.cols());
    return unit;
}

} // namespace

template <typename Scalar>
MatrixOf<Scalar> otherRawScores(const Session& s, const MatrixOf<Scalar>& q,
                                const MatrixOf<Scalar>& k, int head)
{
    if (s.score == ScoreKind::Cosine)
        return unitRows(q) * unitRows(k).transpose();
    // additive: w_h · tanh(q_i + k_j)
    const RowVectorOf<Scalar> w = s.additiveW.row(head).cast<Scalar>();
    MatrixOf<Scalar> raw(q.rows(), k.rows());
    for (Eigen::Index i = 0; i < q.rows(); ++i)
        for (Eigen::Index j = 0; j < k.rows(); ++j)
            raw(i, j) = (q.row(i) + k.row(j)).array().tanh().matrix().dot(w);
    return raw;
}

template <typename Scalar>
void computeScores(const Session& s, BasicHeadResult<Scalar>& head, Rows rows)
{
    const Eigen::Index count = rows.end - rows.begin;
    const bool product = s.score == ScoreKind::Dot || s.score == ScoreKind::ScaledDot;
    if (product)
        head.rawScores.middleRows(rows.begin, count).noalias() =
            head.q.middleRows(rows.begin, count) * head.k.transpose();
    const Scalar divisor =
        s.score == ScoreKind::ScaledDot ? std::sqrt(static_cast<Scalar>(s.dK())) : Scalar(1);
    const auto temperature = static_cast<Scalar>(s.temperature);
    // A temperature the scalar cannot hold (a float below its smallest normal number, or
    // past its largest) divides in double, as a float64 pass would, then rounds.
    const bool inDouble = std::is_same_v<Scalar, float> && !std::isnormal(temperature);
    for (Eigen::Index j = 0; j < head.rawScores.cols(); ++j) {
        auto raw = head.rawScores.col(j).segment(rows.begin, count);
        if (divisor != 1)
            raw /= divisor;
        if (inDouble)
            head.scores.col(j).segment(rows.begin, count) =
                (raw.template cast<double>() / s.temperature).template cast<Scalar>();
        else
            head.scores.col(j).segment(rows.begin, count) = raw / temperature;
    }
}

template MatrixOf<double> otherRawScores(const Session&, const MatrixOf<double>&,
                                         const MatrixOf<double>&, int);
template MatrixOf<float> otherRawScores(const Session&, const MatrixOf<float>&,
                                        const MatrixOf<float>&, int);
template void computeScores(const Session&, BasicHeadResult<double>&, Rows);
template void computeScores(const Session&, BasicHeadResult<float>&, Rows);

} // namespace attn

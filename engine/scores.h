#pragma once
// score(Q, K) and its division by the temperature, the first steps after the projections.

#include "forwardresult.h"
#include "rowblock.h"
#include "session.h"

namespace attn {

/// n × n, score(Q, K) of the kinds that are not a plain product (cosine, additive), before
/// the temperature. The product kinds are computed a block of rows at a time by computeScores.
template <typename Scalar>
MatrixOf<Scalar> otherRawScores(const Session& session, const MatrixOf<Scalar>& q,
                                const MatrixOf<Scalar>& k, int head);

/// head.rawScores and head.scores in rows (the raw scores are already there unless the
/// score is a plain product). scores = rawScores / temperature, ±∞ where that overflows.
template <typename Scalar>
void computeScores(const Session& session, BasicHeadResult<Scalar>& head, Rows rows);

} // namespace attn

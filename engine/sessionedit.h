#pragma once
// Edits of a session that change its shape or derive parts of it from the seed. Pure
// functions: session in, session out; the document wraps each in an undo command.

#include "initializers.h"
#include "session.h"

#include <string>
#include <vector>

namespace attn {

/// The editable matrices of a session.
enum class MatrixKind { Embeddings, WQ, WK, WV, WO, AdditiveW, LearnedPE };

struct MatrixRef
{
    MatrixKind kind = MatrixKind::Embeddings;
    int head = 0; ///< for WQ, WK, WV

    bool operator==(const MatrixRef&) const = default;
};

Matrix& matrixOf(Session& session, MatrixRef ref);
/// The list of heads' matrices of kind WQ, WK or WV.
std::vector<Matrix>& headMatrices(Session& session, MatrixKind kind);
const Matrix& matrixOf(const Session& session, MatrixRef ref);

/// The matrix as the seed initialises it, in the shape the session's sizes give.
/// Embeddings under XavierUniform are the tokens' derived embeddings (tokenEmbedding).
Matrix initialMatrix(const Session& session, MatrixRef ref, InitKind kind);

/// What a file leaves out, derived from the seed: every weight of ref's kind, for all heads.
/// W_O's default is the identity, as the format says.
void deriveMissing(Session& session, MatrixKind kind);

/// New tokens. An embedding row is kept for a token that was there before (so an edited
/// embedding follows its word), derived for a new one; a learned encoding and a custom
/// mask keep their overlapping part, new mask cells allow attention.
Session withTokens(Session session, std::vector<std::string> tokens);

/// New d_model (must be divisible by heads): everything sized by d_model is derived again.
Session withDModel(Session session, int dModel);

/// New number of heads (must divide d_model): the per-head weights are derived again.
Session withHeads(Session session, int heads);

/// New seed: the embeddings and every weight are derived again from it.
Session withSeed(Session session, std::uint64_t seed);

} // namespace attn

#pragma once
// Deterministic initialisers. Every matrix draws from its own stream, keyed by the
// session's seed and a tag that names the matrix ("W_Q/1", "embedding/love"), so
// re-initialising one matrix never shifts another's values.

#include "types.h"

#include <optional>
#include <string_view>

namespace attn {

enum class InitKind { XavierUniform, Normal, Identity, Zero };

std::string_view toString(InitKind kind);
std::optional<InitKind> parseInitKind(std::string_view name);

/// rows × cols. XavierUniform: U(−a, a), a = √(6 / (rows + cols)); Normal: N(0, 2 / (rows + cols)).
Matrix initialise(InitKind kind, int rows, int cols, std::uint64_t seed, std::string_view tag);

/// The embedding of a token: d_model values in [−1, 1), a function of the token's UTF-8
/// bytes and the seed only. Built from integer arithmetic and std::mt19937_64 (whose
/// output the C++ standard fixes), so it is the same in every run and on every platform.
RowVector tokenEmbedding(std::string_view token, int dModel, std::uint64_t seed);

} // namespace attn

#pragma once
// Dump v1 (docs/file-formats.md): every intermediate of a pass, for other programs.

#include "forwardresult.h"
#include "session.h"

#include <string>

namespace attn {

/// Dump v1 text: every intermediate of the pass. JSON has no ∞ or NaN, so a number that is
/// not finite (raw / temperature overflowing a double at a tiny temperature, or a pass that
/// overflowed on huge inputs) is refused: throws SessionError naming its path, e.g.
/// "head_results[0].scores[1][2]: +inf, which a JSON file cannot hold (…)", and nothing is
/// written. Chosen over writing null (which readers take for a missing number) and over a
/// lower bound on the temperature in validate(), which could not cover huge scores: the
/// engine itself computes every temperature > 0 (the weights tend to one-hot, see
/// normalisation.cpp); only the file cannot hold the overflowed scores.
std::string writeDump(const Session& session, const ForwardResult& result);

} // namespace attn

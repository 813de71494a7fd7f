#pragma once
// Command-line changes to a session (--tokens, --d-model, …). Not part of the
// file format: readSession applies them to the document it read.

#include "session.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attn {

/// Applied after reading a session and before the parts the file leaves out are derived,
/// so that derived parts use the final sizes and seed.
struct SessionOverrides
{
    std::optional<std::vector<std::string>> tokens;
    std::optional<int> dModel;
    std::optional<int> heads;
    std::optional<std::uint64_t> seed;
    std::optional<PeKind> pe;
    std::optional<Real> peBase;
    std::optional<ScoreKind> score;
    std::optional<MaskKind> mask;
    std::optional<int> window;
    std::optional<NormalizerKind> normalizer;
    std::optional<Real> temperature;
};

} // namespace attn

#pragma once
// Command-line changes to a session (--tokens, --d-model, …). Not part of the
// file format: readSession applies them to the document it read.

#include "model.h"
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

    // Version 2 (docs/file-formats.md, "Session v2"): asking for any of these makes a v1
    // session a v2 one.
    std::optional<int> layers;          ///< blocks; new ones copy the last one's structure
    std::optional<NormPlacement> norm;  ///< every block's
    std::optional<int> ffn;             ///< every block's d_ff, 0: no FFN
    std::optional<bool> residual;       ///< every block's
    std::optional<std::vector<std::pair<int, int>>> ablate; ///< [block, head], 0-based

    bool asksForModel() const
    {
        return (layers && *layers >= 2) || norm || ffn || residual || ablate;
    }
};

} // namespace attn

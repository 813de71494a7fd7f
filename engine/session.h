#pragma once
// A session: everything the user set up. Always complete (every weight present);
// reading a file fills what the file leaves out (see sessionio.h).

#include "types.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attn {

enum class PeKind { None, Sinusoidal, Learned };
enum class ScoreKind { ScaledDot, Dot, Cosine, Additive };
enum class MaskKind { None, Causal, Window, CausalWindow, Custom };
enum class NormalizerKind { Softmax, Relu };

// File names of the kinds ("scaled_dot", "causal_window", ...), one table each.
std::string_view toString(PeKind kind);
std::string_view toString(ScoreKind kind);
std::string_view toString(MaskKind kind);
std::string_view toString(NormalizerKind kind);
std::optional<PeKind> parsePeKind(std::string_view name);
std::optional<ScoreKind> parseScoreKind(std::string_view name);
std::optional<MaskKind> parseMaskKind(std::string_view name);
std::optional<NormalizerKind> parseNormalizerKind(std::string_view name);

struct PositionalEncoding
{
    PeKind kind = PeKind::Sinusoidal;
    Real base = 10000;
    Matrix learned; ///< n × d_model, used when kind is Learned
};

struct MaskSpec
{
    MaskKind kind = MaskKind::None;
    int radius = 1;    ///< for Window and CausalWindow
    MaskMatrix custom; ///< n × n, for Custom
};

/// Upper bounds that keep a bad file or a typo from asking for gigabytes.
inline constexpr int kMaxTokens = 4096;
inline constexpr int kMaxDModel = 4096;

struct Session
{
    std::string title;
    std::vector<std::string> tokens;
    int dModel = 0;
    int heads = 1;
    std::uint64_t seed = 0;
    Matrix embeddings; ///< n × d_model, row i is the embedding of token i
    PositionalEncoding positional;
    ScoreKind score = ScoreKind::ScaledDot;
    Real temperature = 1;
    MaskSpec mask;
    NormalizerKind normalizer = NormalizerKind::Softmax;
    std::vector<Matrix> wq, wk, wv; ///< heads matrices of d_model × d_k
    Matrix wo;                      ///< d_model × d_model
    Matrix additiveW;               ///< heads × d_k, row h is w_h of the additive score

    int n() const { return static_cast<int>(tokens.size()); }
    int dK() const { return heads > 0 ? dModel / heads : 0; }

    bool operator==(const Session& other) const;
};

/// Throws SessionError naming the field when the session breaks the format's rules
/// (shapes, finiteness, d_model divisible by heads, temperature > 0, ...).
void validate(const Session& session);

/// The checks of validate() that do not look at the embeddings, the learned encoding or the
/// weights: what a v2 model's settings share with a v1 session.
void validateSettings(const Session& session);

} // namespace attn

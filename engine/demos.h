#pragma once
// The numbers behind the demonstrations of *why*: why scores are scaled by √d_k, why
// a positional encoding is needed, why sinusoids encode relative position, what masks
// do, and what self-attention costs next to convolution and recurrence. Pure functions,
// deterministic from a seed; the ui's demo panels only show what these return.

#include "attention.h"
#include "session.h"
#include "types.h"

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace attn {

// --- Why scale by √d_k ----------------------------------------------------------------

/// count products q·k of two vectors with d_k i.i.d. N(0, 1) entries, each pair drawn
/// afresh. Var(q·k) = d_k, so the spread grows as √d_k.
std::vector<Real> sampleDotProducts(int dK, int count, std::uint64_t seed);

struct SampleStatistics
{
    Real mean = 0;
    Real variance = 0; ///< unbiased (divides by count − 1); 0 below two samples
    Real min = 0;
    Real max = 0;
};
SampleStatistics statistics(const std::vector<Real>& samples);

struct Histogram
{
    Real lower = 0;
    Real binWidth = 1;
    std::vector<int> counts; ///< bins; samples outside [lower, lower + bins·width) are dropped
    int total = 0;           ///< all samples, dropped ones included

    Real binCentre(int bin) const { return lower + (bin + Real(0.5)) * binWidth; }
    /// counts[bin] / (total · binWidth): integrates to the fraction inside the range.
    Real density(int bin) const;
};
Histogram histogram(const std::vector<Real>& samples, Real lower, Real upper, int bins);

/// The N(0, σ²) density at x, the reference curve of the histograms.
Real normalDensity(Real x, Real sigma);

/// softmax over all entries, stable (the maximum is subtracted first).
Vector softmax(const Vector& scores);

/// One query against keys keys, q and k_j with d_k i.i.d. N(0, 1) entries.
struct SoftmaxRow
{
    Vector scores;        ///< keys, q·k_j
    Vector weightsRaw;    ///< keys, softmax(q·k_j)
    Vector weightsScaled; ///< keys, softmax(q·k_j / √d_k)
};
SoftmaxRow sampleSoftmaxRow(int dK, int keys, std::uint64_t seed);

/// How saturated softmax is at one d_k: the largest weight of a row, averaged over rows.
/// 1/keys is a uniform row, 1 is all weight on one key (a vanishing gradient elsewhere).
struct Saturation
{
    int dK = 0;
    Real meanMaxRaw = 0;    ///< rows of softmax(q·k_j)
    Real meanMaxScaled = 0; ///< rows of softmax(q·k_j / √d_k)
};
Saturation saturation(int dK, int keys, int rows, std::uint64_t seed);

// --- Why positional encoding ----------------------------------------------------------

/// The step-th permutation of n in a sequence fixed by seed: entry i is the old position
/// of the token that moves to position i. Never the identity when n ≥ 2.
std::vector<int> shufflePermutation(int n, std::uint64_t seed, int step);

/// n × n, P with P(i, perm[i]) = 1, so that (P · X) row i is X row perm[i].
Matrix permutationMatrix(const std::vector<int>& perm);

/// The session with its tokens (and their embedding rows) reordered by perm. What belongs
/// to positions (a learned encoding, a custom mask) stays where it is.
Session shuffledSession(Session session, const std::vector<int>& perm);

/// The session as used by the shuffle check: no mask (a mask is itself positional) and
/// the positional encoding on (kept, or sinusoidal when the session has none) or off.
Session shuffleBaseSession(Session session, bool positional);

struct ShuffleCheck
{
    std::vector<int> permutation;
    Matrix before;             ///< n × n, A of the session in its order (one head)
    Matrix expected;           ///< n × n, P · A · Pᵀ: A with rows and columns reordered
    Matrix after;              ///< n × n, A' computed from the shuffled session
    Real maxError = 0;         ///< max |A' − P A Pᵀ|; 0 for an empty session
    bool onlyReordered = true; ///< maxError < kShuffleRounding: A' = P·A·Pᵀ up to rounding
};

/// Differences of A' and P·A·Pᵀ below this are rounding: the identity holds.
inline constexpr Real kShuffleRounding = 1e-12;

/// The head's weights before and after the shuffle (headWeights: the same bits as a whole
/// pass). The session must be valid.
ShuffleCheck checkShuffle(const Session& session, const std::vector<int>& perm, int head);

// --- Relative position ----------------------------------------------------------------

struct RelativeShiftCheck
{
    Matrix map;        ///< d_model × d_model, M_k
    Matrix encoding;   ///< (positions + k) × d_model, row pos is PE(pos)
    Matrix shifted;    ///< positions × d_model, row pos is (M_k · PE(pos))ᵀ
    Vector errors;     ///< positions, |PE(pos + k) − M_k · PE(pos)|_∞ at each pos
    Real maxError = 0; ///< the largest of errors
};
/// M_k and how well the one map moves every position 0 … positions − 1 by k ≥ 0.
RelativeShiftCheck checkRelativeShift(int k, int dModel, Real base, int positions);

// --- Masks ----------------------------------------------------------------------------

/// The session with another mask (radius for the window kinds); the rest untouched.
Session withMask(Session session, MaskKind kind, int radius);

/// Query–key pairs the mask allows (cells equal to 1).
int allowedPairs(const MaskMatrix& mask);

// --- Cost per layer (Vaswani et al. 2017, table 1) ------------------------------------

enum class LayerKind
{
    SelfAttention,
    Convolution,
    DilatedConvolution,
    Recurrent
};

/// Leading term of the multiply–adds of one layer over n positions of width d:
/// n²·d, k·n·d², k·n·d², n·d². Real, since the curves reach past 2⁶⁴ for large n.
Real layerOperations(LayerKind kind, Real n, Real d, Real k);

/// Steps that must run one after another: 1, 1, 1, n.
int sequentialSteps(LayerKind kind, int n);

/// Layers a signal crosses between the two farthest positions, i.e. until the receptive
/// field covers n: 1; ⌈(n − 1)/(k − 1)⌉ (a kernel of width k widens it by k − 1);
/// ⌈log_k n⌉ (dilations 1, k, k², …); n − 1 recurrent steps. 0 when n ≤ 1; k ≥ 2.
int maximumPathLength(LayerKind kind, int n, int k);

// --- Compare --------------------------------------------------------------------------

enum class ComparePreset
{
    ScaledVsUnscaled,
    WithVsWithoutPositional,
    FullVsCausal,
    SoftmaxVsRelu
};

/// The two settings to compare, both derived from session (the first is "with").
std::pair<Session, Session> comparePair(const Session& session, ComparePreset preset);

// --- What the demonstration panels show (demopanels.cpp) -------------------------------
// One pure function per panel, so that the panels only draw: each computes only the head
// it shows (computeHead), the same numbers, bit for bit, as that head of forward(). head is
// 0-based and clamped to the session's heads; the session must be valid.

/// n × n, A of one head of the session: forward(session).heads[head].weights without the
/// other heads. Throws std::out_of_range for a head the session does not have.
Matrix headWeights(const Session& session, int head);

/// One of the masks panel's three plots.
struct MaskDemoPanel
{
    MaskKind kind = MaskKind::None;
    Session session;      ///< the session with this mask (withMask), for labels and titles
    MaskMatrix mask;      ///< n × n, the mask itself
    Matrix weights;       ///< n × n, A of the head under this mask
    int allowedPairs = 0; ///< query–key pairs the mask allows (computed)
};

struct MasksDemo
{
    int head = 0;                        ///< the head shown (after clamping)
    int radius = 0;                      ///< the window's radius (≥ 0)
    int pairs = 0;                       ///< n², every query–key pair
    std::array<MaskDemoPanel, 3> panels; ///< none, causal, window of radius
};
MasksDemo masksDemo(const Session& session, int radius, int head);

/// The shuffle panel: the check without and with a positional encoding, each on
/// shuffleBaseSession (mask off).
struct ShuffleDemo
{
    int head = 0;
    std::vector<int> permutation;
    std::vector<std::string> shuffledTokens; ///< entry i is the token moved to position i
    PeKind encoding = PeKind::Sinusoidal;    ///< the encoding of withEncoding
    NormalizerKind normalizer = NormalizerKind::Softmax;
    ShuffleCheck withoutEncoding;
    ShuffleCheck withEncoding;
};
/// perm must be a permutation of 0 … n − 1 (shufflePermutation).
ShuffleDemo shuffleDemo(const Session& session, const std::vector<int>& perm, int head);

/// The compare panel: one head under the preset's two settings.
struct CompareDemo
{
    ComparePreset preset = ComparePreset::ScaledVsUnscaled;
    int head = 0;
    Session first;          ///< the "with" setting (comparePair)
    Session second;         ///< the "without" setting
    Matrix firstWeights;    ///< n × n, A under first
    Matrix secondWeights;   ///< n × n, A under second
    Matrix difference;      ///< n × n, firstWeights − secondWeights
    Real maxDifference = 0; ///< max |ΔA|, 0 for no tokens: the number the panel prints
    Real colourTop = 1;     ///< max(1, largest weight of both): one colour scale for both
};
CompareDemo compareDemo(const Session& session, ComparePreset preset, int head);

} // namespace attn

#pragma once
// An image as tokens, as a vision transformer reads it: its P × P patches in reading
// order, each patch's RGB values (0–1) its embedding, or that projected to d_model by a
// seeded matrix. One pixel a token (P = 1) is the lecture's picture of 3-d vectors.

#include "types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attn {

/// Pixels as plain values: row-major, 3 numbers (R, G, B in 0–1) a pixel.
struct RgbImage
{
    int width = 0;
    int height = 0;
    std::vector<double> rgb; ///< height × width × 3

    double at(int x, int y, int channel) const
    {
        return rgb[(std::size_t(y) * width + x) * 3 + channel];
    }
};

struct ImageTokens
{
    int patch = 1;
    int cols = 0, rows = 0; ///< whole patches across and down; n = cols · rows
    /// n × 3·P²: row k is patch k (reading order: patch row k / cols, column k % cols); its
    /// columns are the patch's pixels in reading order, R, G, B each.
    Matrix patches;
    /// n × d_model: patches, or patches · projection (3·P² × d_model) for a d_model asked for.
    Matrix embeddings;
    Matrix projection;               ///< empty without one
    std::vector<std::string> tokens; ///< "r1c2": the patch's row and column, from 1

    int n() const { return cols * rows; }
    /// The patch in the middle (0-based): the one followed unless another is chosen.
    int middle() const { return (rows / 2) * cols + cols / 2; }
};

/// The patches of image; pixels right of or below the last whole patch are left out (a
/// vision transformer crops them). Throws SessionError naming source for an image smaller
/// than one patch, a patch < 1, more than kMaxTokens patches or a d_model out of range.
ImageTokens imageTokens(const RgbImage& image, int patch, std::optional<int> dModel,
                        std::uint64_t seed, const std::string& source);

/// A session v1 file of those tokens (explicit embeddings, heads, seed, the rest derived),
/// for readAnySession to read, validate and complete as any session.
std::string imageSessionText(const ImageTokens& tokens, int heads, std::uint64_t seed,
                             const std::string& title);

} // namespace attn

// An image as tokens (imagetokens.h): patch values worked out by hand on tiny images.

#include "imagetokens.h"
#include "sessionerror.h"
#include "sessionio.h"

#include <gtest/gtest.h>
#include <variant>

namespace attn {
namespace {

/// width × height pixels, pixel (x, y) = (x / 10, y / 10, (x + y) / 100) so that each
/// value says where it comes from.
RgbImage ramp(int width, int height)
{
    RgbImage image{width, height, {}};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.rgb.insert(image.rgb.end(), {x / 10.0, y / 10.0, (x + y) / 100.0});
    return image;
}

TEST(ImageTokens, OnePixelATokenInReadingOrder)
{
    const ImageTokens t = imageTokens(ramp(3, 2), 1, std::nullopt, 1, "ramp.png");
    ASSERT_EQ(t.n(), 6);
    EXPECT_EQ(t.patches.cols(), 3);
    EXPECT_EQ(t.tokens[4], "r2c2");
    // Token 4 is pixel (1, 1): second row, second column.
    EXPECT_FLOAT_EQ(float(t.patches(4, 0)), 0.1f);
    EXPECT_FLOAT_EQ(float(t.patches(4, 1)), 0.1f);
    EXPECT_FLOAT_EQ(float(t.patches(4, 2)), 0.02f);
    // Token 2 is pixel (2, 0).
    EXPECT_FLOAT_EQ(float(t.patches(2, 0)), 0.2f);
    EXPECT_FLOAT_EQ(float(t.patches(2, 1)), 0.0f);
    EXPECT_EQ(t.embeddings, t.patches);
}

TEST(ImageTokens, PatchesHoldTheirPixelsInReadingOrderAndCropTheEdges)
{
    // 5 × 3 pixels in 2 × 2 patches: 2 across, 1 down; column 4 and row 2 are cropped.
    const ImageTokens t = imageTokens(ramp(5, 3), 2, std::nullopt, 1, "ramp.png");
    ASSERT_EQ(t.cols, 2);
    ASSERT_EQ(t.rows, 1);
    ASSERT_EQ(t.patches.cols(), 12);
    // Patch 1 covers x 2–3, y 0–1: pixels (2,0), (3,0), (2,1), (3,1).
    const float expected[] = {0.2f, 0.0f, 0.02f, 0.3f, 0.0f, 0.03f,
                              0.2f, 0.1f, 0.03f, 0.3f, 0.1f, 0.04f};
    for (int k = 0; k < 12; ++k)
        EXPECT_FLOAT_EQ(float(t.patches(1, k)), expected[k]) << k;
}

TEST(ImageTokens, ProjectedBySeededMatrix)
{
    const ImageTokens a = imageTokens(ramp(4, 4), 2, 8, 7, "ramp.png");
    const ImageTokens b = imageTokens(ramp(4, 4), 2, 8, 7, "ramp.png");
    const ImageTokens c = imageTokens(ramp(4, 4), 2, 8, 8, "ramp.png");
    ASSERT_EQ(a.embeddings.rows(), 4);
    ASSERT_EQ(a.embeddings.cols(), 8);
    ASSERT_EQ(a.projection.rows(), 12);
    EXPECT_TRUE(a.embeddings.isApprox(a.patches * a.projection));
    EXPECT_EQ(a.embeddings, b.embeddings); // the same seed, the same tokens
    EXPECT_NE(a.embeddings, c.embeddings);
}

TEST(ImageTokens, BadSizesNameTheFile)
{
    EXPECT_THROW(imageTokens(ramp(3, 3), 4, std::nullopt, 1, "small.png"), SessionError);
    EXPECT_THROW(imageTokens(ramp(3, 3), 0, std::nullopt, 1, "small.png"), SessionError);
    EXPECT_THROW(imageTokens(ramp(100, 100), 1, std::nullopt, 1, "big.png"), SessionError);
    try {
        imageTokens(ramp(100, 100), 1, std::nullopt, 1, "big.png");
    } catch (const SessionError& e) {
        EXPECT_NE(std::string(e.what()).find("big.png"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("10000 patches"), std::string::npos);
    }
}

TEST(ImageTokens, MakeASessionWithThoseEmbeddings)
{
    const ImageTokens t = imageTokens(ramp(5, 2), 1, std::nullopt, 3, "ramp.png");
    const std::string text = imageSessionText(t, 3, 3, "ramp");
    const Session s = std::get<Session>(readAnySession(text, "ramp.png"));
    EXPECT_EQ(s.n(), 10);
    EXPECT_EQ(s.dModel, 3);
    EXPECT_EQ(s.heads, 3);
    EXPECT_EQ(s.tokens, t.tokens);
    EXPECT_TRUE(s.embeddings.isApprox(t.embeddings, 1e-15));
}

} // namespace
} // namespace attn

// The worked example "I love NLP", against the numbers worked out by hand in the issue
// (and not the wrong ones printed in some lecture notes).

#include "attention.h"
#include "sessionio.h"
#include "testutil.h"

#include <gtest/gtest.h>

namespace attn {
namespace {

Matrix rows3(std::initializer_list<std::initializer_list<double>> values)
{
    Matrix m(values.size(), values.begin()->size());
    int r = 0;
    for (const auto& row : values) {
        int c = 0;
        for (double v : row)
            m(r, c++) = v;
        ++r;
    }
    return m;
}

class WorkedExample : public ::testing::Test
{
protected:
    Session session = readSession(test::readText(ATTNVIZ_LESSON_DIR "/i-love-nlp.attn.json"),
                                  "i-love-nlp.attn.json");
    ForwardResult result = forward(session);
};

TEST_F(WorkedExample, ProjectionsMatchTheHandComputation)
{
    ASSERT_EQ(result.heads.size(), 1u);
    const HeadResult& h = result.heads[0];
    EXPECT_TRUE(test::nearlyEqual(h.q, rows3({{0.30, 0.36, 0.42}, {0.66, 0.81, 0.96}, {1.02, 1.26, 1.50}}), 1e-12));
    EXPECT_TRUE(test::nearlyEqual(h.k, rows3({{0.14, 0.26, 0.38}, {0.32, 0.62, 0.92}, {0.50, 0.98, 1.46}}), 1e-12));
    // W_V equals W_Q in this example, so V equals Q.
    EXPECT_TRUE(test::nearlyEqual(h.v, h.q, 1e-15));
}

TEST_F(WorkedExample, WeightsAndOutputMatchToSixDigits)
{
    const HeadResult& h = result.heads[0];
    EXPECT_NEAR(h.weights(0, 0), 0.258158, 5e-7);
    EXPECT_NEAR(h.weights(0, 1), 0.327182, 5e-7);
    EXPECT_NEAR(h.weights(0, 2), 0.414661, 5e-7);
    EXPECT_NEAR(h.output(0, 0), 0.716341, 5e-7);
    EXPECT_NEAR(h.output(0, 1), 0.880426, 5e-7);
    EXPECT_NEAR(h.output(0, 2), 1.044511, 5e-7);
    // No W_O in the file: identity, so the final output is the head's output.
    EXPECT_EQ(result.output, h.output);
}

} // namespace
} // namespace attn

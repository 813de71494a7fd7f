// The engine against an independent NumPy implementation (tests/reference/make_fixtures.py),
// on many random sessions that cover every option of the format.

#include "attention.h"
#include "sessionerror.h"
#include "sessionio.h"
#include "testutil.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace attn {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

Matrix toMatrix(const Json& j)
{
    if (j.empty())
        return Matrix(0, 0);
    Matrix m(j.size(), j[0].size());
    for (std::size_t r = 0; r < j.size(); ++r)
        for (std::size_t c = 0; c < j[r].size(); ++c)
            m(r, c) = j[r][c].get<double>();
    return m;
}

Matrix toColumn(const Json& j)
{
    Matrix m(j.size(), 1);
    for (std::size_t i = 0; i < j.size(); ++i)
        m(i, 0) = j[i].get<double>();
    return m;
}

std::vector<fs::path> fixtureFiles(const std::string& suffix)
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(ATTNVIZ_FIXTURE_DIR))
        if (entry.path().string().ends_with(suffix))
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<fs::path> sessionFiles()
{
    return fixtureFiles(".session.json");
}

Matrix asMatrix(const MaskMatrix& m)
{
    return m.cast<double>();
}

TEST(Reference, FixturesCoverEnoughSessions)
{
    EXPECT_GE(sessionFiles().size(), 120u) << "run tests/reference/make_fixtures.py first";
}

TEST(Reference, EveryIntermediateMatchesNumPy)
{
    for (const fs::path& sessionPath : sessionFiles()) {
        std::string expectedPath = sessionPath.string();
        expectedPath.replace(expectedPath.rfind(".session.json"), 13, ".expected.json");
        SCOPED_TRACE(sessionPath.filename().string());
        const Session session = readSession(test::readText(sessionPath), sessionPath.string());
        const Json expected = Json::parse(test::readText(expectedPath));
        const ForwardResult r = forward(session);

        ASSERT_EQ(static_cast<int>(r.heads.size()), expected["heads"].get<int>());
        const auto check = [](const Matrix& actual, const auto& want, const char* what) {
            if constexpr (std::is_same_v<std::decay_t<decltype(want)>, Json>)
                EXPECT_TRUE(test::nearlyEqual(actual, toMatrix(want))) << what;
            else
                EXPECT_TRUE(test::nearlyEqual(actual, want)) << what;
        };
        if (session.n() > 0) {
            check(r.x, expected["X"], "X");
            check(r.p, expected["P"], "P");
            check(r.xIn, expected["X_in"], "X_in");
            check(asMatrix(r.mask), expected["mask"], "mask");
            check(r.concat, expected["concat"], "concat");
            check(r.output, expected["output"], "output");
        }
        for (std::size_t h = 0; h < r.heads.size(); ++h) {
            SCOPED_TRACE("head " + std::to_string(h));
            const Json& e = expected["head_results"][h];
            const HeadResult& head = r.heads[h];
            check(head.q, e["Q"], "Q");
            check(head.k, e["K"], "K");
            check(head.v, e["V"], "V");
            check(head.rawScores, e["raw_scores"], "raw_scores");
            check(head.scores, e["scores"], "scores");
            check(head.weights, e["weights"], "weights");
            check(head.output, e["output"], "output");
            check(Matrix(head.entropy), toColumn(e["entropy"]), "entropy");
            check(Matrix(head.meanDistance), toColumn(e["mean_distance"]), "mean_distance");
        }
    }
}

// raw / T overflows a double at these temperatures (1e-320, 5e-324): the weights must be
// the limit T → 0, one-hot at the row's largest raw score with ties sharing (they were
// uniform rows, every score +∞), and the dump must refuse the infinite scores by their path
// instead of writing null.
TEST(Reference, TinyTemperatureGivesTheOneHotLimit)
{
    const std::vector<fs::path> files = fixtureFiles(".attn.json");
    ASSERT_GE(files.size(), 5u) << "run tests/reference/make_fixtures.py first";
    for (const fs::path& sessionPath : files) {
        std::string expectedPath = sessionPath.string();
        expectedPath.replace(expectedPath.rfind(".attn.json"), 10, ".limit.json");
        SCOPED_TRACE(sessionPath.filename().string());
        const Session session = readSession(test::readText(sessionPath), sessionPath.string());
        const Json expected = Json::parse(test::readText(expectedPath));
        const ForwardResult r = forward(session);
        EXPECT_TRUE(test::nearlyEqual(r.concat, toMatrix(expected["concat"]))) << "concat";
        EXPECT_TRUE(test::nearlyEqual(r.output, toMatrix(expected["output"]))) << "output";
        for (std::size_t h = 0; h < r.heads.size(); ++h) {
            SCOPED_TRACE("head " + std::to_string(h));
            const Json& e = expected["head_results"][h];
            const HeadResult& head = r.heads[h];
            EXPECT_TRUE(test::nearlyEqual(head.rawScores, toMatrix(e["raw_scores"]))) << "raw";
            EXPECT_TRUE(test::nearlyEqual(head.weights, toMatrix(e["weights"]), 1e-12)) << "A";
            EXPECT_TRUE(test::nearlyEqual(head.output, toMatrix(e["output"]))) << "Z";
            EXPECT_TRUE(test::nearlyEqual(Matrix(head.entropy), toColumn(e["entropy"]))) << "H";
            EXPECT_TRUE(head.weights.allFinite() && head.output.allFinite());
        }
        try {
            writeDump(session, r);
            ADD_FAILURE() << "the dump wrote infinite scores";
        } catch (const SessionError& e) {
            EXPECT_NE(std::string(e.what()).find("].scores["), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("temperature"), std::string::npos) << e.what();
        }
    }
}

} // namespace
} // namespace attn

// Property tests of the session and dump files on thousands of random complete sessions
// (fixed seeds, so a failure names a case that reproduces): writing then reading a session
// is the identity bit for bit, and a dump holds exactly the numbers the pass computed, or
// is refused naming the first one that is not finite.
//
// -0.0 is kept: the writer prints "-0.0" and the reader parses it back as -0.0, so the sign
// of zero survives a save. The comparisons below therefore compare the bits of every double,
// not ==, which would take -0.0 and 0.0 for the same number.

#include "attention.h"
#include "sessionerror.h"
#include "sessionio.h"

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <gtest/gtest.h>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace attn {
namespace {

using Json = nlohmann::json;

constexpr int kSessionCases = 3000;
constexpr int kDumpCases = 1500;

/// Doubles at the edges of what a file can hold: subnormals, the largest finite, -0.0.
constexpr std::array<Real, 12> kExtremes{1e-300,
                                         5e-324,
                                         -5e-324,
                                         -0.0,
                                         0.0,
                                         1.7976931348623157e308,
                                         -1.7976931348623157e308,
                                         2.2250738585072014e-308,
                                         0.1,
                                         1.0 / 3.0,
                                         1e22,
                                         -1e-7};

class RandomSessions
{
public:
    explicit RandomSessions(std::uint64_t seed) : m_rng(seed) {}

    /// A valid session with every weight present and no state the file leaves out. With
    /// extremes, numbers come from the whole range of finite doubles; without, from N(0, 1)
    /// so that the pass stays finite.
    Session next(bool extremes)
    {
        m_extremes = extremes;
        Session s;
        s.title = word(0, 12);
        const int n = integer(0, 7);
        for (int i = 0; i < n; ++i)
            s.tokens.push_back(word(1, 6));
        s.heads = integer(1, 4);
        s.dModel = s.heads * integer(1, 4);
        s.seed = std::uniform_int_distribution<std::uint64_t>(
            0, std::numeric_limits<std::int64_t>::max())(m_rng);
        s.embeddings = matrix(n, s.dModel);
        s.positional.kind = static_cast<PeKind>(integer(0, 2));
        if (s.positional.kind == PeKind::Sinusoidal)
            s.positional.base = positive();
        if (s.positional.kind == PeKind::Learned)
            s.positional.learned = matrix(n, s.dModel);
        s.score = static_cast<ScoreKind>(integer(0, 3));
        s.temperature = positive();
        s.mask.kind = static_cast<MaskKind>(integer(0, 4));
        s.mask.radius = integer(0, 1) ? integer(0, 9) : integer(0, 1 << 30);
        if (s.mask.kind == MaskKind::Custom) {
            s.mask.custom.resize(n, n);
            for (Eigen::Index i = 0; i < s.mask.custom.size(); ++i)
                s.mask.custom(i) = static_cast<std::uint8_t>(integer(0, 1));
        }
        s.normalizer = static_cast<NormalizerKind>(integer(0, 1));
        for (std::vector<Matrix>* list : {&s.wq, &s.wk, &s.wv})
            for (int h = 0; h < s.heads; ++h)
                list->push_back(matrix(s.dModel, s.dK()));
        s.wo = matrix(s.dModel, s.dModel);
        s.additiveW = matrix(s.heads, s.dK());
        return s;
    }

private:
    int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }

    /// UTF-8 without white space (a token): ASCII, accented Latin, CJK, an emoji, quotes,
    /// backslashes and control characters that JSON must escape.
    std::string word(int minLength, int maxLength)
    {
        static const std::vector<std::string> pieces{
            "a", "Z",  "7",  "\"", "\\", "/", "\x01", "\x1f", "\x7f",   "é",
            "ß", "中", "文", "😀",  "{",  "]", ",",    ":",    "\u2028", "\xEF\xBB\xBF"};
        std::string out;
        const int length = integer(minLength, maxLength);
        for (int i = 0; i < length; ++i)
            out += pieces[integer(0, static_cast<int>(pieces.size()) - 1)];
        return out;
    }

    Real number()
    {
        if (!m_extremes)
            return std::normal_distribution<Real>(0, 1)(m_rng);
        switch (integer(0, 3)) {
        case 0:
            return kExtremes[integer(0, static_cast<int>(kExtremes.size()) - 1)];
        case 1: { // any finite double, every exponent equally likely
            Real v;
            do
                v = std::bit_cast<Real>(m_rng());
            while (!std::isfinite(v));
            return v;
        }
        default:
            return std::normal_distribution<Real>(0, 1)(m_rng);
        }
    }

    Real positive()
    {
        Real v;
        do
            v = std::abs(number());
        while (!(v > 0));
        return v;
    }

    Matrix matrix(Eigen::Index rows, Eigen::Index cols)
    {
        Matrix m(rows, cols);
        for (Eigen::Index i = 0; i < m.size(); ++i)
            m(i) = number();
        return m;
    }

    std::mt19937_64 m_rng;
    bool m_extremes = true;
};

bool sameBits(Real a, Real b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

/// The first entry whose bits differ, or "" when shape and every bit agree.
std::string bitDifference(const Matrix& a, const Matrix& b, const std::string& name)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return name + ": shape differs";
    for (Eigen::Index r = 0; r < a.rows(); ++r)
        for (Eigen::Index c = 0; c < a.cols(); ++c)
            if (!sameBits(a(r, c), b(r, c))) {
                std::ostringstream out;
                out.precision(17);
                out << name << "(" << r << ", " << c << "): " << a(r, c) << " vs " << b(r, c);
                return out.str();
            }
    return "";
}

std::string sessionBitDifference(const Session& a, const Session& b)
{
    std::vector<std::pair<std::string, std::pair<const Matrix*, const Matrix*>>> all{
        {"embeddings", {&a.embeddings, &b.embeddings}},
        {"learned", {&a.positional.learned, &b.positional.learned}},
        {"W_O", {&a.wo, &b.wo}},
        {"additive_w", {&a.additiveW, &b.additiveW}}};
    for (std::size_t h = 0; h < a.wq.size() && h < b.wq.size(); ++h) {
        all.push_back({"W_Q", {&a.wq[h], &b.wq[h]}});
        all.push_back({"W_K", {&a.wk[h], &b.wk[h]}});
        all.push_back({"W_V", {&a.wv[h], &b.wv[h]}});
    }
    for (const auto& [name, pair] : all)
        if (const std::string d = bitDifference(*pair.first, *pair.second, name); !d.empty())
            return d;
    if (!sameBits(a.temperature, b.temperature))
        return "temperature";
    if (!sameBits(a.positional.base, b.positional.base))
        return "positional_encoding.base";
    return "";
}

/// rows × cols from a dump's array of rows; a JSON null (which a dump must never hold)
/// becomes NaN, which matches no computed number.
Matrix fromJson(const Json& j, Eigen::Index emptyCols)
{
    if (j.empty())
        return Matrix(0, emptyCols);
    Matrix m(j.size(), j[0].size());
    for (std::size_t r = 0; r < j.size(); ++r) {
        EXPECT_EQ(j[r].size(), static_cast<std::size_t>(m.cols()));
        for (std::size_t c = 0; c < j[r].size() && c < static_cast<std::size_t>(m.cols()); ++c)
            m(r, c) =
                j[r][c].is_null() ? std::numeric_limits<Real>::quiet_NaN() : j[r][c].get<Real>();
    }
    return m;
}

Matrix columnFromJson(const Json& j)
{
    Matrix m(j.size(), 1);
    for (std::size_t i = 0; i < j.size(); ++i)
        m(i, 0) = j[i].is_null() ? std::numeric_limits<Real>::quiet_NaN() : j[i].get<Real>();
    return m;
}

/// Every entry must match bit for bit (a dump holds only finite numbers).
std::string dumpDifference(const Matrix& written, const Matrix& computed, const std::string& name)
{
    if (written.rows() != computed.rows() || written.cols() != computed.cols())
        return name + ": shape differs";
    for (Eigen::Index i = 0; i < computed.size(); ++i)
        if (!sameBits(written(i), computed(i)))
            return bitDifference(written, computed, name);
    return "";
}

/// A head's matrices under their dump names, in the dump's order.
std::vector<std::pair<const char*, const Matrix*>> headMatrices(const HeadResult& head)
{
    return {{"Q", &head.q},           {"K", &head.k},
            {"V", &head.v},           {"raw_scores", &head.rawScores},
            {"scores", &head.scores}, {"weights", &head.weights},
            {"output", &head.output}};
}

/// "field[r][c]" of the first entry that is not finite, in the order of the dump's fields,
/// or "" when every number is finite.
std::string firstNotFinite(const Session& s, const ForwardResult& r)
{
    std::vector<std::pair<std::string, Matrix>> fields{
        {"X", r.x}, {"P", r.p}, {"X_in", r.xIn}, {"mask", r.mask.cast<Real>()}};
    for (std::size_t h = 0; h < r.heads.size(); ++h) {
        const HeadResult& head = r.heads[h];
        const std::string at = "head_results[" + std::to_string(h) + "].";
        for (const auto& [key, m] : headMatrices(head))
            fields.emplace_back(at + key, *m);
        for (const auto& [key, v] : std::vector<std::pair<const char*, const Vector*>>{
                 {"row_max", &head.rowMax},
                 {"row_sum", &head.rowSum},
                 {"entropy", &head.entropy},
                 {"mean_distance", &head.meanDistance}})
            fields.emplace_back(at + key, Matrix(v->transpose())); // one row: field[i]
    }
    fields.emplace_back("concat", r.concat);
    fields.emplace_back("W_O", s.wo);
    fields.emplace_back("output", r.output);
    for (const auto& [name, m] : fields)
        for (Eigen::Index row = 0; row < m.rows(); ++row)
            for (Eigen::Index col = 0; col < m.cols(); ++col)
                if (!std::isfinite(m(row, col))) {
                    const bool vector = name.ends_with("row_max") || name.ends_with("row_sum") ||
                                        name.ends_with("entropy") ||
                                        name.ends_with("mean_distance");
                    return name + (vector ? "" : "[" + std::to_string(row) + "]") + "[" +
                           std::to_string(col) + "]";
                }
    return "";
}

TEST(SessionIoProperty, WriteThenReadIsTheIdentityBitForBit)
{
    RandomSessions random(20240601);
    for (int i = 0; i < kSessionCases; ++i) {
        const Session s = random.next(/*extremes=*/i % 4 != 0);
        ASSERT_NO_THROW(validate(s)) << "case " << i;
        const std::string text = writeSession(s);
        Session back;
        ASSERT_NO_THROW(back = readSession(text, "case.attn.json")) << "case " << i << "\n" << text;
        ASSERT_TRUE(back == s) << "case " << i << "\n" << text;
        ASSERT_EQ(sessionBitDifference(back, s), "") << "case " << i << "\n" << text;
        ASSERT_EQ(writeSession(back), text) << "case " << i; // and the text is stable
    }
}

TEST(SessionIoProperty, NegativeZeroKeepsItsSign)
{
    RandomSessions random(7);
    Session s = random.next(false);
    s.wo(0, 0) = -0.0;
    const Session back = readSession(writeSession(s), "zero.attn.json");
    EXPECT_TRUE(std::signbit(back.wo(0, 0)));
    EXPECT_EQ(back.wo(0, 0), 0.0);
}

TEST(SessionIoProperty, DumpHoldsExactlyTheComputedNumbers)
{
    RandomSessions random(987654321);
    int written = 0;
    int refused = 0;
    for (int i = 0; i < kDumpCases; ++i) {
        const Session s = random.next(/*extremes=*/i % 2 == 1);
        const ForwardResult r = forward(s);
        // A number JSON cannot hold (the extremes overflow) refuses the whole dump, naming it.
        if (const std::string field = firstNotFinite(s, r); !field.empty()) {
            try {
                writeDump(s, r);
                ADD_FAILURE() << "case " << i << ": wrote a dump with " << field << " not finite";
            } catch (const SessionError& e) {
                EXPECT_EQ(std::string(e.what()).rfind(field + ": ", 0), 0u)
                    << "case " << i << ": " << e.what();
            }
            ++refused;
            continue;
        }
        ++written;
        const Json dump = Json::parse(writeDump(s, r));
        ASSERT_EQ(dump["format"], "attnviz-dump");
        ASSERT_EQ(dump["n"], s.n());
        ASSERT_EQ(dump["d_k"], s.dK());
        const auto check = [&](const Json& j, const Matrix& m, const std::string& name) {
            return dumpDifference(fromJson(j, m.cols()), m, name);
        };
        std::vector<std::string> differences{check(dump["X"], r.x, "X"),
                                             check(dump["P"], r.p, "P"),
                                             check(dump["X_in"], r.xIn, "X_in"),
                                             check(dump["mask"], r.mask.cast<Real>(), "mask"),
                                             check(dump["concat"], r.concat, "concat"),
                                             check(dump["W_O"], s.wo, "W_O"),
                                             check(dump["output"], r.output, "output")};
        ASSERT_EQ(dump["head_results"].size(), r.heads.size());
        for (std::size_t h = 0; h < r.heads.size(); ++h) {
            const Json& j = dump["head_results"][h];
            const HeadResult& head = r.heads[h];
            for (const auto& [key, m] : headMatrices(head))
                differences.push_back(check(j[key], *m, key));
            for (const auto& [key, v] : std::vector<std::pair<const char*, const Vector*>>{
                     {"row_max", &head.rowMax},
                     {"row_sum", &head.rowSum},
                     {"entropy", &head.entropy},
                     {"mean_distance", &head.meanDistance}})
                differences.push_back(dumpDifference(columnFromJson(j[key]), *v, key));
        }
        for (const std::string& d : differences)
            ASSERT_EQ(d, "") << "case " << i;
    }
    EXPECT_GT(written, kDumpCases / 2); // both outcomes are exercised
    EXPECT_GT(refused, 0);
}

/// A seed above 2⁶³ − 1 is a valid Session::seed (std::uint64_t) and writeSession writes it,
/// but readSession refuses it ("seed: must be between 0 and 9223372036854775807").
/// Disabled until the reader accepts the whole std::uint64_t range (see docs/reliability.md).
TEST(SessionIoProperty, EverySeedRoundTrips)
{
    RandomSessions random(1);
    Session s = random.next(false);
    s.seed = std::numeric_limits<std::uint64_t>::max();
    EXPECT_EQ(readSession(writeSession(s), "seed.attn.json"), s);
}

/// State that only an unused kind needs (the base with no encoding, a learned matrix or a
/// custom mask kept while another kind is chosen) is kept by the document when the user
/// switches kinds, but not written to the file. Disabled until writeSession keeps it
/// (see docs/reliability.md).
TEST(SessionIoProperty, StateOfUnusedKindsRoundTrips)
{
    RandomSessions random(2);
    Session s = random.next(false);
    while (s.n() == 0)
        s = random.next(false);
    s.positional.kind = PeKind::None;
    s.positional.base = 5;
    s.positional.learned = Matrix::Constant(s.n(), s.dModel, 0.5);
    s.mask.kind = MaskKind::Causal;
    s.mask.custom = MaskMatrix::Ones(s.n(), s.n());
    EXPECT_EQ(readSession(writeSession(s), "hidden.attn.json"), s);
}

} // namespace
} // namespace attn

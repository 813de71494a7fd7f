#include "demos.h"

#include "positionalencoding.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

namespace attn {
namespace {

/// Uniform in [0, 1) from the top 53 bits: the same in every standard library, unlike
/// std::uniform_real_distribution.
Real unitUniform(std::mt19937_64& engine)
{
    return static_cast<Real>(engine() >> 11) * 0x1.0p-53;
}

/// N(0, 1) draws by Box–Muller, both values of each pair used: the d_k slider redraws
/// millions of them. 1 − u keeps the logarithm's argument in (0, 1].
class NormalSource
{
public:
    explicit NormalSource(std::mt19937_64 engine) : m_engine(engine) {}

    Real operator()()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        const Real radius = std::sqrt(-2 * std::log(1 - unitUniform(m_engine)));
        const Real angle = 2 * std::numbers::pi * unitUniform(m_engine);
        m_spare = radius * std::sin(angle);
        m_hasSpare = true;
        return radius * std::cos(angle);
    }

private:
    std::mt19937_64 m_engine;
    Real m_spare = 0;
    bool m_hasSpare = false;
};

/// A stream per purpose and size, so that moving the d_k slider redraws fresh samples
/// that are still the same on every run.
std::mt19937_64 stream(std::uint64_t seed, std::uint64_t purpose, std::uint64_t size)
{
    std::seed_seq seq{std::uint32_t(seed), std::uint32_t(seed >> 32), std::uint32_t(purpose),
                      std::uint32_t(size)};
    return std::mt19937_64(seq);
}

Vector normalVector(int size, NormalSource& normal)
{
    Vector v(size);
    for (int i = 0; i < size; ++i)
        v(i) = normal();
    return v;
}

} // namespace

std::vector<Real> sampleDotProducts(int dK, int count, std::uint64_t seed)
{
    NormalSource normal(stream(seed, 1, std::uint64_t(std::max(dK, 0))));
    std::vector<Real> out(std::size_t(std::max(count, 0)));
    for (Real& value : out) {
        Real dot = 0;
        for (int i = 0; i < dK; ++i)
            dot += normal() * normal();
        value = dot;
    }
    return out;
}

SampleStatistics statistics(const std::vector<Real>& samples)
{
    SampleStatistics s;
    if (samples.empty())
        return s;
    const auto [lo, hi] = std::minmax_element(samples.begin(), samples.end());
    s.min = *lo;
    s.max = *hi;
    s.mean = std::accumulate(samples.begin(), samples.end(), Real(0)) / Real(samples.size());
    if (samples.size() < 2)
        return s;
    Real squares = 0;
    for (Real x : samples)
        squares += (x - s.mean) * (x - s.mean);
    s.variance = squares / Real(samples.size() - 1);
    return s;
}

Real Histogram::density(int bin) const
{
    if (total == 0 || binWidth <= 0 || bin < 0 || bin >= int(counts.size()))
        return 0;
    return counts[std::size_t(bin)] / (Real(total) * binWidth);
}

Histogram histogram(const std::vector<Real>& samples, Real lower, Real upper, int bins)
{
    Histogram h;
    bins = std::max(bins, 1);
    h.lower = lower;
    h.binWidth = upper > lower ? (upper - lower) / bins : 1;
    h.counts.assign(std::size_t(bins), 0);
    h.total = int(samples.size());
    for (Real x : samples) {
        const Real position = std::floor((x - lower) / h.binWidth);
        if (position >= 0 && position < bins)
            ++h.counts[std::size_t(position)];
    }
    return h;
}

Real normalDensity(Real x, Real sigma)
{
    return std::exp(-x * x / (2 * sigma * sigma)) / (sigma * std::sqrt(2 * std::numbers::pi));
}

Vector softmax(const Vector& scores)
{
    if (scores.size() == 0)
        return scores;
    const Vector e = (scores.array() - scores.maxCoeff()).exp().matrix();
    return e / e.sum();
}

SoftmaxRow sampleSoftmaxRow(int dK, int keys, std::uint64_t seed)
{
    NormalSource normal(stream(seed, 2, std::uint64_t(std::max(dK, 0))));
    const Vector q = normalVector(dK, normal);
    SoftmaxRow row;
    row.scores.resize(keys);
    for (int j = 0; j < keys; ++j)
        row.scores(j) = q.dot(normalVector(dK, normal));
    row.weightsRaw = softmax(row.scores);
    row.weightsScaled = softmax(row.scores / std::sqrt(Real(std::max(dK, 1))));
    return row;
}

Saturation saturation(int dK, int keys, int rows, std::uint64_t seed)
{
    NormalSource normal(stream(seed, 3, std::uint64_t(std::max(dK, 0))));
    Saturation s;
    s.dK = dK;
    if (rows <= 0 || keys <= 0)
        return s;
    const Real scale = std::sqrt(Real(std::max(dK, 1)));
    Vector scores(keys);
    for (int r = 0; r < rows; ++r) {
        const Vector q = normalVector(dK, normal);
        for (int j = 0; j < keys; ++j)
            scores(j) = q.dot(normalVector(dK, normal));
        s.meanMaxRaw += softmax(scores).maxCoeff();
        s.meanMaxScaled += softmax(scores / scale).maxCoeff();
    }
    s.meanMaxRaw /= rows;
    s.meanMaxScaled /= rows;
    return s;
}

std::vector<int> shufflePermutation(int n, std::uint64_t seed, int step)
{
    std::vector<int> perm(std::size_t(std::max(n, 0)));
    std::iota(perm.begin(), perm.end(), 0);
    if (n < 2)
        return perm;
    std::mt19937_64 engine = stream(seed, 4, std::uint64_t(step));
    // Fisher–Yates with a modulo draw: a bias of at most n / 2⁶⁴, and no library choice.
    for (int i = n - 1; i > 0; --i)
        std::swap(perm[std::size_t(i)], perm[engine() % std::uint64_t(i + 1)]);
    if (std::is_sorted(perm.begin(), perm.end()))
        std::rotate(perm.begin(), perm.begin() + 1, perm.end()); // a shuffle must move something
    return perm;
}

Matrix permutationMatrix(const std::vector<int>& perm)
{
    const int n = int(perm.size());
    Matrix p = Matrix::Zero(n, n);
    for (int i = 0; i < n; ++i)
        p(i, perm[std::size_t(i)]) = 1;
    return p;
}

Session shuffledSession(Session session, const std::vector<int>& perm)
{
    const std::vector<std::string> tokens = session.tokens;
    const Matrix embeddings = session.embeddings;
    for (std::size_t i = 0; i < perm.size(); ++i) {
        session.tokens[i] = tokens[std::size_t(perm[i])];
        session.embeddings.row(Eigen::Index(i)) = embeddings.row(perm[i]);
    }
    return session;
}

Session shuffleBaseSession(Session session, bool positional)
{
    session.mask.kind = MaskKind::None;
    if (!positional)
        session.positional.kind = PeKind::None;
    else if (session.positional.kind == PeKind::None)
        session.positional.kind = PeKind::Sinusoidal;
    return session;
}

Matrix headWeights(const Session& session, int head)
{
    if (head < 0 || head >= session.heads)
        throw std::out_of_range("head " + std::to_string(head) + " of " +
                                std::to_string(session.heads));
    const Matrix xIn = session.embeddings + positionalEncoding(session); // n × d_model
    return computeHead(session, xIn, buildMask(session), head).weights;
}

ShuffleCheck checkShuffle(const Session& session, const std::vector<int>& perm, int head)
{
    ShuffleCheck check;
    check.permutation = perm;
    check.before = headWeights(session, head);
    check.after = headWeights(shuffledSession(session, perm), head);
    const Matrix p = permutationMatrix(perm);
    check.expected = p * check.before * p.transpose();
    if (check.after.size() > 0)
        check.maxError = (check.after - check.expected).cwiseAbs().maxCoeff();
    check.onlyReordered = check.maxError < kShuffleRounding;
    return check;
}

RelativeShiftCheck checkRelativeShift(int k, int dModel, Real base, int positions)
{
    RelativeShiftCheck check;
    k = std::max(k, 0);
    positions = std::max(positions, 0);
    check.map = relativeShiftMap(k, dModel, base);
    check.encoding = sinusoidalEncoding(positions + k, dModel, base);
    // Rows are positions, so M_k · PE(pos) for all pos at once is P · M_kᵀ.
    check.shifted = check.encoding.topRows(positions) * check.map.transpose();
    check.errors = Vector::Zero(positions);
    for (int pos = 0; pos < positions && dModel > 0; ++pos)
        check.errors(pos) =
            (check.encoding.row(pos + k) - check.shifted.row(pos)).cwiseAbs().maxCoeff();
    if (positions > 0 && dModel > 0)
        check.maxError = check.errors.maxCoeff();
    return check;
}

Session withMask(Session session, MaskKind kind, int radius)
{
    session.mask.kind = kind;
    session.mask.radius = std::max(radius, 0);
    return session;
}

int allowedPairs(const MaskMatrix& mask)
{
    return int((mask.array() != 0).count());
}

Real layerOperations(LayerKind kind, Real n, Real d, Real k)
{
    switch (kind) {
    case LayerKind::SelfAttention:
        return n * n * d;
    case LayerKind::Convolution:
    case LayerKind::DilatedConvolution:
        return k * n * d * d;
    case LayerKind::Recurrent:
        break;
    }
    return n * d * d;
}

int sequentialSteps(LayerKind kind, int n)
{
    return kind == LayerKind::Recurrent ? n : 1;
}

int maximumPathLength(LayerKind kind, int n, int k)
{
    if (n <= 1)
        return 0;
    k = std::max(k, 2);
    switch (kind) {
    case LayerKind::SelfAttention:
        return 1;
    case LayerKind::Convolution:
        return (n - 1 + k - 2) / (k - 1);
    case LayerKind::DilatedConvolution: {
        // Integer powers: a floating log_k would round ⌈log_3 27⌉ to 4.
        int layers = 0;
        for (long long field = 1; field < n; field *= k)
            ++layers;
        return layers;
    }
    case LayerKind::Recurrent:
        break;
    }
    return n - 1;
}

std::pair<Session, Session> comparePair(const Session& session, ComparePreset preset)
{
    Session with = session;
    Session without = session;
    switch (preset) {
    case ComparePreset::ScaledVsUnscaled:
        with.score = ScoreKind::ScaledDot;
        without.score = ScoreKind::Dot;
        break;
    case ComparePreset::WithVsWithoutPositional:
        if (with.positional.kind == PeKind::None)
            with.positional.kind = PeKind::Sinusoidal;
        without.positional.kind = PeKind::None;
        break;
    case ComparePreset::FullVsCausal:
        with.mask.kind = MaskKind::None;
        without.mask.kind = MaskKind::Causal;
        break;
    case ComparePreset::SoftmaxVsRelu:
        with.normalizer = NormalizerKind::Softmax;
        without.normalizer = NormalizerKind::Relu;
        break;
    }
    return {with, without};
}

} // namespace attn

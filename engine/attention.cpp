#include "attention.h"

#include "positionalencoding.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>

namespace attn {
namespace {

constexpr Real kInf = std::numeric_limits<Real>::infinity();

/// Below this argument Eigen's vectorised exp no longer matches std::exp (see softmax).
constexpr Real kExpVectorised = -700;

/// Passes smaller than this many floating-point operations run on the calling thread:
/// starting threads and sharing the heads' memory between cores costs more than it saves
/// (at 64/128/4, 10.5 MFLOP, two threads took 0.59 ms against 0.34 ms on one).
constexpr double kThreadedFlops = 3e7;

/// Output columns per block of O = C · W_O. Fixed, so that the blocks (and so every bit of
/// O) are the same whatever the number of threads that share them.
constexpr Eigen::Index kOutputBlock = 128;

/// Runs task(0 … count − 1) on up to threads threads, the calling one included. The first
/// exception a task throws is rethrown here once every thread has stopped.
template <typename Task>
void parallelFor(int count, int threads, const Task& task)
{
    threads = std::min(threads, count);
    if (threads <= 1) {
        for (int i = 0; i < count; ++i)
            task(i);
        return;
    }
    std::atomic<int> next{0};
    std::exception_ptr failure;
    std::mutex failureLock;
    const auto work = [&] {
        for (int i = next++; i < count; i = next++) {
            try {
                task(i);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(failureLock);
                if (!failure)
                    failure = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread& thread : pool)
        thread.join();
    if (failure)
        std::rethrow_exception(failure);
}

/// Rows [begin, end) of a column of the mask that hold every key allowed in it: the n × n
/// sweeps below stay inside them, so that a causal mask halves their work.
struct Span
{
    Eigen::Index begin = 0;
    Eigen::Index end = 0;
};

/// n spans, one per column (key) of the mask; an empty column gives an empty span.
std::vector<Span> columnSpans(const MaskMatrix& mask)
{
    std::vector<Span> spans(mask.cols());
    for (Eigen::Index j = 0; j < mask.cols(); ++j) {
        const std::uint8_t* allowed = mask.col(j).data(); // column-major: contiguous
        Eigen::Index begin = 0;
        Eigen::Index end = mask.rows();
        while (begin < end && !allowed[begin])
            ++begin;
        while (end > begin && !allowed[end - 1])
            --end;
        spans[j] = {begin, end};
    }
    return spans;
}

/// n × 1: each row's Euclidean norm, without overflow for very large entries.
Vector rowNorms(const Matrix& m)
{
    Vector norms(m.rows());
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        norms(r) = m.row(r).stableNorm();
    return norms;
}

/// n × d_k: each row divided by its norm, zero rows left zero (cosine is 0 there).
Matrix unitRows(const Matrix& m)
{
    const Vector norms = rowNorms(m);
    Matrix unit = m;
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        unit.row(r) = norms(r) > 0 ? Matrix(m.row(r) / norms(r)) : Matrix::Zero(1, m.cols());
    return unit;
}

/// n × n, score(Q, K) of the kinds that are not a plain product, before the temperature.
Matrix otherRawScores(const Session& s, const Matrix& q, const Matrix& k, int head)
{
    if (s.score == ScoreKind::Cosine)
        return unitRows(q) * unitRows(k).transpose();
    // additive: w_h · tanh(q_i + k_j)
    const RowVector w = s.additiveW.row(head);
    Matrix raw(q.rows(), k.rows());
    for (Eigen::Index i = 0; i < q.rows(); ++i)
        for (Eigen::Index j = 0; j < k.rows(); ++j)
            raw(i, j) = (q.row(i) + k.row(j)).array().tanh().matrix().dot(w);
    return raw;
}

/// Rows [begin, end) of the n × n matrices. The pass goes through them a block of rows at
/// a time, from Q · Kᵀ to A · V, so that each step after the product reads what is still
/// in cache instead of sweeping n × n matrices through memory eight times.
struct Rows
{
    Eigen::Index begin = 0;
    Eigen::Index end = 0;
};

/// Rows per block: 48 × n doubles of each n × n matrix stay in a core's L2 cache at n ≈ 2048,
/// and 48 is a multiple of Eigen's AVX-512 GEMM panel (24 rows).
constexpr Eigen::Index kRowBlock = 48;

/// Span j clipped to the rows of the block (empty when they do not meet).
Span clip(const Span& span, Rows rows)
{
    const Eigen::Index begin = std::max(span.begin, rows.begin);
    return {begin, std::max(begin, std::min(span.end, rows.end))};
}

/// head.rawScores and head.scores in rows (the raw scores are already there unless the
/// score is a plain product).
void computeScores(const Session& s, HeadResult& head, Rows rows)
{
    const Eigen::Index count = rows.end - rows.begin;
    const bool product = s.score == ScoreKind::Dot || s.score == ScoreKind::ScaledDot;
    if (product)
        head.rawScores.middleRows(rows.begin, count).noalias() =
            head.q.middleRows(rows.begin, count) * head.k.transpose();
    const Real divisor = s.score == ScoreKind::ScaledDot ? std::sqrt(static_cast<Real>(s.dK())) : 1;
    for (Eigen::Index j = 0; j < head.rawScores.cols(); ++j) {
        auto raw = head.rawScores.col(j).segment(rows.begin, count);
        if (divisor != 1)
            raw /= divisor;
        head.scores.col(j).segment(rows.begin, count) = raw / s.temperature;
    }
}

/// The one-row softmax, for the rare rows whose largest allowed score is ±∞ (or absent).
void softmaxRow(const Matrix& scores, const MaskMatrix& mask, Eigen::Index i, HeadResult& head)
{
    const Eigen::Index n = scores.cols();
    Real rowMax = -kInf;
    for (Eigen::Index j = 0; j < n; ++j)
        if (mask(i, j) && !std::isnan(scores(i, j)))
            rowMax = std::max(rowMax, scores(i, j));
    head.weights.row(i).setZero();
    head.rowMax(i) = 0;
    head.rowSum(i) = 0;
    if (rowMax == -kInf)
        return; // no allowed key (or only −∞ scores): a row of zeros, never NaN
    Real sum = 0;
    for (Eigen::Index j = 0; j < n; ++j) {
        if (!mask(i, j) || std::isnan(scores(i, j)))
            continue;
        const Real e = rowMax == kInf ? Real(scores(i, j) == kInf) : std::exp(scores(i, j) - rowMax);
        head.weights(i, j) = e;
        sum += e;
    }
    head.weights.row(i) /= sum; // sum ≥ 1: the maximum contributes exp(0) = 1
    head.rowMax(i) = rowMax;
    head.rowSum(i) = sum;
}

/// Zeros of column j of the weights in rows outside the span (clipped to rows).
void zeroOutside(HeadResult& head, Eigen::Index j, Rows rows, Span span)
{
    head.weights.col(j).segment(rows.begin, span.begin - rows.begin).setZero();
    head.weights.col(j).segment(span.end, rows.end - span.end).setZero();
}

/// Softmax over the allowed keys of each row, stable for scores of any size: the largest
/// allowed score is subtracted first. NaN scores count as not allowed, and +∞ scores
/// share the row equally, so that no NaN reaches the screen. The matrices are column-major,
/// so the sweeps go down columns (contiguous, vectorised exp) and keep one running value
/// per row; rows whose maximum is not finite are redone by softmaxRow.
void softmax(const Matrix& scores, const MaskMatrix& mask, const std::vector<Span>& spans,
             Rows rows, HeadResult& head)
{
    const Eigen::Index n = scores.cols();
    auto rowMax = head.rowMax.segment(rows.begin, rows.end - rows.begin);
    auto rowSum = head.rowSum.segment(rows.begin, rows.end - rows.begin);
    rowMax.setConstant(-kInf);
    rowSum.setZero();
    for (Eigen::Index j = 0; j < n; ++j) {
        const Span span = clip(spans[j], rows);
        const Real* s = scores.col(j).data();
        const std::uint8_t* allowed = mask.col(j).data();
        Real* m = head.rowMax.data();
        for (Eigen::Index i = span.begin; i < span.end; ++i)
            m[i] = (allowed[i] && s[i] > m[i]) ? s[i] : m[i]; // NaN fails s > m
    }
    for (Eigen::Index j = 0; j < n; ++j) {
        const Span span = clip(spans[j], rows);
        const Eigen::Index length = span.end - span.begin;
        zeroOutside(head, j, rows, span);
        auto e = head.weights.col(j).segment(span.begin, length).array();
        e = (scores.col(j).segment(span.begin, length) - head.rowMax.segment(span.begin, length)).array();
        // Eigen's vectorised exp clamps its argument at ≈ −709 (tiny, never 0, no subnormals):
        // columns that reach below that take std::exp, which underflows as NumPy does.
        if (length && e.minCoeff() < kExpVectorised)
            e = e.unaryExpr([](Real x) { return std::exp(x); });
        else
            e = e.exp();
        const Real* s = scores.col(j).data();
        const std::uint8_t* allowed = mask.col(j).data();
        Real* exps = head.weights.col(j).data();
        Real* sum = head.rowSum.data();
        for (Eigen::Index i = span.begin; i < span.end; ++i) {
            exps[i] = (allowed[i] && s[i] == s[i]) ? exps[i] : 0;
            sum[i] += exps[i];
        }
    }
    for (Eigen::Index j = 0; j < n; ++j) {
        const Span span = clip(spans[j], rows);
        head.weights.col(j).segment(span.begin, span.end - span.begin).array() /=
            head.rowSum.segment(span.begin, span.end - span.begin).array(); // ≥ 1 if the max is finite
    }
    for (Eigen::Index i = rows.begin; i < rows.end; ++i)
        if (!std::isfinite(head.rowMax(i)))
            softmaxRow(scores, mask, i, head);
}

void relu(const Matrix& scores, const MaskMatrix& mask, const std::vector<Span>& spans,
          Rows rows, HeadResult& head)
{
    head.rowSum.segment(rows.begin, rows.end - rows.begin).setZero();
    head.rowMax.segment(rows.begin, rows.end - rows.begin).setZero();
    for (Eigen::Index j = 0; j < scores.cols(); ++j) {
        const Span span = clip(spans[j], rows);
        zeroOutside(head, j, rows, span);
        const Real* s = scores.col(j).data();
        const std::uint8_t* allowed = mask.col(j).data();
        Real* a = head.weights.col(j).data();
        Real* sum = head.rowSum.data();
        for (Eigen::Index i = span.begin; i < span.end; ++i) {
            a[i] = (allowed[i] && s[i] > 0) ? s[i] : 0; // NaN fails s > 0
            sum[i] += a[i];
        }
    }
}

/// Entropy and mean |i − j| of each query's row, on the row normalised to sum 1.
void summarise(const std::vector<Span>& spans, Rows rows, HeadResult& head)
{
    const Eigen::Index n = head.weights.cols();
    const Eigen::Index count = rows.end - rows.begin;
    Vector total = Vector::Zero(n); // indexed by row, only rows used
    for (Eigen::Index j = 0; j < n; ++j) {
        const Span span = clip(spans[j], rows);
        total.segment(span.begin, span.end - span.begin) +=
            head.weights.col(j).segment(span.begin, span.end - span.begin);
    }
    // 0 marks a row left out: no weight, or an infinite or NaN total.
    Vector usable = Vector::Zero(n);
    for (Eigen::Index i = rows.begin; i < rows.end; ++i)
        usable(i) = Real(total(i) > 0 && std::isfinite(total(i)));
    head.entropy.segment(rows.begin, count).setZero();
    head.meanDistance.segment(rows.begin, count).setZero();
    Eigen::ArrayXd a(count);
    Eigen::ArrayXd logA(count);
    for (Eigen::Index j = 0; j < n; ++j) {
        const auto [begin, end] = clip(spans[j], rows);
        const Eigen::Index length = end - begin;
        const Real* w = head.weights.col(j).data();
        for (Eigen::Index i = begin; i < end; ++i)
            a(i - begin) = usable(i) != 0 ? w[i] / total(i) : 0;
        // Vectorised, except for subnormal weights, which Eigen's log does not take.
        if ((a.head(length) > 0 && a.head(length) < std::numeric_limits<Real>::min()).any())
            logA.head(length) = a.head(length).unaryExpr([](Real x) { return std::log(x); });
        else
            logA.head(length) = a.head(length).log();
        Real* entropy = head.entropy.data();
        Real* distance = head.meanDistance.data();
        for (Eigen::Index i = begin; i < end; ++i) {
            const Real ai = a(i - begin);
            entropy[i] -= ai > 0 ? ai * logA(i - begin) : 0;
            distance[i] += ai * static_cast<Real>(i > j ? i - j : j - i);
        }
    }
}

/// Z = A · V (n × d_k) in rows, over only the columns (keys) the mask allows there: a causal
/// mask skips the upper triangle.
void attend(const std::vector<Span>& spans, Rows rows, HeadResult& head)
{
    Eigen::Index first = static_cast<Eigen::Index>(spans.size());
    Eigen::Index last = 0;
    for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(spans.size()); ++j) {
        const Span span = clip(spans[j], rows);
        if (span.begin < span.end) {
            first = std::min(first, j);
            last = j + 1;
        }
    }
    const Eigen::Index count = rows.end - rows.begin;
    auto z = head.output.middleRows(rows.begin, count);
    if (first >= last) {
        z.setZero();
        return;
    }
    z.noalias() = head.weights.block(rows.begin, first, count, last - first) *
                  head.v.middleRows(first, last - first);
}

/// Everything after Q, K and V for one block of rows.
void computeRows(const Session& s, const MaskMatrix& mask, const std::vector<Span>& spans,
                 Rows rows, HeadResult& head)
{
    computeScores(s, head, rows);
    if (s.normalizer == NormalizerKind::Softmax)
        softmax(head.scores, mask, spans, rows, head);
    else
        relu(head.scores, mask, spans, rows, head);
    attend(spans, rows, head);
    summarise(spans, rows, head);
}

/// O = C · W_O in blocks of kOutputBlock columns shared by up to threads threads.
void multiplyOutput(const Session& s, ForwardResult& result, int threads)
{
    result.output.resize(result.concat.rows(), s.wo.cols());
    const Eigen::Index cols = s.wo.cols();
    const int blocks = static_cast<int>((cols + kOutputBlock - 1) / kOutputBlock);
    parallelFor(blocks, threads, [&](int b) {
        const Eigen::Index first = b * kOutputBlock;
        const Eigen::Index width = std::min(kOutputBlock, cols - first);
        result.output.middleCols(first, width).noalias() = result.concat * s.wo.middleCols(first, width);
    });
}

/// Threads worth using for a pass of this size (1 below kThreadedFlops).
int usefulThreads(const Session& s, int threads)
{
    return passFlops(s) < kThreadedFlops ? 1 : std::max(1, threads);
}


} // namespace

double passFlops(const Session& s)
{
    const double n = s.n();
    const double d = s.dModel;
    return 8 * n * d * d + 4 * n * n * d;
}

int defaultThreadCount()
{
    static const int count = [] {
        if (const char* text = std::getenv("ATTNVIZ_THREADS")) {
            const int value = std::atoi(text);
            if (value > 0)
                return value;
        }
        return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    }();
    return count;
}

std::vector<HeadSummary> summarise(const ForwardResult& result)
{
    std::vector<HeadSummary> out;
    for (const HeadResult& h : result.heads)
        out.push_back({h.entropy.size() ? h.entropy.mean() : 0,
                       h.meanDistance.size() ? h.meanDistance.mean() : 0});
    return out;
}

Matrix positionalEncoding(const Session& s)
{
    switch (s.positional.kind) {
    case PeKind::Sinusoidal:
        return sinusoidalEncoding(s.n(), s.dModel, s.positional.base);
    case PeKind::Learned:
        return s.positional.learned;
    case PeKind::None:
        break;
    }
    return Matrix::Zero(s.n(), s.dModel);
}

MaskMatrix buildMask(const Session& s)
{
    const int n = s.n();
    if (s.mask.kind == MaskKind::Custom)
        return s.mask.custom;
    MaskMatrix mask(n, n);
    for (int j = 0; j < n; ++j) // column-major: down each column
        for (int i = 0; i < n; ++i) {
            bool allowed = true;
            switch (s.mask.kind) {
            case MaskKind::Causal:
                allowed = j <= i;
                break;
            case MaskKind::Window:
                allowed = std::abs(i - j) <= s.mask.radius;
                break;
            case MaskKind::CausalWindow:
                allowed = i - j >= 0 && i - j <= s.mask.radius;
                break;
            case MaskKind::None:
            case MaskKind::Custom:
                break;
            }
            mask(i, j) = allowed ? 1 : 0;
        }
    return mask;
}

HeadResult computeHead(const Session& s, const Matrix& xIn, const MaskMatrix& mask, int h)
{
    HeadResult head;
    head.q.noalias() = xIn * s.wq[h];
    head.k.noalias() = xIn * s.wk[h];
    head.v.noalias() = xIn * s.wv[h];
    const Eigen::Index n = xIn.rows();
    if (s.score == ScoreKind::Dot || s.score == ScoreKind::ScaledDot)
        head.rawScores.resize(n, n);
    else
        head.rawScores = otherRawScores(s, head.q, head.k, h);
    head.scores.resize(n, n);
    head.weights.resize(n, n);
    head.rowMax.resize(n);
    head.rowSum.resize(n);
    head.entropy.resize(n);
    head.meanDistance.resize(n);
    head.output.resize(n, head.v.cols());
    const std::vector<Span> spans = columnSpans(mask);
    for (Eigen::Index r = 0; r < n; r += kRowBlock)
        computeRows(s, mask, spans, {r, std::min(n, r + kRowBlock)}, head);
    return head;
}

void assembleOutput(const Session& s, ForwardResult& result)
{
    const int dK = s.dK();
    result.concat.resize(s.n(), s.dModel);
    for (int h = 0; h < s.heads; ++h)
        result.concat.middleCols(h * dK, dK) = result.heads[h].output;
    multiplyOutput(s, result, 1);
}

void updateOutputColumn(const Session& s, ForwardResult& result, Eigen::Index col)
{
    const Eigen::Index first = col / kOutputBlock * kOutputBlock;
    const Eigen::Index width = std::min(kOutputBlock, s.wo.cols() - first);
    result.output.middleCols(first, width).noalias() = result.concat * s.wo.middleCols(first, width);
}

void updateHead(const Session& s, ForwardResult& result, int head)
{
    const int dK = s.dK();
    result.heads[head] = computeHead(s, result.xIn, result.mask, head);
    const bool incremental = result.concat.rows() == s.n() && result.concat.cols() == s.dModel &&
                             result.output.rows() == s.n() && result.output.cols() == s.dModel &&
                             result.output.allFinite() && result.concat.allFinite() &&
                             result.heads[head].output.allFinite();
    if (!incremental) {
        assembleOutput(s, result);
        return;
    }
    auto block = result.concat.middleCols(head * dK, dK);
    const Matrix change = result.heads[head].output - block; // n × d_k
    result.output.noalias() += change * s.wo.middleRows(head * dK, dK);
    block = result.heads[head].output;
}

ForwardResult forward(const Session& s) { return forward(s, defaultThreadCount()); }

ForwardResult forward(const Session& s, int threads)
{
    threads = usefulThreads(s, threads);
    ForwardResult result;
    result.x = s.embeddings;
    result.p = positionalEncoding(s);
    result.xIn = result.x + result.p;
    result.mask = buildMask(s);
    result.heads.resize(s.heads);
    parallelFor(s.heads, threads,
                [&](int h) { result.heads[h] = computeHead(s, result.xIn, result.mask, h); });
    const int dK = s.dK();
    result.concat.resize(s.n(), s.dModel);
    for (int h = 0; h < s.heads; ++h)
        result.concat.middleCols(h * dK, dK) = result.heads[h].output;
    multiplyOutput(s, result, threads);
    return result;
}

} // namespace attn

#include "attention.h"

#include "normalisation.h"
#include "parallelfor.h"
#include "positionalencoding.h"
#include "rowblock.h"
#include "scores.h"

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace attn {
namespace {

/// Passes smaller than this many floating-point operations run on the calling thread:
/// starting threads and sharing the heads' memory between cores costs more than it saves
/// (at 64/128/4, 10.5 MFLOP, two threads took 0.59 ms against 0.34 ms on one).
constexpr double kThreadedFlops = 3e7;

/// Z = A · V (n × d_k) in rows, over only the columns (keys) the mask allows there: a causal
/// mask skips the upper triangle.
template <typename Scalar>
void attend(const std::vector<Span>& spans, Rows rows, BasicHeadResult<Scalar>& head)
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
template <typename Scalar>
void computeRows(const Session& s, const MaskMatrix& mask, const std::vector<Span>& spans,
                 Rows rows, BasicHeadResult<Scalar>& head)
{
    computeScores(s, head, rows);
    normalise(s, mask, spans, rows, head);
    attend(spans, rows, head);
    rowStatistics(spans, rows, head);
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
    finishHead(s, mask, head, h);
    return head;
}

template <typename Scalar>
void finishHead(const Session& s, const MaskMatrix& mask, BasicHeadResult<Scalar>& head, int h)
{
    // n × m: m = n for self-attention, the source's length for cross-attention.
    const Eigen::Index n = head.q.rows(), m = head.k.rows();
    if (s.score == ScoreKind::Dot || s.score == ScoreKind::ScaledDot)
        head.rawScores.resize(n, m);
    else
        head.rawScores = otherRawScores(s, head.q, head.k, h);
    head.scores.resize(n, m);
    head.weights.resize(n, m);
    head.rowMax.resize(n);
    head.rowSum.resize(n);
    head.entropy.resize(n);
    head.meanDistance.resize(n);
    head.output.resize(n, head.v.cols());
    const std::vector<Span> spans = columnSpans(mask);
    for (Eigen::Index r = 0; r < n; r += kRowBlock)
        computeRows(s, mask, spans, {r, std::min(n, r + kRowBlock)}, head);
}

template void finishHead(const Session&, const MaskMatrix&, BasicHeadResult<double>&, int);
template void finishHead(const Session&, const MaskMatrix&, BasicHeadResult<float>&, int);

ForwardResult forward(const Session& s)
{
    return forward(s, defaultThreadCount());
}

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
    assembleOutput(s, result, threads);
    return result;
}

} // namespace attn

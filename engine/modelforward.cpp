#include "modelforward.h"

#include "attention.h"
#include "gemm.h"
#include "parallelfor.h"
#include "positionalencoding.h"
#include "prediction.h"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <utility>

namespace attn {
namespace {

/// Blocks smaller than this many floating-point operations compute their heads on the
/// calling thread (as attention.cpp's pass, for the same reason).
constexpr double kThreadedFlops = 3e7;

// Every function is a template over the pass's scalar (double or float), instantiated for
// both at the end of the file.

template <typename Scalar> MatrixOf<Scalar> positions(const BasicModel<Scalar>& m)
{
    const Session& s = m.settings;
    switch (s.positional.kind) {
    case PeKind::Sinusoidal: // computed in double, then rounded: the same table for both
        return sinusoidalEncoding(s.n(), s.dModel, s.positional.base).cast<Scalar>();
    case PeKind::Learned:
        return m.learnedPositions.topRows(s.n());
    case PeKind::None:
        break;
    }
    return MatrixOf<Scalar>::Zero(s.n(), s.dModel);
}

template <typename Scalar> MatrixOf<Scalar> embeddings(const BasicModel<Scalar>& m)
{
    if (m.vocabulary.empty())
        return m.embeddings;
    const std::vector<int> ids = m.tokenIds();
    MatrixOf<Scalar> x(m.n(), m.dModel());
    for (int i = 0; i < m.n(); ++i)
        x.row(i) = m.tokenEmbeddings.row(ids[i]);
    return x;
}

/// x + b in each row, skipped when b is exactly zero so that a block without biases
/// computes exactly what v1 computes.
template <typename Scalar> void addBias(MatrixOf<Scalar>& x, const RowVectorOf<Scalar>& b)
{
    if (b.size() > 0 && !b.isZero(0))
        x.rowwise() += b;
}

/// The settings a block's heads are computed with: the model's, and its own additive_w.
template <typename Scalar> Session blockSettings(const BasicModel<Scalar>& m, int l)
{
    Session s = m.settings;
    s.additiveW = m.layers[l].attention.additiveW;
    return s;
}

template <typename Scalar>
const MatrixOf<Scalar>& attentionInput(const BasicBlock<Scalar>& b,
                                       const BasicBlockResult<Scalar>& r)
{
    return b.norm == NormPlacement::Pre ? r.ln1.output : r.input;
}

/// Q of head h from `queries`, K and V from `keys` (the same rows for self-attention, the
/// encoder's output for cross-attention), with the weights' biases.
template <typename Scalar>
void projectHead(const BasicAttentionWeights<Scalar>& a, const MatrixOf<Scalar>& queries,
                 const MatrixOf<Scalar>& keys, int h, BasicHeadResult<Scalar>& head)
{
    multiply(head.q, queries, a.wq[h]);
    multiply(head.k, keys, a.wk[h]);
    multiply(head.v, keys, a.wv[h]);
    addBias(head.q, a.bq[h]);
    addBias(head.k, a.bk[h]);
    addBias(head.v, a.bv[h]);
}

/// Q, K and V of head h of block l's self-attention.
template <typename Scalar>
void projectHead(const BasicModel<Scalar>& m, int l, const MatrixOf<Scalar>& in, int h,
                 BasicHeadResult<Scalar>& head)
{
    projectHead(m.layers[l].attention, in, in, h, head);
}

/// Q, K and V of every head as one product, in · [W_Q,0 … W_Q,H−1 | W_K,… | W_V,…]
/// (d_model × 3·d_model, gathered for the pass), split into the heads with their biases:
/// one large GEMM runs far nearer the machine's rate than 3·H narrow ones, each of which
/// packs `in` again.
template <typename Scalar>
void projectHeads(const BasicModel<Scalar>& m, int l, const MatrixOf<Scalar>& in,
                  std::vector<BasicHeadResult<Scalar>>& heads)
{
    const BasicAttentionWeights<Scalar>& a = m.layers[l].attention;
    const int d = m.dModel(), dk = m.dK(), count = m.heads();
    MatrixOf<Scalar> w(d, 3 * d); // d_model × 3·d_model
    for (int h = 0; h < count; ++h) {
        w.middleCols(h * dk, dk) = a.wq[h];
        w.middleCols(d + h * dk, dk) = a.wk[h];
        w.middleCols(2 * d + h * dk, dk) = a.wv[h];
    }
    MatrixOf<Scalar> qkv; // n × 3·d_model
    multiply(qkv, in, w);
    for (int h = 0; h < count; ++h) {
        heads[h].q = qkv.middleCols(h * dk, dk);
        heads[h].k = qkv.middleCols(d + h * dk, dk);
        heads[h].v = qkv.middleCols(2 * d + h * dk, dk);
        addBias(heads[h].q, a.bq[h]);
        addBias(heads[h].k, a.bk[h]);
        addBias(heads[h].v, a.bv[h]);
    }
}

/// Everything after the projections (Z = 0 for an ablated head).
template <typename Scalar>
void finishBlockHead(const BasicModel<Scalar>& m, const Session& settings, const MaskMatrix& mask,
                     int l, int h, BasicHeadResult<Scalar>& head)
{
    finishHead(settings, mask, head, h);
    if (m.isAblated(l, h))
        head.output.setZero();
}

/// The heads of block l from its attention input: in float the projections are one product
/// for OpenBLAS (spread over the engine's threads, gemm.h), then the heads' other steps run
/// in parallel; in double each head is computed whole on one of the threads.
template <typename Scalar>
void computeBlockHeads(const BasicModel<Scalar>& m, int l, const MaskMatrix& mask,
                       const MatrixOf<Scalar>& in, BasicBlockResult<Scalar>& r, int threads)
{
    const Session settings = blockSettings(m, l);
    r.heads.assign(m.heads(), {});
    constexpr bool projectFirst = std::is_same_v<Scalar, float>;
    if constexpr (projectFirst)
        projectHeads(m, l, in, r.heads);
    parallelFor(m.heads(), threads, [&](int h) {
        if constexpr (!projectFirst)
            projectHead(m, l, in, h, r.heads[h]);
        finishBlockHead(m, settings, mask, l, h, r.heads[h]);
    });
}

template <typename Scalar> int usefulThreads(const BasicModel<Scalar>& m)
{
    const double flops = modelFlops(m) / std::max(1, m.layerCount());
    return flops < kThreadedFlops ? 1 : defaultThreadCount();
}

/// (x +) sublayer, the residual sum of a block; for post-norm LN of it, with the sum kept in
/// `sum` and the norm in `ln` (otherwise `sum` is left empty and `ln` as it is).
template <typename Scalar>
MatrixOf<Scalar> residualSum(const BasicBlock<Scalar>& b, const MatrixOf<Scalar>& x,
                             const MatrixOf<Scalar>& sublayer,
                             const BasicLayerNormParams<Scalar>& params, MatrixOf<Scalar>& sum,
                             BasicLayerNormResult<Scalar>& ln)
{
    using Matrix = MatrixOf<Scalar>;
    Matrix total = b.residual ? Matrix(x + sublayer) : sublayer;
    if (b.norm != NormPlacement::Post) {
        sum = Matrix();
        return total;
    }
    sum = std::move(total);
    ln = layerNorm(sum, params);
    return ln.output;
}

/// Cross-attention of block l: Q from `in` (n × d_model), K and V from the encoder's output
/// E (m × d_model), every source token allowed. The projections run one after another
/// (multiply() spreads over the threads itself), the heads' other steps in parallel.
template <typename Scalar>
void crossAttend(const BasicModel<Scalar>& m, int l, const MatrixOf<Scalar>& in,
                 const MatrixOf<Scalar>& memory, BasicCrossResult<Scalar>& c, int threads)
{
    const BasicAttentionWeights<Scalar>& a = m.layers[l].cross->attention;
    Session settings = m.settings;
    settings.additiveW = a.additiveW;
    const MaskMatrix mask = MaskMatrix::Ones(in.rows(), memory.rows());
    c.heads.assign(m.heads(), {});
    for (int h = 0; h < m.heads(); ++h)
        projectHead(a, in, memory, h, c.heads[h]);
    parallelFor(m.heads(), threads, [&](int h) {
        finishHead(settings, mask, c.heads[h], h);
        if (m.isCrossAblated(l, h))
            c.heads[h].output.setZero();
    });
    const int dk = m.dK();
    c.concat.resize(in.rows(), m.dModel());
    for (int h = 0; h < m.heads(); ++h)
        c.concat.middleCols(h * dk, dk) = c.heads[h].output;
    multiply(c.output, c.concat, a.wo);
    addBias(c.output, a.bo);
}

/// Everything after MHA: the first sum (and post's LN1), the cross-attention over the
/// encoder's output E when the block has one, the FFN, the last sum.
template <typename Scalar>
void finishBlock(const BasicModel<Scalar>& m, int l, BasicBlockResult<Scalar>& r,
                 const MatrixOf<Scalar>* memory, int threads)
{
    using Matrix = MatrixOf<Scalar>;
    const BasicBlock<Scalar>& b = m.layers[l];
    r.afterAttention = residualSum(b, r.input, r.attentionOutput, b.ln1, r.attentionSum, r.ln1);
    r.cross = {};
    if (b.cross && memory) {
        BasicCrossResult<Scalar>& c = r.cross;
        if (b.norm == NormPlacement::Pre)
            c.ln = layerNorm(r.afterAttention, b.cross->norm);
        crossAttend(m, l, b.norm == NormPlacement::Pre ? c.ln.output : r.afterAttention, *memory, c,
                    threads);
        c.after = residualSum(b, r.afterAttention, c.output, b.cross->norm, c.sum, c.ln);
    }
    const Matrix& mid = r.cross.empty() ? r.afterAttention : r.cross.after; // M, or C
    r.ln2 = {};
    r.ffnPreActivation = r.ffnHidden = r.ffnOutput = r.ffnSum = Matrix();
    if (!b.ffn) {
        r.output = mid;
        return;
    }
    const BasicFeedForward<Scalar>& f = *b.ffn;
    if (b.norm == NormPlacement::Pre)
        r.ln2 = layerNorm(mid, b.ln2);
    const Matrix& in = b.norm == NormPlacement::Pre ? r.ln2.output : mid;
    multiply(r.ffnPreActivation, in, f.w1);
    addBias(r.ffnPreActivation, f.b1);
    r.ffnHidden = activate(r.ffnPreActivation, f.activation);
    multiply(r.ffnOutput, r.ffnHidden, f.w2);
    addBias(r.ffnOutput, f.b2);
    r.output = residualSum(b, mid, r.ffnOutput, b.ln2, r.ffnSum, r.ln2);
}

/// The encoder's output every cross-attention reads (null without an encoder).
template <typename Scalar> const MatrixOf<Scalar>* memoryOf(const BasicModelResult<Scalar>& r)
{
    return r.encoder.empty() ? nullptr : &r.encoder.front().final;
}

template <typename Scalar>
void assembleAttention(const BasicModel<Scalar>& m, int l, BasicBlockResult<Scalar>& r)
{
    const int dk = m.dK();
    r.concat.resize(m.n(), m.dModel());
    for (int h = 0; h < m.heads(); ++h)
        r.concat.middleCols(h * dk, dk) = r.heads[h].output;
    multiply(r.attentionOutput, r.concat, m.layers[l].attention.wo);
    addBias(r.attentionOutput, m.layers[l].attention.bo);
}

template <typename Scalar>
void computeBlock(const BasicModel<Scalar>& m, int l, const MaskMatrix& mask,
                  const MatrixOf<Scalar>& input, BasicBlockResult<Scalar>& r,
                  const MatrixOf<Scalar>* memory, int threads)
{
    const BasicBlock<Scalar>& b = m.layers[l];
    r.input = input;
    r.ln1 = b.norm == NormPlacement::Pre ? layerNorm(input, b.ln1) : BasicLayerNormResult<Scalar>{};
    computeBlockHeads(m, l, mask, attentionInput(b, r), r, threads);
    assembleAttention(m, l, r);
    finishBlock(m, l, r, memory, threads);
}

template <typename Scalar>
void computePredictions(const BasicModel<Scalar>& m, BasicModelResult<Scalar>& r, int topK)
{
    using Matrix = MatrixOf<Scalar>;
    const Matrix& last = r.blocks.back().output;
    if (m.finalNorm) {
        r.finalNorm = layerNorm(last, *m.finalNorm);
        r.final = r.finalNorm.output;
    } else {
        r.finalNorm = {};
        r.final = last;
    }
    r.logits = Matrix();
    r.logSumExp = VectorOf<Scalar>();
    r.topK.clear();
    if (m.unembedding == UnembeddingKind::None)
        return;
    if (m.unembedding == UnembeddingKind::Tied)
        multiply(r.logits, r.final, m.tokenEmbeddings, true);
    else
        multiply(r.logits, r.final, m.unembeddingMatrix);
    addBias(r.logits, m.unembeddingBias);
    const Eigen::Index k = std::min<Eigen::Index>(std::max(topK, 0), r.logits.cols());
    predict(r, k);
}

/// Blocks from..L−1 of r, then its predictions. Their inputs (the mask, h0, the encoder's
/// output) are read from `source`, which is r itself for an update in place. False, with r
/// unfinished, once *cancel is true (checked before each block and the predictions).
template <typename Scalar>
bool runBlocks(const BasicModel<Scalar>& m, const BasicModelResult<Scalar>& source,
               BasicModelResult<Scalar>& r, int from, int topK, const std::atomic<bool>* cancel)
{
    const auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    const int threads = usefulThreads(m);
    r.blocks.resize(m.layerCount());
    for (int l = from; l < m.layerCount(); ++l) {
        if (cancelled())
            return false;
        computeBlock(m, l, source.mask, l == 0 ? source.h0 : r.blocks[l - 1].output, r.blocks[l],
                     memoryOf(source), threads);
    }
    if (cancelled())
        return false;
    computePredictions(m, r, topK);
    return true;
}

template <typename Scalar> void beginPass(const BasicModel<Scalar>& m, BasicModelResult<Scalar>& r)
{
    r.x = embeddings(m);
    r.p = positions(m);
    r.h0 = r.x + r.p;
    r.mask = buildMask(m.settings);
    for (const BasicModel<Scalar>& encoder : m.encoder)
        r.encoder.push_back(forwardModel(encoder, 0));
}

} // namespace

template <typename Scalar>
BasicModelResult<Scalar> forwardModel(const BasicModel<Scalar>& m, int topK)
{
    BasicModelResult<Scalar> r;
    beginPass(m, r);
    runBlocks(m, r, r, 0, topK, nullptr);
    return r;
}

template <typename Scalar>
void recomputeFrom(const BasicModel<Scalar>& m, BasicModelResult<Scalar>& r, int block, int topK)
{
    runBlocks(m, r, r, std::clamp(block, 0, m.layerCount()), topK, nullptr);
}

template <typename Scalar>
bool recomputeTail(const BasicModel<Scalar>& m, const BasicModelResult<Scalar>& result, int block,
                   BasicModelResult<Scalar>& tail, const std::atomic<bool>* cancel, int topK)
{
    tail = {};
    if (block < 0) {
        beginPass(m, tail);
        return runBlocks(m, tail, tail, 0, topK, cancel);
    }
    const int from = std::min(block, m.layerCount());
    tail.blocks.resize(m.layerCount());
    if (from > 0) // the input of block `from`, and the last output when only the end changed
        tail.blocks[from - 1].output = result.blocks[from - 1].output;
    return runBlocks(m, result, tail, from, topK, cancel);
}

template <typename Scalar>
void spliceTail(BasicModelResult<Scalar>& result, BasicModelResult<Scalar>&& tail, int block)
{
    if (block < 0) {
        result = std::move(tail);
        return;
    }
    for (std::size_t l = static_cast<std::size_t>(block); l < tail.blocks.size(); ++l)
        result.blocks[l] = std::move(tail.blocks[l]);
    result.finalNorm = std::move(tail.finalNorm);
    result.final = std::move(tail.final);
    result.logits = std::move(tail.logits);
    result.logSumExp = std::move(tail.logSumExp);
    result.topK = std::move(tail.topK);
}

template <typename Scalar>
void recomputeHead(const BasicModel<Scalar>& m, BasicModelResult<Scalar>& r, int l, int h, int topK)
{
    using Matrix = MatrixOf<Scalar>;
    BasicBlockResult<Scalar>& b = r.blocks[l];
    const Matrix old = b.heads[h].output;
    b.heads[h] = {};
    projectHead(m, l, attentionInput(m.layers[l], b), h, b.heads[h]);
    finishBlockHead(m, blockSettings(m, l), r.mask, l, h, b.heads[h]);
    const int dk = m.dK();
    const Matrix delta = b.heads[h].output - old;
    b.concat.middleCols(h * dk, dk) = b.heads[h].output;
    b.attentionOutput.noalias() += delta * m.layers[l].attention.wo.middleRows(h * dk, dk);
    const int threads = usefulThreads(m);
    finishBlock(m, l, b, memoryOf(r), threads);
    for (int next = l + 1; next < m.layerCount(); ++next)
        computeBlock(m, next, r.mask, r.blocks[next - 1].output, r.blocks[next], memoryOf(r),
                     threads);
    computePredictions(m, r, topK);
}

#define ATTNVIZ_INSTANTIATE_MODEL_PASS(Scalar)                                                     \
    template BasicModelResult<Scalar> forwardModel(const BasicModel<Scalar>&, int);                \
    template void recomputeFrom(const BasicModel<Scalar>&, BasicModelResult<Scalar>&, int, int);   \
    template bool recomputeTail(const BasicModel<Scalar>&, const BasicModelResult<Scalar>&, int,   \
                                BasicModelResult<Scalar>&, const std::atomic<bool>*, int);         \
    template void spliceTail(BasicModelResult<Scalar>&, BasicModelResult<Scalar>&&, int);          \
    template void recomputeHead(const BasicModel<Scalar>&, BasicModelResult<Scalar>&, int, int,    \
                                int);

ATTNVIZ_INSTANTIATE_MODEL_PASS(double)
ATTNVIZ_INSTANTIATE_MODEL_PASS(float)

} // namespace attn

#include "modelforward.h"

#include "attention.h"
#include "parallelfor.h"
#include "positionalencoding.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace attn {
namespace {

/// Blocks smaller than this many floating-point operations compute their heads on the
/// calling thread (as attention.cpp's pass, for the same reason).
constexpr double kThreadedFlops = 3e7;

Matrix positions(const Model& m)
{
    const Session& s = m.settings;
    switch (s.positional.kind) {
    case PeKind::Sinusoidal:
        return sinusoidalEncoding(s.n(), s.dModel, s.positional.base);
    case PeKind::Learned:
        return m.learnedPositions.topRows(s.n());
    case PeKind::None:
        break;
    }
    return Matrix::Zero(s.n(), s.dModel);
}

Matrix embeddings(const Model& m)
{
    if (m.vocabulary.empty())
        return m.embeddings;
    const std::vector<int> ids = m.tokenIds();
    Matrix x(m.n(), m.dModel());
    for (int i = 0; i < m.n(); ++i)
        x.row(i) = m.tokenEmbeddings.row(ids[i]);
    return x;
}

/// x + b in each row, skipped when b is exactly zero so that a block without biases
/// computes exactly what v1 computes.
void addBias(Matrix& x, const RowVector& b)
{
    if (b.size() > 0 && !b.isZero(0))
        x.rowwise() += b;
}

/// The settings a block's heads are computed with: the model's, and its own additive_w.
Session blockSettings(const Model& m, int l)
{
    Session s = m.settings;
    s.additiveW = m.layers[l].attention.additiveW;
    return s;
}

const Matrix& attentionInput(const Block& b, const BlockResult& r)
{
    return b.norm == NormPlacement::Pre ? r.ln1.output : r.input;
}

HeadResult computeBlockHead(const Model& m, const Session& settings, const MaskMatrix& mask, int l,
                            const Matrix& in, int h)
{
    const AttentionWeights& a = m.layers[l].attention;
    HeadResult head;
    head.q.noalias() = in * a.wq[h];
    head.k.noalias() = in * a.wk[h];
    head.v.noalias() = in * a.wv[h];
    addBias(head.q, a.bq[h]);
    addBias(head.k, a.bk[h]);
    addBias(head.v, a.bv[h]);
    finishHead(settings, mask, head, h);
    if (m.isAblated(l, h))
        head.output.setZero();
    return head;
}

int usefulThreads(const Model& m)
{
    const double flops = modelFlops(m) / std::max(1, m.layerCount());
    return flops < kThreadedFlops ? 1 : defaultThreadCount();
}

/// (x +) sublayer, the residual sum of a block; for post-norm LN of it, with the sum kept in
/// `sum` and the norm in `ln` (otherwise `sum` is left empty and `ln` as it is).
Matrix residualSum(const Block& b, const Matrix& x, const Matrix& sublayer,
                   const LayerNormParams& params, Matrix& sum, LayerNormResult& ln)
{
    Matrix total = b.residual ? Matrix(x + sublayer) : sublayer;
    if (b.norm != NormPlacement::Post) {
        sum = Matrix();
        return total;
    }
    sum = std::move(total);
    ln = layerNorm(sum, params);
    return ln.output;
}

/// Everything after MHA: the first sum (and post's LN1), the FFN, the second sum.
void finishBlock(const Block& b, BlockResult& r)
{
    r.afterAttention = residualSum(b, r.input, r.attentionOutput, b.ln1, r.attentionSum, r.ln1);
    r.ln2 = {};
    r.ffnPreActivation = r.ffnHidden = r.ffnOutput = r.ffnSum = Matrix();
    if (!b.ffn) {
        r.output = r.afterAttention;
        return;
    }
    const FeedForward& f = *b.ffn;
    if (b.norm == NormPlacement::Pre)
        r.ln2 = layerNorm(r.afterAttention, b.ln2);
    const Matrix& in = b.norm == NormPlacement::Pre ? r.ln2.output : r.afterAttention;
    r.ffnPreActivation.noalias() = in * f.w1;
    addBias(r.ffnPreActivation, f.b1);
    r.ffnHidden = activate(r.ffnPreActivation, f.activation);
    r.ffnOutput.noalias() = r.ffnHidden * f.w2;
    addBias(r.ffnOutput, f.b2);
    r.output = residualSum(b, r.afterAttention, r.ffnOutput, b.ln2, r.ffnSum, r.ln2);
}

void assembleAttention(const Model& m, int l, BlockResult& r)
{
    const int dk = m.dK();
    r.concat.resize(m.n(), m.dModel());
    for (int h = 0; h < m.heads(); ++h)
        r.concat.middleCols(h * dk, dk) = r.heads[h].output;
    r.attentionOutput.noalias() = r.concat * m.layers[l].attention.wo;
    addBias(r.attentionOutput, m.layers[l].attention.bo);
}

void computeBlock(const Model& m, int l, const MaskMatrix& mask, const Matrix& input,
                  BlockResult& r, int threads)
{
    const Block& b = m.layers[l];
    r.input = input;
    r.ln1 = b.norm == NormPlacement::Pre ? layerNorm(input, b.ln1) : LayerNormResult{};
    const Session settings = blockSettings(m, l);
    const Matrix& in = attentionInput(b, r);
    r.heads.resize(m.heads());
    parallelFor(m.heads(), threads,
                [&](int h) { r.heads[h] = computeBlockHead(m, settings, mask, l, in, h); });
    assembleAttention(m, l, r);
    finishBlock(b, r);
}

void computePredictions(const Model& m, ModelResult& r, int topK)
{
    const Matrix& last = r.blocks.back().output;
    if (m.finalNorm) {
        r.finalNorm = layerNorm(last, *m.finalNorm);
        r.final = r.finalNorm.output;
    } else {
        r.finalNorm = {};
        r.final = last;
    }
    r.logits = Matrix();
    r.logSumExp = Vector();
    r.topK.clear();
    if (m.unembedding == UnembeddingKind::None)
        return;
    if (m.unembedding == UnembeddingKind::Tied)
        r.logits.noalias() = r.final * m.tokenEmbeddings.transpose();
    else
        r.logits.noalias() = r.final * m.unembeddingMatrix;
    addBias(r.logits, m.unembeddingBias);
    const Eigen::Index n = r.logits.rows(), vocabulary = r.logits.cols();
    const Eigen::Index k = std::min<Eigen::Index>(std::max(topK, 0), vocabulary);
    r.logSumExp.resize(n);
    r.topK.resize(n);
    std::vector<int> order(vocabulary);
    RowVector p(vocabulary);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto row = r.logits.row(i);
        const Real top = row.maxCoeff();
        // exp(l − top) / Σ exp(row − top): exact where top ≫ log V, unlike exp(l − logSumExp),
        // in which top + log Σ rounds to top.
        p = (row.array() - top).exp();
        const Real sum = p.sum();
        p /= sum;
        r.logSumExp(i) = top + std::log(sum);
        std::iota(order.begin(), order.end(), 0);
        // By the probabilities as written, so that equal p come by the smaller id.
        std::partial_sort(order.begin(), order.begin() + k, order.end(),
                          [&p](int a, int b) { return p(a) > p(b) || (p(a) == p(b) && a < b); });
        for (Eigen::Index j = 0; j < k; ++j)
            r.topK[i].push_back({order[j], row(order[j]), p(order[j])});
    }
}

void runBlocks(const Model& m, ModelResult& r, int from, int topK)
{
    const int threads = usefulThreads(m);
    r.blocks.resize(m.layerCount());
    for (int l = from; l < m.layerCount(); ++l)
        computeBlock(m, l, r.mask, l == 0 ? r.h0 : r.blocks[l - 1].output, r.blocks[l], threads);
    computePredictions(m, r, topK);
}

} // namespace

LayerNormResult layerNorm(const Matrix& x, const LayerNormParams& ln)
{
    LayerNormResult r;
    const Eigen::Index n = x.rows(), d = x.cols();
    r.mean = x.rowwise().mean();
    r.output.resize(n, d);
    r.variance.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const RowVector centred = x.row(i).array() - r.mean(i);
        r.variance(i) = centred.squaredNorm() / static_cast<Real>(d);
        const Real scale = 1 / std::sqrt(r.variance(i) + ln.eps);
        r.output.row(i) = (centred * scale).cwiseProduct(ln.gain) + ln.bias;
    }
    return r;
}

Matrix activate(const Matrix& x, Activation activation)
{
    switch (activation) {
    case Activation::Relu:
        return x.cwiseMax(0);
    case Activation::Gelu:
        return x.unaryExpr(
            [](Real v) { return v * 0.5 * (1 + std::erf(v / std::numbers::sqrt2)); });
    case Activation::GeluTanh:
        break;
    }
    const Real c = std::sqrt(2 / std::numbers::pi);
    return x.unaryExpr(
        [c](Real v) { return 0.5 * v * (1 + std::tanh(c * (v + 0.044715 * v * v * v))); });
}

double modelFlops(const Model& m)
{
    const double n = m.n(), d = m.dModel();
    double flops = 0;
    for (const Block& b : m.layers)
        flops += 8 * n * d * d + 4 * n * n * d + (b.ffn ? 4 * n * d * b.ffn->width() : 0);
    if (m.unembedding != UnembeddingKind::None)
        flops += 2 * n * d * m.vocabularySize();
    return flops;
}

ModelResult forwardModel(const Model& m, int topK)
{
    ModelResult r;
    r.x = embeddings(m);
    r.p = positions(m);
    r.h0 = r.x + r.p;
    r.mask = buildMask(m.settings);
    runBlocks(m, r, 0, topK);
    return r;
}

void recomputeFrom(const Model& m, ModelResult& r, int block, int topK)
{
    runBlocks(m, r, std::clamp(block, 0, m.layerCount()), topK);
}

void recomputeHead(const Model& m, ModelResult& r, int l, int h, int topK)
{
    BlockResult& b = r.blocks[l];
    const Matrix old = b.heads[h].output;
    b.heads[h] =
        computeBlockHead(m, blockSettings(m, l), r.mask, l, attentionInput(m.layers[l], b), h);
    const int dk = m.dK();
    const Matrix delta = b.heads[h].output - old;
    b.concat.middleCols(h * dk, dk) = b.heads[h].output;
    b.attentionOutput.noalias() += delta * m.layers[l].attention.wo.middleRows(h * dk, dk);
    finishBlock(m.layers[l], b);
    const int threads = usefulThreads(m);
    for (int next = l + 1; next < m.layerCount(); ++next)
        computeBlock(m, next, r.mask, r.blocks[next - 1].output, r.blocks[next], threads);
    computePredictions(m, r, topK);
}

} // namespace attn

#include "gradient.h"

#include <cmath>
#include <numbers>

namespace attn {
namespace {

void addColumnSums(RowVector& bias, const Matrix& d)
{
    if (bias.size() > 0)
        bias += d.colwise().sum();
}

/// dL/dx of y = LN(x) (rows apart), adding dL/dgain and dL/dbias to g.
/// x̂ = (x − μ)/σ: dx = (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)) / σ, with dx̂ = dy ⊙ gain.
Matrix normBackward(const Matrix& x, const LayerNormResult& ln, const LayerNormParams& p,
                    const Matrix& dy, LayerNormParams& g)
{
    Matrix dx(x.rows(), x.cols());
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        const Real sigma = std::sqrt(ln.variance(i) + p.eps);
        const RowVector xHat = (x.row(i).array() - ln.mean(i)) / sigma;
        g.gain += dy.row(i).cwiseProduct(xHat);
        g.bias += dy.row(i);
        const RowVector dxHat = dy.row(i).cwiseProduct(p.gain);
        const Real meanD = dxHat.mean(), meanDx = dxHat.cwiseProduct(xHat).mean();
        dx.row(i) = (dxHat.array() - meanD - xHat.array() * meanDx) / sigma;
    }
    return dx;
}

/// act′(x), elementwise.
Matrix activationSlope(const Matrix& x, Activation activation)
{
    switch (activation) {
    case Activation::Relu:
        return (x.array() > 0).cast<Real>().matrix();
    case Activation::Gelu:
        return x.unaryExpr([](Real v) {
            const Real pdf = std::exp(-v * v / 2) / std::sqrt(2 * std::numbers::pi);
            return 0.5 * (1 + std::erf(v / std::numbers::sqrt2)) + v * pdf;
        });
    case Activation::GeluTanh:
        break;
    }
    const Real c = std::sqrt(2 / std::numbers::pi), cubic = 0.044715;
    return x.unaryExpr([=](Real v) {
        const Real t = std::tanh(c * (v + cubic * v * v * v));
        return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * c * (1 + 3 * cubic * v * v);
    });
}

/// The heads of block l backwards, from dL/dconcat to dL/d(attention input).
Matrix headsBackward(const Model& m, int l, const BlockResult& r, const Matrix& in,
                     const Matrix& dConcat, AttentionWeights& g)
{
    const AttentionWeights& a = m.layers[l].attention;
    const int dk = m.dK();
    // The score before the temperature: Q·Kᵀ/√d_k (scaled dot) or Q·Kᵀ (dot).
    const Real scale = (m.settings.score == ScoreKind::ScaledDot ? 1 / std::sqrt(Real(dk)) : 1) /
                       m.settings.temperature;
    Matrix dIn = Matrix::Zero(in.rows(), in.cols());
    for (int h = 0; h < m.heads(); ++h) {
        if (m.isAblated(l, h)) // Z = 0 whatever the weights
            continue;
        const HeadResult& head = r.heads[h];
        const Matrix dZ = dConcat.middleCols(h * dk, dk); // n × d_k
        const Matrix dA = dZ * head.v.transpose();        // n × n
        const Matrix dV = head.weights.transpose() * dZ;  // n × d_k
        // Softmax of each row: dS = A ⊙ (dA − Σ_j A_ij dA_ij); masked entries have A = 0.
        const Eigen::VectorXd rowDot = head.weights.cwiseProduct(dA).rowwise().sum();
        const Matrix dS = (head.weights.array() * (dA.colwise() - rowDot).array()).matrix() * scale;
        const Matrix dQ = dS * head.k;             // n × d_k
        const Matrix dK = dS.transpose() * head.q; // n × d_k
        g.wq[h] += in.transpose() * dQ;
        g.wk[h] += in.transpose() * dK;
        g.wv[h] += in.transpose() * dV;
        addColumnSums(g.bq[h], dQ);
        addColumnSums(g.bk[h], dK);
        addColumnSums(g.bv[h], dV);
        dIn += dQ * a.wq[h].transpose() + dK * a.wk[h].transpose() + dV * a.wv[h].transpose();
    }
    return dIn;
}

/// dL/dH_l from dL/dH_{l+1}, adding block l's parameter gradients to g.
Matrix blockBackward(const Model& m, int l, const BlockResult& r, const Matrix& dOut, Block& g)
{
    const Block& b = m.layers[l];
    const Eigen::Index n = r.input.rows(), d = r.input.cols();
    Matrix dMid = dOut; // dL/dM
    if (b.ffn) {
        const FeedForward& f = *b.ffn;
        // Post: H_{l+1} = LN2((M +) FFN); pre and none: H_{l+1} = (M +) FFN(LN2(M) or M).
        const Matrix dFfn = b.norm == NormPlacement::Post
                                ? normBackward(r.ffnSum, r.ln2, b.ln2, dOut, g.ln2)
                                : dOut;
        dMid = b.residual ? dFfn : Matrix::Zero(n, d);
        const Matrix& in = b.norm == NormPlacement::Pre ? r.ln2.output : r.afterAttention;
        g.ffn->w2 += r.ffnHidden.transpose() * dFfn;
        addColumnSums(g.ffn->b2, dFfn);
        const Matrix dPre = (dFfn * f.w2.transpose())
                                .cwiseProduct(activationSlope(r.ffnPreActivation, f.activation));
        g.ffn->w1 += in.transpose() * dPre;
        addColumnSums(g.ffn->b1, dPre);
        const Matrix dIn = dPre * f.w1.transpose();
        dMid += b.norm == NormPlacement::Pre
                    ? normBackward(r.afterAttention, r.ln2, b.ln2, dIn, g.ln2)
                    : dIn;
    }
    // Post: M = LN1((H +) MHA); pre and none: M = (H +) MHA(LN1(H) or H).
    const Matrix dMha = b.norm == NormPlacement::Post
                            ? normBackward(r.attentionSum, r.ln1, b.ln1, dMid, g.ln1)
                            : dMid;
    Matrix dH = b.residual ? dMha : Matrix::Zero(n, d);
    g.attention.wo += r.concat.transpose() * dMha;
    addColumnSums(g.attention.bo, dMha);
    const Matrix dConcat = dMha * b.attention.wo.transpose();
    const Matrix& in = b.norm == NormPlacement::Pre ? r.ln1.output : r.input;
    const Matrix dIn = headsBackward(m, l, r, in, dConcat, g.attention);
    dH += b.norm == NormPlacement::Pre ? normBackward(r.input, r.ln1, b.ln1, dIn, g.ln1) : dIn;
    return dH;
}

/// The loss of each target row and dL/dlogits (softmax − one-hot on those rows, 0 elsewhere).
LossSum lossAndSlope(const ModelResult& r, const std::vector<int>& targets, Matrix* dLogits)
{
    LossSum sum;
    if (dLogits)
        *dLogits = Matrix::Zero(r.logits.rows(), r.logits.cols());
    for (Eigen::Index i = 0; i < r.logits.rows() && i < Eigen::Index(targets.size()); ++i) {
        const int t = targets[i];
        if (t < 0 || t >= r.logits.cols())
            continue;
        const auto row = r.logits.row(i);
        Eigen::Index best = 0;
        const Real top = row.maxCoeff(&best);
        const Real lse = top + std::log((row.array() - top).exp().sum());
        sum.loss += lse - row(t);
        sum.count += 1;
        sum.correct += best == t ? 1 : 0;
        if (dLogits) {
            dLogits->row(i) = (row.array() - lse).exp().matrix();
            (*dLogits)(i, t) -= 1;
        }
    }
    return sum;
}

void appendNorm(std::vector<std::span<Real>>& out, LayerNormParams& ln)
{
    out.emplace_back(ln.gain.data(), ln.gain.size());
    out.emplace_back(ln.bias.data(), ln.bias.size());
}

template <typename M> void append(std::vector<std::span<Real>>& out, M& matrix)
{
    if (matrix.size() > 0)
        out.emplace_back(matrix.data(), matrix.size());
}

} // namespace

std::string untrainableReason(const Model& m)
{
    if (m.hasEncoder())
        return "an encoder–decoder session cannot be trained";
    if (m.vocabulary.empty() || m.unembedding == UnembeddingKind::None)
        return "training needs a vocabulary and an unembedding: the next token is what it learns";
    if (m.settings.score != ScoreKind::ScaledDot && m.settings.score != ScoreKind::Dot)
        return "score: training covers scaled_dot and dot, not " +
               std::string(toString(m.settings.score));
    if (m.settings.normalizer != NormalizerKind::Softmax)
        return "normalizer: training covers softmax, not " +
               std::string(toString(m.settings.normalizer));
    return {};
}

std::vector<std::span<Real>> parameters(Model& m)
{
    std::vector<std::span<Real>> out;
    append(out, m.vocabulary.empty() ? m.embeddings : m.tokenEmbeddings);
    if (m.settings.positional.kind == PeKind::Learned)
        append(out, m.learnedPositions);
    for (Block& b : m.layers) {
        AttentionWeights& a = b.attention;
        for (int h = 0; h < m.heads(); ++h) {
            for (Matrix* w : {&a.wq[h], &a.wk[h], &a.wv[h]})
                append(out, *w);
            for (RowVector* bias : {&a.bq[h], &a.bk[h], &a.bv[h]})
                append(out, *bias);
        }
        append(out, a.wo);
        append(out, a.bo);
        if (b.norm != NormPlacement::None) {
            appendNorm(out, b.ln1);
            if (b.ffn)
                appendNorm(out, b.ln2);
        }
        if (b.ffn)
            for (auto* w : {&b.ffn->w1, &b.ffn->w2})
                append(out, *w);
        if (b.ffn)
            for (auto* bias : {&b.ffn->b1, &b.ffn->b2})
                append(out, *bias);
    }
    if (m.finalNorm)
        appendNorm(out, *m.finalNorm);
    if (m.unembedding == UnembeddingKind::Matrix)
        append(out, m.unembeddingMatrix);
    if (m.unembedding != UnembeddingKind::None)
        append(out, m.unembeddingBias);
    return out;
}

Model zeroGradient(const Model& model)
{
    Model g = model;
    g.encoder.clear();
    for (std::span<Real> p : parameters(g))
        std::fill(p.begin(), p.end(), 0.0);
    return g;
}

LossSum lossOf(const ModelResult& r, const std::vector<int>& targets)
{
    return lossAndSlope(r, targets, nullptr);
}

LossSum accumulateGradient(const Model& m, const ModelResult& r, const std::vector<int>& targets,
                           Model& g)
{
    Matrix dLogits; // n × V
    const LossSum sum = lossAndSlope(r, targets, &dLogits);
    Matrix dFinal; // n × d_model
    if (m.unembedding == UnembeddingKind::Tied) {
        g.tokenEmbeddings += dLogits.transpose() * r.final;
        dFinal = dLogits * m.tokenEmbeddings;
    } else {
        g.unembeddingMatrix += r.final.transpose() * dLogits;
        dFinal = dLogits * m.unembeddingMatrix.transpose();
    }
    addColumnSums(g.unembeddingBias, dLogits);
    const Matrix& last = r.blocks.back().output;
    Matrix d =
        m.finalNorm ? normBackward(last, r.finalNorm, *m.finalNorm, dFinal, *g.finalNorm) : dFinal;
    for (int l = m.layerCount() - 1; l >= 0; --l)
        d = blockBackward(m, l, r.blocks[l], d, g.layers[l]);
    // d is dL/dH_0, H_0 = X + P.
    if (m.vocabulary.empty()) {
        g.embeddings += d;
    } else {
        const std::vector<int> ids = m.tokenIds();
        for (int i = 0; i < m.n(); ++i)
            g.tokenEmbeddings.row(ids[i]) += d.row(i);
    }
    if (m.settings.positional.kind == PeKind::Learned)
        g.learnedPositions.topRows(m.n()) += d;
    return sum;
}

} // namespace attn

#include "sessionedit.h"

#include "positionalencoding.h"

namespace attn {
namespace {

std::string headTag(const char* name, int head) { return std::string(name) + "/" + std::to_string(head); }

const char* headName(MatrixKind kind)
{
    return kind == MatrixKind::WQ ? "W_Q" : kind == MatrixKind::WK ? "W_K" : "W_V";
}

/// Whether the session keeps a learned encoding or a custom mask (in use or not): with
/// zero tokens the matrix is empty, so its size alone does not tell.
bool keepsLearned(const Session& s)
{
    const Matrix& m = s.positional.learned;
    return s.positional.kind == PeKind::Learned || m.rows() > 0 || m.cols() > 0;
}
bool keepsCustomMask(const Session& s)
{
    return s.mask.kind == MaskKind::Custom || s.mask.custom.rows() > 0 || s.mask.custom.cols() > 0;
}

} // namespace

std::vector<Matrix>& headMatrices(Session& s, MatrixKind kind)
{
    return kind == MatrixKind::WQ ? s.wq : kind == MatrixKind::WK ? s.wk : s.wv;
}

Matrix& matrixOf(Session& s, MatrixRef ref)
{
    switch (ref.kind) {
    case MatrixKind::WQ:
    case MatrixKind::WK:
    case MatrixKind::WV:
        return headMatrices(s, ref.kind).at(ref.head);
    case MatrixKind::WO:
        return s.wo;
    case MatrixKind::AdditiveW:
        return s.additiveW;
    case MatrixKind::LearnedPE:
        return s.positional.learned;
    case MatrixKind::Embeddings:
        break;
    }
    return s.embeddings;
}

const Matrix& matrixOf(const Session& s, MatrixRef ref)
{
    return matrixOf(const_cast<Session&>(s), ref);
}

Matrix initialMatrix(const Session& s, MatrixRef ref, InitKind kind)
{
    switch (ref.kind) {
    case MatrixKind::WQ:
    case MatrixKind::WK:
    case MatrixKind::WV:
        return initialise(kind, s.dModel, s.dK(), s.seed, headTag(headName(ref.kind), ref.head));
    case MatrixKind::WO:
        return initialise(kind, s.dModel, s.dModel, s.seed, "W_O");
    case MatrixKind::AdditiveW: {
        Matrix w(s.heads, s.dK());
        for (int h = 0; h < s.heads; ++h)
            w.row(h) = initialise(kind, 1, s.dK(), s.seed, headTag("additive_w", h));
        return w;
    }
    case MatrixKind::LearnedPE:
        if (kind == InitKind::XavierUniform)
            return sinusoidalEncoding(s.n(), s.dModel, 10000);
        return initialise(kind, s.n(), s.dModel, s.seed, "positional");
    case MatrixKind::Embeddings:
        break;
    }
    if (kind != InitKind::XavierUniform)
        return initialise(kind, s.n(), s.dModel, s.seed, "embeddings");
    Matrix x(s.n(), s.dModel);
    for (int i = 0; i < s.n(); ++i)
        x.row(i) = tokenEmbedding(s.tokens[i], s.dModel, s.seed);
    return x;
}

void deriveMissing(Session& s, MatrixKind kind)
{
    switch (kind) {
    case MatrixKind::WQ:
    case MatrixKind::WK:
    case MatrixKind::WV: {
        auto& list = headMatrices(s, kind);
        list.clear();
        for (int h = 0; h < s.heads; ++h)
            list.push_back(initialMatrix(s, {kind, h}, InitKind::XavierUniform));
        return;
    }
    case MatrixKind::WO:
        s.wo = Matrix::Identity(s.dModel, s.dModel);
        return;
    default:
        matrixOf(s, {kind, 0}) = initialMatrix(s, {kind, 0}, InitKind::XavierUniform);
    }
}

Session withTokens(Session s, std::vector<std::string> tokens)
{
    const Session old = s;
    s.tokens = std::move(tokens);
    const int n = s.n();
    s.embeddings.resize(n, s.dModel);
    for (int i = 0; i < n; ++i) {
        const auto it = std::find(old.tokens.begin(), old.tokens.end(), s.tokens[i]);
        s.embeddings.row(i) = it != old.tokens.end()
                                  ? RowVector(old.embeddings.row(it - old.tokens.begin()))
                                  : tokenEmbedding(s.tokens[i], s.dModel, s.seed);
    }
    const int keep = std::min(n, old.n());
    if (keepsLearned(old)) {
        s.positional.learned = sinusoidalEncoding(n, s.dModel, s.positional.base);
        s.positional.learned.topRows(keep) = old.positional.learned.topRows(keep);
    }
    if (keepsCustomMask(old)) {
        s.mask.custom = MaskMatrix::Ones(n, n);
        s.mask.custom.topLeftCorner(keep, keep) = old.mask.custom.topLeftCorner(keep, keep);
    }
    return s;
}

Session withDModel(Session s, int dModel)
{
    s.dModel = dModel;
    s.embeddings = initialMatrix(s, {MatrixKind::Embeddings}, InitKind::XavierUniform);
    for (MatrixKind kind : {MatrixKind::WQ, MatrixKind::WK, MatrixKind::WV, MatrixKind::WO,
                            MatrixKind::AdditiveW})
        deriveMissing(s, kind);
    if (keepsLearned(s))
        s.positional.learned = sinusoidalEncoding(s.n(), dModel, s.positional.base);
    return s;
}

Session withHeads(Session s, int heads)
{
    s.heads = heads;
    for (MatrixKind kind : {MatrixKind::WQ, MatrixKind::WK, MatrixKind::WV, MatrixKind::AdditiveW})
        deriveMissing(s, kind);
    return s;
}

Session withSeed(Session s, std::uint64_t seed)
{
    s.seed = seed;
    s.embeddings = initialMatrix(s, {MatrixKind::Embeddings}, InitKind::XavierUniform);
    for (MatrixKind kind : {MatrixKind::WQ, MatrixKind::WK, MatrixKind::WV, MatrixKind::AdditiveW})
        deriveMissing(s, kind);
    return s;
}

} // namespace attn

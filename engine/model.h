#pragma once
// A whole transformer (session v2, docs/file-formats.md): a stack of blocks around the
// attention of a v1 session, a vocabulary and the prediction of the next token. Always
// complete (every weight present); reading a file fills what it leaves out from the seed.

#include "session.h"
#include "types.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attn {

enum class NormPlacement
{
    None,
    Pre,
    Post
};
enum class Activation
{
    Gelu,
    GeluTanh,
    Relu
};
enum class UnembeddingKind
{
    None,
    Tied,
    Matrix
};

std::string_view toString(NormPlacement placement);
std::string_view toString(Activation activation);
std::optional<NormPlacement> parseNormPlacement(std::string_view name);
std::optional<Activation> parseActivation(std::string_view name);

/// LN(x) = (x − mean(x)) / √(var(x) + eps) ⊙ gain + bias, per row.
template <typename Scalar> struct BasicLayerNormParams
{
    RowVectorOf<Scalar> gain; ///< d_model
    RowVectorOf<Scalar> bias; ///< d_model
    Real eps = 1e-5;
};

/// FFN(M) = act(M · W_1 + b_1) · W_2 + b_2.
template <typename Scalar> struct BasicFeedForward
{
    MatrixOf<Scalar> w1;    ///< d_model × d_ff
    RowVectorOf<Scalar> b1; ///< d_ff
    MatrixOf<Scalar> w2;    ///< d_ff × d_model
    RowVectorOf<Scalar> b2; ///< d_model
    Activation activation = Activation::GeluTanh;

    int width() const { return static_cast<int>(w1.cols()); }
};

template <typename Scalar> struct BasicAttentionWeights
{
    std::vector<MatrixOf<Scalar>> wq, wk, wv;    ///< heads matrices of d_model × d_k
    std::vector<RowVectorOf<Scalar>> bq, bk, bv; ///< heads vectors of d_k
    MatrixOf<Scalar> wo;                         ///< d_model × d_model
    RowVectorOf<Scalar> bo;                      ///< d_model
    Matrix additiveW; ///< heads × d_k, for the additive score (a setting: always double)
};

/// A decoder block's attention over the encoder's output (an encoder–decoder session):
/// Q from the block, K and V from the encoder's final state.
template <typename Scalar> struct BasicCrossAttention
{
    BasicAttentionWeights<Scalar> attention;
    BasicLayerNormParams<Scalar> norm; ///< LN_c, used when the block's norm is not None
};

template <typename Scalar> struct BasicBlock
{
    bool residual = true;
    NormPlacement norm = NormPlacement::None;
    BasicAttentionWeights<Scalar> attention;
    BasicLayerNormParams<Scalar> ln1; ///< used when norm is not None
    BasicLayerNormParams<Scalar> ln2; ///< used when norm is not None and there is an FFN
    /// Between self-attention and the FFN, in every block of a model with an encoder.
    std::optional<BasicCrossAttention<Scalar>> cross;
    std::optional<BasicFeedForward<Scalar>> ffn;
};

using LayerNormParams = BasicLayerNormParams<Real>;
using FeedForward = BasicFeedForward<Real>;
using AttentionWeights = BasicAttentionWeights<Real>;
using Block = BasicBlock<Real>;
using CrossAttention = BasicCrossAttention<Real>;

/// Upper bound on blocks, so that a typo cannot ask for gigabytes.
inline constexpr int kMaxLayers = 128;
/// Upper bound on the weights of a session file's model, checked before any is derived from
/// the seed: 2²⁶, what a v1 session of d_model 4096 may already ask for. A file of 256 MB
/// holds far fewer written out; real checkpoints are not read from session files.
inline constexpr double kMaxModelNumbers = 67108864;
/// Upper bound on the numbers a pass of a session file's model keeps (2²⁸, 2 GB in double):
/// every head's n × n matrices of every block, the FFN's, the logits.
inline constexpr double kMaxModelResultNumbers = 268435456;
/// Upper bound on the vocabulary (GPT-2 has 50 257).
inline constexpr int kMaxVocabulary = 1 << 18;

/// A model whose weights are in Scalar: Model (double) is what files, lessons and editors
/// use; FloatModel what a checkpoint's pass runs on (castModel() converts).
template <typename Scalar> struct BasicModel
{
    using Matrix = MatrixOf<Scalar>;
    using RowVector = RowVectorOf<Scalar>;

    /// Tokens, sizes, seed and the attention settings every block shares (score,
    /// temperature, mask, normaliser, positional kind and base). Its embeddings, learned
    /// encoding and weights are left empty: the model keeps its own below.
    Session settings;
    std::vector<std::string> vocabulary; ///< V strings; empty: no vocabulary
    /// V strings shown and dumped for the vocabulary's entries: GPT-2's decoded pieces
    /// (" world" for "Ġworld"). Empty: the entries themselves.
    std::vector<std::string> tokenText;
    Matrix tokenEmbeddings;  ///< V × d_model, with a vocabulary
    Matrix embeddings;       ///< n × d_model, without a vocabulary (as v1)
    Matrix learnedPositions; ///< at least n × d_model, rows 0 … n − 1 used
    std::vector<BasicBlock<Scalar>> layers;
    std::optional<BasicLayerNormParams<Scalar>> finalNorm;
    UnembeddingKind unembedding = UnembeddingKind::None;
    Matrix unembeddingMatrix;                ///< d_model × V, when unembedding is Matrix
    RowVector unembeddingBias;               ///< V (zeros when absent)
    std::vector<std::pair<int, int>> ablate; ///< [block, head], 0-based, whose Z is 0
    /// [block, head] of the blocks' cross-attention (an encoder–decoder session) whose Z is
    /// 0; the encoder's own heads are the encoder's `ablate`.
    std::vector<std::pair<int, int>> crossAblate;
    std::string trainingJson; ///< the file's "training" object, kept as it was read ("" if none)
    /// A model opened from a GPT-2 folder (gpt2/gpt2folder.h): the folder's absolute path
    /// and the text its tokens come from. Such a model saves as a reference to the folder.
    std::string folder;
    std::string text;
    /// The encoder of an encoder–decoder session (at most one): a model of its own tokens,
    /// blocks and final norm, with this model's sizes and score, and no unembedding. This
    /// model is then the decoder, and each of its blocks attends to the encoder's output.
    std::vector<BasicModel> encoder;

    int n() const { return settings.n(); }
    int dModel() const { return settings.dModel; }
    int heads() const { return settings.heads; }
    int dK() const { return settings.dK(); }
    int layerCount() const { return static_cast<int>(layers.size()); }
    int vocabularySize() const { return static_cast<int>(vocabulary.size()); }
    bool hasEncoder() const { return !encoder.empty(); }
    bool isAblated(int block, int head) const;
    bool isCrossAblated(int block, int head) const;
    /// What vocabulary entry id shows as (tokenText's, or the entry itself).
    const std::string& shownToken(int id) const;
    /// The tokens as shown: each one's text (the tokens themselves without a vocabulary).
    std::vector<std::string> shownTokens() const;
    /// Index in the vocabulary of each token (empty without a vocabulary).
    std::vector<int> tokenIds() const;
};

using Model = BasicModel<Real>;
using FloatModel = BasicModel<float>;

/// The same model with every weight converted to To (rounded to nearest for float).
template <typename To, typename From> BasicModel<To> castModel(const BasicModel<From>& model);

/// Throws SessionError naming the field when the model breaks the format's rules.
void validate(const Model& model);

/// The v2 equivalent of a v1 session: one block, no residual, no norm, no FFN, no vocabulary.
Model modelFromSession(const Session& session);

/// A block of the model's sizes with every weight derived from the seed (W_O the identity,
/// biases 0, gains 1), the given structure, and an FFN of width dFf (0: none). `part`
/// prefixes the streams ("encoder/" for an encoder's blocks, whose block 0 must not draw
/// v1's streams as the decoder's does).
Block derivedBlock(const Session& settings, int index, bool residual, NormPlacement norm, int dFf,
                   Activation activation, const std::string& part = {});

/// Cross-attention of block `index` with weights derived from the seed, as derivedBlock's.
CrossAttention derivedCrossAttention(const Session& settings, int index);

} // namespace attn

#pragma once
// Edits of a whole transformer (model.h): which matrices a user may change, where each
// lives, and the structural edits of the input panel (blocks, norm, FFN, residual,
// ablation). Pure functions, model in, model out; the document wraps each in an undo step.

#include "model.h"
#include "session.h"
#include "sessionedit.h"

#include <Eigen/Core>
#include <optional>
#include <vector>

namespace attn {

/// Every editable matrix of a model. Vectors (biases, gains) are matrices of one row.
enum class ModelMatrix
{
    Embeddings,      ///< n × d_model, without a vocabulary
    TokenEmbeddings, ///< V × d_model, with a vocabulary
    LearnedPositions,
    WQ,
    WK,
    WV, ///< per head: d_model × d_k
    BQ,
    BK,
    BV,        ///< per head: 1 × d_k
    WO,        ///< d_model × d_model
    BO,        ///< 1 × d_model
    AdditiveW, ///< heads × d_k
    Ln1Gain,
    Ln1Bias,
    Ln2Gain,
    Ln2Bias, ///< 1 × d_model
    W1,      ///< d_model × d_ff
    B1,      ///< 1 × d_ff
    W2,      ///< d_ff × d_model
    B2,      ///< 1 × d_model
    FinalGain,
    FinalBias,       ///< 1 × d_model
    Unembedding,     ///< d_model × V, when the unembedding is a matrix of its own
    UnembeddingBias, ///< 1 × V
};

struct ModelMatrixRef
{
    ModelMatrix kind = ModelMatrix::Embeddings;
    int block = 0; ///< 0-based, for the block's matrices
    int head = 0;  ///< for WQ … BV
    /// A decoder block's cross-attention (WQ … AdditiveW; Ln1Gain and Ln1Bias are LN_c's).
    bool cross = false;
    /// The encoder's matrix of this kind (an encoder–decoder session): its embeddings, its
    /// blocks' and its final norm's.
    bool encoder = false;

    bool operator==(const ModelMatrixRef&) const = default;
};

using MatrixMap = Eigen::Map<Matrix>;
using ConstMatrixMap = Eigen::Map<const Matrix>;

/// A v1 matrix of block's attention view (attentionview.h) as the model's: W_Q, W_K, W_V,
/// W_O, additive_w and the learned encoding. None for the embeddings: the view's X is the
/// block's input, which is computed, not a weight.
std::optional<ModelMatrixRef> modelRef(MatrixRef ref, int block);

/// True when the model has this matrix (an FFN's weights only with an FFN, …).
bool hasMatrix(const Model& model, ModelMatrixRef ref);
/// The matrix itself, in place. ref must exist (hasMatrix).
MatrixMap modelMatrix(Model& model, ModelMatrixRef ref);
ConstMatrixMap modelMatrix(const Model& model, ModelMatrixRef ref);
/// Every matrix the model has: the embeddings, then block by block (each cross-attention
/// after its block's self-attention), then the final norm and the unembedding, then an
/// encoder's matrices.
std::vector<ModelMatrixRef> modelMatrices(const Model& model);
/// The first block a change of ref changes: its block for a block's weights, the number of
/// blocks for the final norm and the unembedding, −1 for the embeddings, the learned
/// encoding (the pass from its input: X + P changes too) and every matrix of an encoder.
int firstBlockChanged(const Model& model, ModelMatrixRef ref);

/// count blocks: later ones dropped, new ones with the last one's structure and weights
/// derived from the seed.
Model withLayerCount(Model model, int count);
/// Every block's norm placement (a gain of 1 and a bias of 0 where there were none).
Model withNorm(Model model, NormPlacement norm);
/// Every block's FFN of width dFf (0: none). A width that changes derives the FFN's weights
/// from the seed; the same width keeps them.
Model withFfnWidth(Model model, int dFf);
/// Every FFN's activation.
Model withActivation(Model model, Activation activation);
/// Every block's residual connection.
Model withResidual(Model model, bool residual);
/// Head (block, head) switched off (its Z is 0) or on.
Model withAblation(Model model, int block, int head, bool off);
/// The same, of an ablation list ([block, head] pairs, sorted).
std::vector<std::pair<int, int>> withAblation(std::vector<std::pair<int, int>> ablate, int block,
                                              int head, bool off);
/// The model with the settings every block shares taken from settings: title, tokens,
/// positional encoding, score, temperature, mask and normaliser. New tokens get
/// embeddings from the seed (without a vocabulary). Throws SessionError naming the field
/// when d_model, heads or the seed differ, or a token is not in the vocabulary.
Model withSettings(Model model, const Session& settings);

} // namespace attn

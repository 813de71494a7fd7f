#pragma once
// The parts of a block's pass (engine/modelresult.h) that the block steps of the pipeline and
// the walkthrough show, picked out of the engine's result, and their numbers written out as
// text. Nothing here computes a norm, an FFN or a logit: every value printed after "=" is the
// engine's.

#include "figuredata.h"
#include "model.h"
#include "modelresult.h"
#include "session.h"

#include <QString>
#include <QVector>

namespace av {

/// Which layer norm of the model: a block's first or second, or the final one.
enum class NormSite
{
    Ln1,
    Ln2,
    Final
};

/// What one layer norm read and wrote. Null when the model has no such norm.
struct NormParts
{
    const attn::Matrix* input = nullptr; ///< n × d_model, the x the norm read
    const attn::LayerNormResult* result = nullptr;
    const attn::LayerNormParams* params = nullptr;

    bool present() const { return input && result && params && !result->empty(); }
};

/// Pre-norm: LN1 reads H_l, LN2 reads M; post-norm: LN1 reads (H_l +) MHA, LN2 (M +) FFN;
/// the final norm reads the last block's output. `block` is ignored for Final.
NormParts normParts(const attn::Model& model, const attn::ModelResult& result, int block,
                    NormSite site);

/// "LN1", "LN2", "LN_f" as rich text.
QString normSymbol(NormSite site);
/// The activation's formula in x, rich text: "GELU(x) = x · Φ(x) = ½x(1 + erf(x / √2))".
QString activationFormula(attn::Activation activation);
/// True when any of the block's attention biases (b_Q, b_K, b_V, b_O) is not zero.
bool hasAttentionBiases(const attn::Block& block);
/// The vocabulary's strings of ids, for the columns of the logits.
QStringList vocabularyLabels(const attn::Model& model, const QVector<int>& ids);
/// The ids of token i's most probable next tokens, most probable first (empty without an
/// unembedding).
QVector<int> topIds(const attn::ModelResult& result, int token);

/// n × 2: each row's μ and σ² (rows: the tokens of view).
HeatmapData normStatsFigure(const NormParts& norm, const attn::Session& view);
/// n × k: the logits of every token in the columns of token's top-k next tokens.
HeatmapData logitsFigure(const attn::Model& model, const attn::ModelResult& result, int token,
                         const attn::Session& view);
/// 1 × k: token's probabilities of its top-k next tokens, range 0 … 1.
HeatmapData probabilitiesFigure(const attn::Model& model, const attn::ModelResult& result,
                                int token);

/// "μ = (x₁ + … + x_d) / d = …" and "σ² = ((x₁ − μ)² + …) / d = …" for row i, the terms
/// shortened when long, the results the engine's.
QString normMeanText(const NormParts& norm, int row);
QString normVarianceText(const NormParts& norm, int row);
/// "(x − μ) / √(σ² + ε) × γ + β = (0.30 − 0.12) / √(0.04 + 1e−05) × 1.00 + 0.00 = 0.894".
QString normEntryText(const NormParts& norm, int row, int col);

/// Entry (row, col) of FFN's first layer, "m · W₁[:, j] + b₁ⱼ = … = value".
QString ffnPreText(const attn::Block& block, const attn::BlockResult& r, const attn::Matrix& in,
                   int row, int col);
/// Entry (row, col) of the activation, "GELU(0.53) = 0.37".
QString ffnActivationText(const attn::Block& block, const attn::BlockResult& r, int row, int col);
/// Entry (row, col) of FFN's second layer, "g · W₂[:, c] + b₂c = … = value".
QString ffnOutputText(const attn::Block& block, const attn::BlockResult& r, int row, int col);
/// a + b = sum, for a residual sum written out: the three values as given.
QString sumText(double a, double b, double sum);
/// Logit of token i for vocabulary entry id: h_f · u + b = … = value.
QString logitText(const attn::Model& model, const attn::ModelResult& result, int row, int id);
/// "exp(logit − log Σ exp) = … = p", for token i's entry id (the engine's p when id is in
/// its top k; otherwise only the formula with the logit).
QString probabilityText(const attn::ModelResult& result, int row, int id);

} // namespace av

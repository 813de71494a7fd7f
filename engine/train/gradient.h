#pragma once
// The exact gradient of a model's next-token loss (docs/training.md): backpropagation
// through every block from the intermediates a pass keeps (modelresult.h), in double.

#include "model.h"
#include "modelresult.h"

#include <span>
#include <string>
#include <vector>

namespace attn {

/// What a pass scores against its targets.
struct LossSum
{
    Real loss = 0;   ///< Σ over the target positions of −ln p(target)
    int count = 0;   ///< target positions
    int correct = 0; ///< of them, those whose most probable token is the target
};

/// Why `model` cannot be trained ("" if it can): training covers the scaled-dot and dot
/// scores, softmax, every mask, positional encoding, norm placement, activation and
/// unembedding, but not cosine or additive scores, relu normalisation or an encoder.
std::string untrainableReason(const Model& model);

/// Every trainable number of `model`, as spans in a fixed order: the same order for any two
/// models of one shape (so that a gradient, Adam's moments and the weights line up). Fixed
/// parts (a sinusoidal encoding, the unused norms of a block without them) are left out.
std::vector<std::span<Real>> parameters(Model& model);

/// A model of model's shape whose every parameter is 0: where gradients accumulate.
Model zeroGradient(const Model& model);

/// Adds to `grad` (zeroGradient's shape) d/dθ of Σ_i −ln softmax(logits_i)[targets_i] over
/// the positions i whose targets_i ≥ 0, for the pass r of model (its logits are needed), and
/// returns that sum. targets has one entry per token.
LossSum accumulateGradient(const Model& model, const ModelResult& r,
                           const std::vector<int>& targets, Model& grad);

/// The loss of a pass alone, as accumulateGradient counts it.
LossSum lossOf(const ModelResult& r, const std::vector<int>& targets);

} // namespace attn

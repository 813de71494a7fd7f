#pragma once
// One block of a model seen as a v1 attention layer: the figures made for v1 (heatmaps of
// each head, the output) show a block's attention through it, without computing anything.

#include "forwardresult.h"
#include "model.h"
#include "modelresult.h"
#include "session.h"

namespace attn {

struct AttentionView
{
    Session session;      ///< the model's settings with block's weights, X = the block's input
    ForwardResult result; ///< xIn: what the heads read (LN1(H_l) for pre-norm); output: MHA
};

/// Copies of block (0-based) of a computed model.
AttentionView attentionView(const Model& model, const ModelResult& result, int block);

} // namespace attn

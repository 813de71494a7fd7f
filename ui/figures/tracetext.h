#pragma once

#include "model.h"
#include "modelresult.h"
#include "pipelinesteps.h"
#include "session.h"
#include "trace.h"

#include <QString>

namespace av {

/// How A_ij came about, as rich text with the numbers of the trace: q_i, k_j, the score,
/// its scaling, the temperature, exp, the row sum and the weight.
QString describeTrace(const attn::WeightTrace& trace, const attn::Session& session);

/// How cell (row, col) of a block step (step.cell is not None) of block `block` came about,
/// as rich text with the engine's numbers: a norm's mean, variance and entry, a residual sum,
/// an FFN entry as its sum of products, a logit, a probability. Empty for BlockCell::None.
QString describeBlockCell(const attn::Model& model, const attn::ModelResult& result, int block,
                          const PipelineStep& step, int row, int col);

} // namespace av

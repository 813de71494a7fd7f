#pragma once
// Session v2 and dump v2 files (docs/file-formats.md), written.

#include "model.h"
#include "modelresult.h"

#include <string>

namespace attn {

/// Session v2 text with every weight written out.
std::string writeModelSession(const Model& model);

/// Dump v2 text: every intermediate of every block, the final state and the top-k
/// predictions. Refuses numbers JSON cannot hold as writeDump does (dumpwriter.h).
/// For double and float (the numbers as computed, written to round-trip).
template <typename Scalar>
std::string writeModelDump(const BasicModel<Scalar>& model, const BasicModelResult<Scalar>& result);

} // namespace attn

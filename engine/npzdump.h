#pragma once
// --dump-npz (docs/file-formats.md): the dump's matrices as a NumPy .npz archive, named by
// their paths in the JSON dump ("layers.3.head_results.5.weights", "X", "final").

#include "forwardresult.h"
#include "model.h"
#include "modelresult.h"
#include "session.h"

#include <string>

namespace attn {

/// Dump v2's matrices. Throws SessionError naming the entry at a NaN (nothing written), and
/// NpzError (npzwriter.h) when the file cannot be written; the file is then left as it was.
/// In float32 or float64 as computed.
template <typename Scalar>
void writeModelNpz(const std::string& path, const BasicModel<Scalar>& model,
                   const BasicModelResult<Scalar>& result);

/// Dump v1's matrices, for a v1 session.
void writeSessionNpz(const std::string& path, const Session& session, const ForwardResult& result);

} // namespace attn

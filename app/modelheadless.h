#pragma once
// --headless for a version 2 session (a whole transformer): dump v2, npz, session v2 and the
// per-head figures of the block --layer names.

#include "model.h"

namespace av {

struct CommandLine;

/// As runHeadless (headless.h), for a model. Returns the exit status.
int runModelHeadless(const CommandLine& cmd, const attn::Model& model);

} // namespace av

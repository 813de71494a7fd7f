#pragma once
// The demonstrations' computations (engine/demos.h) with their settings bound, for
// DemoPass to schedule. head is 0-based; the engine clamps it to the session's heads.

#include "demopass.h"
#include "demos.h"

#include <vector>

namespace av {

/// attn::MasksDemo: full, causal and window masks (3 passes).
DemoPass::Request masksDemoPass(int radius, int head);
/// attn::ShuffleDemo: the shuffle check without and with an encoding (4 passes).
DemoPass::Request shuffleDemoPass(std::vector<int> permutation, int head);
/// attn::CompareDemo: the preset's two settings and their difference (2 passes).
DemoPass::Request compareDemoPass(attn::ComparePreset preset, int head);

} // namespace av

#pragma once
// --train TASK --headless (docs/command-line.md): trains the session's model, or the
// task's default model without one, printing step, loss and accuracy on standard error,
// then writes what the other options ask for (--save-session, --export, dumps) of the
// trained model.

namespace av {

struct CommandLine;

/// Returns the exit status: 0 done, 1 a write failed, 2 bad input or a run that diverged
/// (nothing written then).
int runTrainHeadless(const CommandLine& cmd);

} // namespace av

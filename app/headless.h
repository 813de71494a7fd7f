#pragma once

namespace av {

struct CommandLine;

/// Runs --headless: builds the session, computes, writes what was asked, returns the exit
/// status of docs/command-line.md (0 done, 1 a write failed, 2 bad input, nothing written).
int runHeadless(const CommandLine& cmd);

} // namespace av

#pragma once
// The command line's options of version 2 (docs/command-line.md, "Transformers").

#include <QString>

class QCommandLineParser;

namespace av {

struct CommandLine;

/// --layers, --norm, --ffn, --residual, --ablate, --layer and --top-k into cmd. Returns
/// false with a message naming the option when a value is bad.
bool parseModelOptions(const QCommandLineParser& parser, CommandLine& cmd, QString& error);

} // namespace av

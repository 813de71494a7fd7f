#pragma once
// The command line's options of version 2 (docs/command-line.md, "Transformers").

#include <QString>
#include <optional>

class QCommandLineParser;

namespace av {

struct CommandLine;

/// The option's whole number in [lo, hi] into out when it is given; false with a message
/// naming the option otherwise (commandline.cpp).
bool parseInt(const QCommandLineParser& parser, const QString& name, int lo, int hi,
              std::optional<int>& out, QString& error);

/// --layers, --norm, --ffn, --residual, --ablate, --layer, --top-k and --precision into cmd.
/// Returns false with a message naming the option when a value is bad.
bool parseModelOptions(const QCommandLineParser& parser, CommandLine& cmd, QString& error);

} // namespace av

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

/// The option's number, finite and > 0, into out when it is given (commandline.cpp).
bool parsePositive(const QCommandLineParser& parser, const QString& name,
                   std::optional<double>& out, QString& error);

/// --train, --steps, --batch and --learning-rate into cmd.
bool parseTrainOptions(const QCommandLineParser& parser, CommandLine& cmd, QString& error);

/// --layers, --norm, --ffn, --residual, --ablate, --layer, --top-k and --precision into cmd.
/// Returns false with a message naming the option when a value is bad.
bool parseModelOptions(const QCommandLineParser& parser, CommandLine& cmd, QString& error);

} // namespace av

#pragma once

#include "exporter.h"
#include "imagefile.h"
#include "modelreader.h"

#include <QString>
#include <functional>
#include <optional>
#include <string>

namespace av {

struct CommandLine;

inline constexpr int kDone = 0;
inline constexpr int kWriteFailed = 1;
inline constexpr int kBadInput = 2;

void printError(const QString& message);

/// Writes to a file atomically, or to standard output for "-".
QString writeOutput(const QString& path, const QByteArray& data);

/// The session's file as messages name it ("the default lesson" without one).
QString sourceName(const CommandLine& cmd);

/// What the command line opens: --model DIR (with --text), or the session file (the
/// default lesson without one), with the overrides. Throws attn::SessionError. Not --image:
/// its callers read it with readImageSession, since they need the image as well.
attn::AnySession readCommandLineSession(const CommandLine& cmd);

/// runHeadless without the last resort: an allocation that fails throws std::bad_alloc.
int runHeadlessOrThrow(const CommandLine& cmd);

/// Writes make()'s text to path (nothing for an empty path). A SessionError from make() (a
/// number a dump cannot hold) is printed with the file's name: kBadInput, nothing written.
/// Returns kDone, kBadInput or kWriteFailed, the message printed.
int writeText(const CommandLine& cmd, const QString& path,
              const std::function<std::string()>& make);

/// --dump-npz through write(path), with the same statuses.
int writeNpz(const CommandLine& cmd, const std::function<void(const std::string&)>& write);

/// --screenshot of the window showing session (nothing without --screenshot): kDone or
/// kWriteFailed, the message printed. A model shows block --layer; the image whose session
/// it is (--image), if any, in its picture view.
int writeScreenshot(const CommandLine& cmd, const attn::AnySession& session,
                    const std::optional<ImageSession>& image = std::nullopt);

/// --format, --dpi, --figure-width and --colormap.
ExportOptions exportOptions(const CommandLine& cmd);

/// Runs --headless: builds the session, computes, writes what was asked, returns the exit
/// status of docs/command-line.md (0 done, 1 a write failed, 2 bad input, nothing written).
int runHeadless(const CommandLine& cmd);

} // namespace av

#pragma once
// Session files on disk, on the Qt side: size checks before reading, the built-in
// lessons, and atomic writes.

#include "modelreader.h"
#include "sessionio.h"

#include <QString>
#include <QStringList>

class QByteArray;

namespace av {

/// Reads and parses a session file. Throws attn::SessionError "FILE: field: problem";
/// a file larger than attn::kMaxSessionBytes is refused before it is read.
attn::Session readSessionFile(const QString& path, const attn::SessionOverrides& overrides = {});

/// Reads a session file of either version (an empty path: the default lesson); the
/// overrides may make a v1 session a v2 one (attn::readAnySession).
attn::AnySession readAnySessionFile(const QString& path,
                                    const attn::SessionOverrides& overrides = {});

/// Opens a GPT-2 checkpoint folder (docs/gpt2.md), text tokenised by its tokeniser (a null
/// text: a short sentence). Of the overrides only the ablation applies (blocks and heads
/// from 0); the others are refused, since the folder fixes the sizes. Throws
/// attn::SessionError naming the file and field. A session that refers to a folder
/// (readAnySessionFile) takes the same overrides.
attn::Model readModelFolder(const QString& dir, const QString& text,
                            const attn::SessionOverrides& overrides = {});

/// The title of a session of either version.
const std::string& sessionTitle(const attn::AnySession& session);

/// The built-in lessons (resource paths, ":/lessons/…"), the worked example first.
QStringList lessonPaths();

/// The lesson the program opens on: the worked example "I love NLP".
attn::Session defaultLesson(const attn::SessionOverrides& overrides = {});

/// Writes data to path through QSaveFile: the old file stays whole until the new one is
/// complete. Returns an empty string, or a message naming the file and the reason.
QString writeFileAtomically(const QString& path, const QByteArray& data);

} // namespace av

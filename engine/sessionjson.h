#pragma once
// What the reader, the writer and the dump writer share: the format's names and the one
// step on the JSON document before it becomes a session. Internal to the engine's file code.

#include "jsonpath.h"
#include "sessionoverrides.h"

#include <string_view>

namespace attn {

inline constexpr std::string_view kSessionFormat = "attnviz-session";
inline constexpr std::string_view kDumpFormat = "attnviz-dump";
inline constexpr int kVersion = 1;
/// Session and dump v2: a whole transformer (model.h).
inline constexpr int kModelVersion = 2;

/// Command-line overrides act on the document before anything is derived: a changed size
/// drops the matrices that no longer fit, so they are derived again at the new size.
void applyOverrides(Json& doc, const SessionOverrides& overrides);

/// The format and version of a session document (1 or 2); throws SessionError otherwise.
int checkFormat(const Json& doc);

/// What v1 and v2 share: title, tokens, sizes, seed, positional encoding (its matrix only
/// when readLearned), score, temperature, normaliser and mask.
void readSettings(const Json& doc, Session& session, bool readLearned);

/// A v1 document (overrides applied) as a valid session; refuses a v2 one.
Session sessionFromJson(const Json& doc);

/// The "positional_encoding" and "mask" objects of both versions.
Json positionalJson(const PositionalEncoding& positional, const Matrix& learned);
Json maskJson(const MaskSpec& mask);

/// The document of a file, parsed with its size limit; throws SessionError naming where a
/// number is out of range or why the text is not JSON.
Json parseDocument(std::string_view text);

} // namespace attn

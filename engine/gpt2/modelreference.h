#pragma once
// Sessions that refer to a model folder (docs/gpt2.md, "Sessions of a model folder"): the
// folder's path, the text, the ablations and the cells edited, never a copy of the weights.
//
//   {"format": "attnviz-session", "version": 2, "title": "gpt2",
//    "model": {"path": "../models/gpt2"}, "text": "The cat sat",
//    "ablate": [[4, 0]],
//    "edits": [{"matrix": "W_Q", "block": 0, "head": 3, "row": 5, "col": 7, "value": 0.25}]}

#include "model.h"

#include <string>
#include <string_view>

namespace attn {

/// True when the session text is a JSON object with a "model" entry.
bool refersToModelFolder(std::string_view text);

/// Opens the folder ("model.path", relative to sessionPath's folder), tokenises "text",
/// applies "ablate" and "edits". Throws SessionError "SESSION: field: problem", or the
/// folder's own refusal ("SESSION: model.path: DIR: …"), or "the folder has gone".
Model readModelReference(std::string_view text, const std::string& sessionPath);

/// The session of a model opened from a folder (model.folder): the folder's path relative to
/// sessionDir (absolute when sessionDir is empty), the text, the ablations and every cell
/// that differs from the folder's weights, which are read again to compare. Throws
/// SessionError when the model's structure is not the folder's (blocks, norms, FFN).
std::string writeModelReference(const Model& model, const std::string& sessionDir);

} // namespace attn

#pragma once
// What the interface calls things: the kinds and the matrices, translated.

#include "initializers.h"
#include "model.h"
#include "modeledit.h"
#include "session.h"
#include "sessionedit.h"

#include <QString>
#include <QStringList>

namespace av {

QString kindName(attn::PeKind kind);
QString kindName(attn::ScoreKind kind);
QString kindName(attn::MaskKind kind);
QString kindName(attn::NormalizerKind kind);
QString kindName(attn::InitKind kind);

/// "X", "W_Q (head 2)", "W_O", …: heads are numbered from 1 on screen.
QString matrixName(attn::MatrixRef ref);

/// "Block 2 · W_Q (head 1)", "E (token embeddings)", "LN_f gain", …: blocks and heads are
/// numbered from 1 on screen.
QString modelMatrixName(attn::ModelMatrixRef ref);
QString kindName(attn::NormPlacement norm);
QString kindName(attn::Activation activation);

/// The tokens as labels for axes and table headers.
QStringList tokenLabels(const attn::Session& session);
/// A GPT-2 token's text as the window shows it: a leading space as ␣, a line break as ↵,
/// a tab as ⇥ (" world" → "␣world").
QString markedToken(const std::string& text);
/// A token (or vocabulary entry) of the model as the window shows it: GPT-2's as marked
/// text ("Ġworld" → "␣world"), others as they are.
QString tokenLabel(const attn::Model& model, const std::string& token);
/// The model's tokens as the window shows them: GPT-2's as marked text, others as they are.
std::vector<std::string> shownTokens(const attn::Model& model);
/// shownTokens as labels.
QStringList modelTokenLabels(const attn::Model& model);

/// "1" … "count": indices as labels, numbered from 1 as everything on screen.
QStringList indexLabels(int count);

} // namespace av

#pragma once
// An image file opened as a session whose tokens are its patches (engine/imagetokens.h):
// read with QImage (PNG, JPEG), turned into plain values for the engine.

#include "imagetokens.h"
#include "sessionio.h"

#include <QImage>
#include <QString>

namespace av {

struct ImageSession
{
    attn::Session session;
    attn::ImageTokens tokens;
    QImage image; ///< as read, RGB; the patches cover its top-left cols·P × rows·P pixels
};

/// path's patch × patch patches as a session v1: d_model 3·P², or overrides.dModel by a
/// seeded projection; heads, seed and the other overrides as for any session (heads 1
/// unless given). Throws attn::SessionError "FILE: problem" for a file that is not an
/// image Qt can read, or sizes that do not fit.
ImageSession readImageSession(const QString& path, int patch,
                              const attn::SessionOverrides& overrides = {});

} // namespace av

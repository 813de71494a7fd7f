#pragma once
// The picture view's figure (--image): the image with its patch grid, and the attention of
// one patch (the query) over every patch, one panel a head. Shared by export and the window.

#include "attention.h"
#include "imagetokens.h"
#include "session.h"

#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>

namespace av {

struct ImageAttentionFigure
{
    QString title; ///< "Attention of patch 12 (row 2, column 3)"
    QImage image;  ///< the patches' pixels: cols·P × rows·P
    int patch = 1;
    int cols = 0, rows = 0;
    int query = 0;          ///< 0-based, reading order
    QStringList headTitles; ///< "head 1 — most on r2c3 (0.41)"
    /// Per head: row query of A, one weight per patch in reading order.
    QVector<QVector<double>> weights;
};

/// query (0-based) clamped to the patches; one panel per head of the pass.
ImageAttentionFigure imageAttentionFigure(const attn::Session& session,
                                          const attn::ForwardResult& result, const QImage& image,
                                          const attn::ImageTokens& tokens, int query);

} // namespace av

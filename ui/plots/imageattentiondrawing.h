#pragma once
// ImageAttentionFigure drawn with QPainter, for export and the window: per head the image,
// scaled up without smoothing, with the patches the query attends to little dimmed (the
// more weight, the clearer), the patch grid, and the query patch framed in red.

#include "imagefigure.h"

#include <QPoint>
#include <QSize>

class QPainter;

namespace av {

/// The size of the figure width pixels wide (panels in rows of up to three).
QSize imageAttentionSize(const ImageAttentionFigure& figure, int width);
void paintImageAttention(QPainter& painter, const ImageAttentionFigure& figure, QSize size);
/// The patch (0-based, reading order) under pos in a figure drawn at size, or −1.
int imageAttentionPatchAt(const ImageAttentionFigure& figure, QSize size, const QPoint& pos);

} // namespace av

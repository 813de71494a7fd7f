#include "imageattentionview.h"

#include "imageattentiondrawing.h"

#include <QMouseEvent>
#include <QPainter>

namespace av {

ImageAttentionView::ImageAttentionView(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Click a patch to see its attention over the image"));
}

void ImageAttentionView::setData(ImageAttentionFigure figure)
{
    m_figure = std::move(figure);
    update();
}

int ImageAttentionView::patchAt(const QPoint& pos) const
{
    return imageAttentionPatchAt(m_figure, size(), pos);
}

void ImageAttentionView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paintImageAttention(painter, m_figure, size());
}

void ImageAttentionView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        if (const int patch = patchAt(event->position().toPoint()); patch >= 0)
            emit patchClicked(patch);
}

} // namespace av

#pragma once
// The picture view's widget: ImageAttentionFigure drawn at the widget's size; a click on a
// patch asks for that patch's attention. A pure view: it draws the figure it is given.

#include "imagefigure.h"

#include <QWidget>

namespace av {

class ImageAttentionView : public QWidget
{
    Q_OBJECT

public:
    explicit ImageAttentionView(QWidget* parent = nullptr);

    void setData(ImageAttentionFigure figure);
    const ImageAttentionFigure& data() const { return m_figure; }
    /// The patch (0-based) drawn at pos, or −1.
    int patchAt(const QPoint& pos) const;

    QSize sizeHint() const override { return {640, 420}; }
    QSize minimumSizeHint() const override { return {200, 160}; }

signals:
    void patchClicked(int patch);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    ImageAttentionFigure m_figure;
};

} // namespace av

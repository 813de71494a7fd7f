#pragma once
// Masks side by side on the document's session: full attention, causal attention as in
// GPT-2 (generating left to right, a token may not see the future), and a window as used
// for long speech input (each frame sees its neighbours only: cost n·(2r + 1), not n²).

#include "computeddemo.h"

class QLabel;
class QSpinBox;

namespace av {

class HeatmapPlot;

class MasksDemo : public ComputedDemo
{
    Q_OBJECT

public:
    explicit MasksDemo(Document* document, QWidget* parent = nullptr);

    /// 0: full, 1: causal, 2: window.
    HeatmapPlot* plot(int index) const { return m_plots[index]; }
    QString captionText(int index) const;
    QSpinBox* radiusBox() const { return m_radius; }

private:
    void request() override;
    void showResult() override;

    QSpinBox* m_radius;
    QSpinBox* m_head;
    HeatmapPlot* m_plots[3];
    QLabel* m_captions[3];
};

} // namespace av

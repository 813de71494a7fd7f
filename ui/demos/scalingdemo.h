#pragma once
// Why scores are divided by √d_k: q·k of random unit-variance vectors spreads as √d_k,
// and softmax over widely spread scores puts nearly all weight on one key. A slider sets
// d_k; the panel shows the scores' distribution, one row's weights and the saturation.

#include "demos.h"

#include <QWidget>
#include <vector>

class QLabel;
class QSlider;

namespace av {

class BarPlot;
class CurvePlot;

class ScalingDemo : public QWidget
{
    Q_OBJECT

public:
    explicit ScalingDemo(QWidget* parent = nullptr);

    int dK() const;
    void setDK(int dK);

    CurvePlot* histogramPlot() const { return m_histogram; }
    CurvePlot* saturationPlot() const { return m_saturation; }
    BarPlot* rowPlot() const { return m_row; }
    QString statisticsText() const;

private:
    void showDK();

    QSlider* m_slider;
    QLabel* m_value;
    QLabel* m_statistics;
    CurvePlot* m_histogram;
    CurvePlot* m_saturation;
    BarPlot* m_row;
    std::vector<attn::Saturation> m_saturationCurve; ///< at d_k = 1, 2, 4, …, 512
};

} // namespace av

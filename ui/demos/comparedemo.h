#pragma once
// Two settings of the document's session side by side (scaled or not, with or without a
// positional encoding, full or causal, softmax or ReLU) and the difference of their weights.

#include "computeddemo.h"

class QComboBox;
class QLabel;
class QSpinBox;

namespace av {

class HeatmapPlot;

class CompareDemo : public ComputedDemo
{
    Q_OBJECT

public:
    explicit CompareDemo(Document* document, QWidget* parent = nullptr);

    QComboBox* presetBox() const { return m_preset; }
    /// 0: the first setting, 1: the second, 2: their difference.
    HeatmapPlot* plot(int index) const { return m_plots[index]; }
    double maxDifference() const { return m_maxDifference; }
    QString summaryText() const;

private:
    void request() override;
    void showResult() override;

    QComboBox* m_preset;
    QSpinBox* m_head;
    QLabel* m_summary;
    HeatmapPlot* m_plots[3];
    double m_maxDifference = 0;
};

} // namespace av

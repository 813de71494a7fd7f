#pragma once
// Why sinusoids: PE(pos + k) = M_k · PE(pos) with one matrix M_k for every pos (a rotation
// in each sin/cos pair), so a fixed linear map can attend "k tokens back" anywhere.

#include <QWidget>

class QLabel;
class QSpinBox;

namespace av {

class CurvePlot;
class Document;
class HeatmapPlot;

class RelativePositionDemo : public QWidget
{
    Q_OBJECT

public:
    explicit RelativePositionDemo(Document* document, QWidget* parent = nullptr);

    QSpinBox* shiftBox() const { return m_shift; }
    QSpinBox* dModelBox() const { return m_dModel; }
    QSpinBox* positionBox() const { return m_position; }
    HeatmapPlot* mapPlot() const { return m_map; }
    CurvePlot* vectorPlot() const { return m_vectors; }
    double maxError() const { return m_maxError; }
    QString checkText() const;

private:
    void followDocument();
    void showShift();

    Document* m_document;
    QSpinBox* m_shift;
    QSpinBox* m_dModel;
    QSpinBox* m_position;
    QLabel* m_check;
    HeatmapPlot* m_map;
    CurvePlot* m_vectors;
    double m_maxError = 0;
};

} // namespace av

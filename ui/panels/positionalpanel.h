#pragma once
// The sinusoidal encoding: the sin/cos curves of chosen dimensions against position (the
// well-known figure of dimensions 6–9), and the whole encoding as a heatmap.

#include <QWidget>

class QLineEdit;
class QSpinBox;

namespace av {

class CurvePlot;
class Document;
class ExportController;
class HeatmapPlot;

class PositionalPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PositionalPanel(Document* document, QWidget* parent = nullptr);

    CurvePlot* curves() const { return m_curves; }
    HeatmapPlot* heatmap() const { return m_heatmap; }
    void setExportController(ExportController* controller);

private:
    void showDocument();

    Document* m_document;
    QSpinBox* m_positions;
    QLineEdit* m_dimensions;
    CurvePlot* m_curves;
    HeatmapPlot* m_heatmap;
};

} // namespace av

#pragma once
// Every step of the pass, in order, as labelled matrices with their formula and shape.

#include "heatmapplot.h"
#include "pipelinesteps.h"

#include <QVector>
#include <QWidget>

class QLabel;
class QScrollArea;
class QSpinBox;
class QVBoxLayout;

namespace av {

class Document;
class ExportController;
class HeatmapPlot;

class PipelinePanel : public QWidget
{
    Q_OBJECT

public:
    explicit PipelinePanel(Document* document, QWidget* parent = nullptr);

    struct Step
    {
        QLabel* caption;
        HeatmapPlot* plot;
    };
    const QVector<Step>& steps() const { return m_steps; }
    void setExportController(ExportController* controller) { m_export = controller; }

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void showDocument();
    void showStep(int index, const QString& caption, const HeatmapData& data);
    /// Gives the plots scrolled into view their new data. The others wait until they are:
    /// at GPT-2 sizes each step is 400 000 cells, and a frame cannot fill all 13.
    void drawVisibleSteps();

    Document* m_document;
    QSpinBox* m_head;
    QVBoxLayout* m_list;
    QScrollArea* m_scroll;
    QVector<Step> m_steps;
    QVector<PipelineStep> m_pipeline; ///< the steps shown, their formulas and what a hover explains
    QVector<HeatmapData> m_data;      ///< what each step shows, for its CSV
    QVector<bool> m_stale;            ///< the step's plot does not show m_data yet
    ExportController* m_export = nullptr;
};

} // namespace av

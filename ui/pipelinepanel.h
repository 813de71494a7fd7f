#pragma once
// Every step of the pass, in order, as labelled matrices with their formula and shape.

#include "heatmapplot.h"

#include <QVector>
#include <QWidget>

class QLabel;
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

private:
    void showDocument();
    void showStep(int index, const QString& caption, const HeatmapData& data);

    Document* m_document;
    QSpinBox* m_head;
    QVBoxLayout* m_list;
    QVector<Step> m_steps;
    QVector<HeatmapData> m_data; ///< what each step shows, for its CSV
    ExportController* m_export = nullptr;
};

} // namespace av

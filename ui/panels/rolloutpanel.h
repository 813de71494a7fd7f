#pragma once
// Attention rollout of the open model (Abnar & Zuidema, 2020): a heatmap of how much each
// token's final state draws on each input token, through every block's attention and
// residual. Its formula is in the tool tip and in docs/transformers.md.

#include "figuredata.h"
#include "modelpanel.h"

class QLabel;

namespace av {

class Document;
class ExportController;
class HeatmapPlot;

class RolloutPanel : public ModelPanel
{
    Q_OBJECT

public:
    explicit RolloutPanel(Document* document, QWidget* parent = nullptr);

    HeatmapPlot* plot() const { return m_plot; }
    void setExportController(ExportController* controller);

private:
    void showDocument() override;

    QLabel* m_formula;
    HeatmapPlot* m_plot;
    HeatmapData m_figure; ///< what the plot shows, for its CSV
};

} // namespace av

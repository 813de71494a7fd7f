#pragma once
// Attention rollout of the open model (Abnar & Zuidema, 2020): a heatmap of how much each
// token's final state draws on each input token, through every block's attention and
// residual. Its formula is in the tool tip and in docs/transformers.md.

#include "figuredata.h"

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace av {

class Document;
class ExportController;
class HeatmapPlot;

class RolloutPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RolloutPanel(Document* document, QWidget* parent = nullptr);

    HeatmapPlot* plot() const { return m_plot; }
    bool showsHint() const;
    void setExportController(ExportController* controller);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showDocument();

    Document* m_document;
    QStackedWidget* m_stack;
    QLabel* m_hint;
    QLabel* m_formula;
    HeatmapPlot* m_plot;
    HeatmapData m_figure; ///< what the plot shows, for its CSV
    bool m_stale = true;  ///< the document changed while the panel was hidden
};

} // namespace av

#pragma once
// Per-head heatmaps of the attention weights (or the scores before normalisation): one
// head large, or every head side by side. Hovering a cell explains its number.

#include <QVector>
#include <QWidget>

class QComboBox;
class QGridLayout;
class QSpinBox;
class QStackedWidget;

namespace av {

class Document;
class ExportController;
class HeatmapPlot;
struct HeatmapData;

class AttentionPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AttentionPanel(Document* document, QWidget* parent = nullptr);

    HeatmapPlot* singlePlot() const { return m_single; }
    const QVector<HeatmapPlot*>& headPlots() const { return m_grid; }
    int currentHead() const;
    void setCurrentHead(int head);
    void setShowAllHeads(bool all);
    void setShowScores(bool scores);
    /// The tool tip a hover over cell (row, col) of head shows.
    QString cellExplanation(int head, int row, int col) const;
    /// Gives every heatmap, present and future, the export context menu.
    void setExportController(ExportController* controller);

private:
    void showDocument();
    void relayoutGrid();
    HeatmapPlot* makePlot(int head);
    void attachMenu(HeatmapPlot* plot, int head);
    /// The head's figure of the document, its title naming the block when a model is open.
    HeatmapData figure(int head) const;

    Document* m_document;
    QComboBox* m_what;
    QComboBox* m_layout;
    QSpinBox* m_head;
    QSpinBox* m_block; ///< the document's block, shown while a model is open
    QStackedWidget* m_stack;
    HeatmapPlot* m_single;
    QWidget* m_gridPage;
    QGridLayout* m_gridLayout;
    QVector<HeatmapPlot*> m_grid;
    ExportController* m_export = nullptr;
};

} // namespace av

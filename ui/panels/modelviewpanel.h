#pragma once
// Every block × head of the open model at once (the "model view"): blocks are rows, heads
// columns, each a small heatmap of its attention weights A. A click shows that head in the
// attention panel; the context menu switches a head off (ablation) and on again.

#include "modelpanel.h"

class QComboBox;
class QMenu;

namespace av {

class Document;
class ExportController;
class HeadGridView;

class ModelViewPanel : public ModelPanel
{
    Q_OBJECT

public:
    explicit ModelViewPanel(Document* document, QWidget* parent = nullptr);

    HeadGridView* grid() const { return m_grid; }
    /// Which head-role score the frames show (item 0: none).
    QComboBox* frameChoice() const { return m_frames; }
    /// Export and copy in each cell's context menu, beside switching the head off or on.
    void setExportController(ExportController* controller);
    /// The context menu of cell (block, head), as it would pop up (for tests).
    void fillMenu(QMenu* menu, int block, int head);

signals:
    /// A click on the small heatmap of head `head` (0-based) of block `block` (0-based).
    void headActivated(int block, int head);

private:
    void showDocument() override;

    HeadGridView* m_grid;
    QComboBox* m_frames;
    ExportController* m_export = nullptr;
};

} // namespace av

#pragma once
// The three kinds of attention of an encoder–decoder session apart, as BertViz shows them:
// a choice of encoder, decoder or cross-attention; every block × head of that kind as small
// heatmaps; the chosen head large, with its tokens (source on the x axis and target on the
// y axis for cross-attention) and the kind's formula.

#include "document.h"
#include "encoderdecoderfigures.h"
#include "modelpanel.h"

class QComboBox;
class QLabel;
class QMenu;
class QSpinBox;

namespace av {

class ExportController;
class HeadGridView;
class HeatmapPlot;

class EncoderDecoderPanel : public ModelPanel
{
    Q_OBJECT

public:
    explicit EncoderDecoderPanel(Document* document, QWidget* parent = nullptr);

    QComboBox* kindChoice() const { return m_kind; }
    QSpinBox* blockChoice() const { return m_block; }
    QSpinBox* headChoice() const { return m_head; }
    HeadGridView* grid() const { return m_grid; }
    HeatmapPlot* heatmap() const { return m_heatmap; }
    AttentionKind kind() const;
    /// Shows head (0-based) of block (0-based) of a kind.
    void select(AttentionKind kind, int block, int head);
    /// Export and copy of the figures shown, in the views' context menus.
    void setExportController(ExportController* controller);
    /// The context menu's actions, as they would pop up (for tests): switching the head at
    /// block × head (0-based; none when negative) off or on, the large head's figure and the
    /// grid's.
    void fillMenu(QMenu* menu, int block = -1, int head = -1);

    /// The export names of what the panel shows: "cross-model-view",
    /// "cross-attention-layer-2-head-1".
    QString gridFigureName() const;
    QString cellFigureName() const;

private:
    void showDocument() override;
    Document::Heads heads() const;

    QComboBox* m_kind;
    QSpinBox* m_block;
    QSpinBox* m_head;
    QLabel* m_formula;
    HeadGridView* m_grid;
    HeatmapPlot* m_heatmap;
    ExportController* m_export = nullptr;
};

} // namespace av

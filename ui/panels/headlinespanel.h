#pragma once
// One block's heads as lines (BertViz's head view) for the open model: the block, how much
// of each row's weight the lines show (as exBERT lets one choose), and the view itself.

#include "encoderdecoderfigures.h"
#include "modelpanel.h"

class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;

namespace av {

class Document;
class ExportController;
class HeadLinesView;

class HeadLinesPanel : public ModelPanel
{
    Q_OBJECT

public:
    explicit HeadLinesPanel(Document* document, QWidget* parent = nullptr);

    HeadLinesView* view() const { return m_view; }
    QSpinBox* blockChoice() const { return m_block; }
    /// The share of each row's weight the lines show, in per cent (10–100).
    QSlider* coverage() const { return m_coverage; }
    /// Of an encoder–decoder session: the encoder's, the decoder's or the cross-attention's
    /// lines (hidden for other models).
    QComboBox* kindChoice() const { return m_kind; }
    AttentionKind kind() const;
    /// The export name of what is drawn: head-lines-layer-L, or encoder-/cross-… of it.
    QString figureName() const;
    void setExportController(ExportController* controller);

private:
    void showDocument() override;
    void showCoverage();

    HeadLinesView* m_view;
    QSpinBox* m_block;
    QComboBox* m_kind;
    int m_encoderBlock = 0; ///< the encoder's block drawn (the document's is the decoder's)
    QSlider* m_coverage;
    QLabel* m_coverageLabel;
};

} // namespace av

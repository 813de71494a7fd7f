#pragma once
// One block's heads as lines (BertViz's head view) for the open model: the block, how much
// of each row's weight the lines show (as exBERT lets one choose), and the view itself.

#include "modelpanel.h"

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
    void setExportController(ExportController* controller);

private:
    void showDocument() override;
    void showCoverage();

    HeadLinesView* m_view;
    QSpinBox* m_block;
    QSlider* m_coverage;
    QLabel* m_coverageLabel;
};

} // namespace av

#pragma once
// The Train panel (docs/training.md): a task, the shape of a new model and the run's
// options; Start, Pause, Step and Reset (a new model for the task); loss and accuracy, and
// each head's previous-token or prefix-matching score, against the step as the run goes.
// The run itself is TrainRun's (ui/model): this panel only shows it.

#include "trainrun.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMenu;
class QPushButton;
class QSpinBox;

namespace av {

class CurvePlot;
class Document;
class ExportController;

class TrainPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TrainPanel(Document* document, QWidget* parent = nullptr);

    TrainRun* run() const { return m_run; }
    QComboBox* taskChoice() const { return m_task; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* stepButton() const { return m_step; }
    QPushButton* resetButton() const { return m_reset; }
    CurvePlot* lossPlot() const { return m_loss; }
    CurvePlot* scoresPlot() const { return m_scores; }
    QLabel* status() const { return m_status; }
    /// What the controls ask for.
    TrainRun::Settings settings() const;
    void setExportController(ExportController* controller);
    void fillMenu(QMenu* menu);

private:
    void showRun();
    void updateButtons();

    Document* m_document;
    TrainRun* m_run;
    QComboBox* m_task;
    QSpinBox* m_layers;
    QSpinBox* m_heads;
    QSpinBox* m_dModel;
    QCheckBox* m_ffn;
    QDoubleSpinBox* m_rate;
    QSpinBox* m_batch;
    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_step;
    QPushButton* m_reset;
    QLabel* m_status;
    QComboBox* m_scoreKind;
    CurvePlot* m_loss;
    CurvePlot* m_scores;
    ExportController* m_export = nullptr;
};

} // namespace av

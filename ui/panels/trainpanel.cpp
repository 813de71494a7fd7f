#include "trainpanel.h"

#include "curveplot.h"
#include "document.h"
#include "exportcontroller.h"
#include "tasks.h"
#include "trainingfigures.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace av {

TrainPanel::TrainPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_run(new TrainRun(document, this)),
      m_task(new QComboBox), m_layers(new QSpinBox), m_heads(new QSpinBox), m_dModel(new QSpinBox),
      m_ffn(new QCheckBox(tr("FFN (d_ff = 4·d_model)"))), m_rate(new QDoubleSpinBox),
      m_batch(new QSpinBox), m_start(new QPushButton(tr("Start"))),
      m_pause(new QPushButton(tr("Pause"))), m_step(new QPushButton(tr("Step"))),
      m_reset(new QPushButton(tr("Reset"))), m_status(new QLabel), m_scoreKind(new QComboBox),
      m_loss(new CurvePlot), m_scores(new CurvePlot)
{
    for (const std::string& name : attn::taskNames())
        m_task->addItem(QString::fromStdString(name));
    m_task->setToolTip(tr("induction: <s> s s, predict the repeated half; copy: <s> s | s; "
                          "reverse: <s> s | reversed s; previous-token: each position names "
                          "the token before it (docs/training.md)"));
    const attn::TaskModelShape shape = attn::defaultShape("induction");
    m_layers->setRange(1, 8);
    m_layers->setValue(shape.layers);
    m_heads->setRange(1, 8);
    m_heads->setValue(shape.heads);
    m_dModel->setRange(4, 256);
    m_dModel->setSingleStep(8);
    m_dModel->setValue(shape.dModel);
    m_rate->setDecimals(4);
    m_rate->setRange(0.0001, 0.1);
    m_rate->setSingleStep(0.001);
    m_rate->setValue(attn::TrainingOptions().learningRate);
    m_batch->setRange(1, 256);
    m_batch->setValue(attn::TrainingOptions().batch);
    for (QWidget* w : {static_cast<QWidget*>(m_layers), static_cast<QWidget*>(m_heads),
                       static_cast<QWidget*>(m_dModel), static_cast<QWidget*>(m_ffn)})
        w->setToolTip(tr("The shape of the model Reset makes for the task"));

    auto* form = new QFormLayout;
    form->addRow(tr("Task"), m_task);
    auto* shapeRow = new QHBoxLayout;
    shapeRow->addWidget(new QLabel(tr("Blocks")));
    shapeRow->addWidget(m_layers);
    shapeRow->addWidget(new QLabel(tr("Heads")));
    shapeRow->addWidget(m_heads);
    shapeRow->addWidget(new QLabel(tr("d_model")));
    shapeRow->addWidget(m_dModel);
    shapeRow->addStretch(1);
    form->addRow(tr("New model"), shapeRow);
    form->addRow(QString(), m_ffn);
    auto* optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_rate);
    optionsRow->addWidget(new QLabel(tr("Batch")));
    optionsRow->addWidget(m_batch);
    optionsRow->addStretch(1);
    form->addRow(tr("Learning rate"), optionsRow);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_start, m_pause, m_step, m_reset})
        buttons->addWidget(b);
    buttons->addStretch(1);
    m_start->setToolTip(tr("Train the open model on the task until Pause: one undo step"));
    m_step->setToolTip(tr("One step of Adam on a batch: one undo step"));
    m_reset->setToolTip(tr("A new model of the shape above for the task, untrained"));
    m_status->setWordWrap(true);
    m_scoreKind->addItem(headScoreKindName(HeadScoreKind::PrefixMatching));
    m_scoreKind->addItem(headScoreKindName(HeadScoreKind::PreviousToken));
    m_scoreKind->setToolTip(
        tr("prefix matching: mean weight on the token after the earlier copy of the current "
           "token (the induction head's mark); previous token: mean weight on i − 1"));
    m_loss->setMinimumHeight(220);
    m_scores->setMinimumHeight(220);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_loss, 1);
    auto* scoreRow = new QHBoxLayout;
    scoreRow->addWidget(new QLabel(tr("Head score")));
    scoreRow->addWidget(m_scoreKind);
    scoreRow->addStretch(1);
    layout->addLayout(scoreRow);
    layout->addWidget(m_scores, 1);

    connect(m_start, &QPushButton::clicked, this, [this] { m_run->start(settings()); });
    connect(m_pause, &QPushButton::clicked, m_run, &TrainRun::pause);
    connect(m_step, &QPushButton::clicked, this, [this] { m_run->step(settings()); });
    connect(m_reset, &QPushButton::clicked, this, [this] { m_run->newModel(settings()); });
    connect(m_task, &QComboBox::currentTextChanged, this, [this](const QString& task) {
        const attn::TaskModelShape s = attn::defaultShape(task.toStdString());
        m_layers->setValue(s.layers);
    });
    connect(m_scoreKind, &QComboBox::currentIndexChanged, this, &TrainPanel::showRun);
    connect(m_run, &TrainRun::progressed, this, &TrainPanel::showRun);
    connect(m_run, &TrainRun::runningChanged, this, &TrainPanel::updateButtons);
    connect(m_run, &TrainRun::failed, this, [this](const QString& message) {
        m_status->setText(message);
        updateButtons();
    });
    connect(m_document, &Document::changed, this, [this](Document::Changes changes) {
        updateButtons();
        // A model trained before (a lesson, a saved run) names its task: offered first.
        if ((changes & Document::Structure) && m_document->hasModel() && !m_run->isRunning()) {
            const std::string task =
                attn::readTrainingHistory(m_document->model().trainingJson).task;
            if (const int k = m_task->findText(QString::fromStdString(task)); k >= 0)
                m_task->setCurrentIndex(k);
        }
        if (Document::redraws(changes) && !m_run->isRunning() && isVisible())
            showRun();
    });
    m_loss->setContextMenuPolicy(Qt::CustomContextMenu);
    m_scores->setContextMenuPolicy(Qt::CustomContextMenu);
    for (QWidget* plot : {static_cast<QWidget*>(m_loss), static_cast<QWidget*>(m_scores)})
        connect(plot, &QWidget::customContextMenuRequested, this, [this, plot](const QPoint& p) {
            QMenu menu;
            fillMenu(&menu);
            if (!menu.isEmpty())
                menu.exec(plot->mapToGlobal(p));
        });
    showRun();
    updateButtons();
}

TrainRun::Settings TrainPanel::settings() const
{
    TrainRun::Settings s;
    s.task = m_task->currentText();
    s.shape.layers = m_layers->value();
    s.shape.heads = m_heads->value();
    s.shape.dModel = m_dModel->value();
    s.shape.dFf = m_ffn->isChecked() ? 4 * m_dModel->value() : 0;
    s.options.learningRate = m_rate->value();
    s.options.batch = m_batch->value();
    return s;
}

void TrainPanel::setExportController(ExportController* controller)
{
    m_export = controller;
}

void TrainPanel::fillMenu(QMenu* menu)
{
    if (!m_export || !m_document->hasModel() ||
        attn::readTrainingHistory(m_document->model().trainingJson).steps.empty())
        return;
    const QString name = QStringLiteral("loss");
    menu->addAction(tr("Export figure…"), m_export, [this, name] { m_export->exportFigure(name); });
    menu->addAction(tr("Copy figure"), m_export, [this, name] { m_export->copyFigure(name); });
}

void TrainPanel::showRun()
{
    // While a run goes on, its own records; otherwise what the model's training field
    // holds (a lesson trained before, the last run, or nothing after an undo past it).
    attn::TrainingHistory h;
    if (m_run->isRunning()) {
        h.task = m_run->task().toStdString();
        h.steps = m_run->history();
        h.headScores = m_run->headScores();
    } else if (m_document->hasModel()) {
        h = attn::readTrainingHistory(m_document->model().trainingJson);
    }
    const std::vector<attn::StepRecord>& steps = h.steps;
    const CurvesFigure loss = lossFigure(steps, QString::fromStdString(h.task));
    m_loss->setData(loss.title, loss.xTitle, loss.yTitle, loss.curves);
    const int heads = m_document->hasModel() ? m_document->model().heads() : 0;
    const CurvesFigure scores =
        headScoresFigure(h.headScores, heads, HeadScoreKind(m_scoreKind->currentIndex()));
    m_scores->setData(scores.title, scores.xTitle, scores.yTitle, scores.curves);
    if (!steps.empty())
        m_status->setText(tr("Step %1 · loss %2 · accuracy %3")
                              .arg(steps.back().step)
                              .arg(steps.back().loss, 0, 'f', 4)
                              .arg(steps.back().accuracy, 0, 'f', 3));
    else
        m_status->setText(m_document->hasModel()
                              ? tr("Start trains the open model; Reset makes a new one for the "
                                   "task.")
                              : tr("Reset makes a model for the task; then Start."));
}

void TrainPanel::updateButtons()
{
    const bool running = m_run->isRunning();
    const bool model = m_document->hasModel();
    m_start->setEnabled(!running && model);
    m_step->setEnabled(!running && model);
    m_pause->setEnabled(running);
    m_reset->setEnabled(!running);
    for (QWidget* w : {static_cast<QWidget*>(m_task), static_cast<QWidget*>(m_rate),
                       static_cast<QWidget*>(m_batch)})
        w->setEnabled(!running);
}

} // namespace av

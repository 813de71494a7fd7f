#include "modeldocks.h"

#include "document.h"
#include "encoderdecoderpanel.h"
#include "headlinespanel.h"
#include "headrolespanel.h"
#include "modelviewpanel.h"
#include "predictionspanel.h"
#include "rolloutpanel.h"
#include "trainpanel.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QScrollArea>
#include <QTimer>

namespace av {

QDockWidget* addPanelDock(QMainWindow* window, QWidget* panel, const QString& title,
                          const QString& name, Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, window);
    dock->setObjectName(name);
    auto* scroll = new QScrollArea;
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    dock->setWidget(scroll);
    window->addDockWidget(area, dock);
    return dock;
}

ModelDocks::ModelDocks(QMainWindow* window, Document* document, ExportController* exporter,
                       QDockWidget* beside)
    : QObject(window), m_modelView(new ModelViewPanel(document)),
      m_headLines(new HeadLinesPanel(document)), m_predictions(new PredictionsPanel(document)),
      m_rollout(new RolloutPanel(document)), m_headRoles(new HeadRolesPanel(document)),
      m_encoderDecoder(new EncoderDecoderPanel(document)), m_train(new TrainPanel(document)),
      m_document(document)
{
    m_encoderDecoder->setExportController(exporter);
    m_modelView->setExportController(exporter);
    m_headLines->setExportController(exporter);
    m_predictions->setExportController(exporter);
    m_rollout->setExportController(exporter);
    m_train->setExportController(exporter);
    m_docks[0] = addPanelDock(window, m_modelView, tr("Model view"), "ModelViewDock",
                              Qt::RightDockWidgetArea);
    m_docks[1] = addPanelDock(window, m_headLines, tr("Head lines"), "HeadLinesDock",
                              Qt::RightDockWidgetArea);
    m_docks[2] = addPanelDock(window, m_predictions, tr("Predictions"), "PredictionsDock",
                              Qt::RightDockWidgetArea);
    m_docks[3] =
        addPanelDock(window, m_rollout, tr("Rollout"), "RolloutDock", Qt::RightDockWidgetArea);
    m_docks[4] = addPanelDock(window, m_headRoles, tr("Head roles"), "HeadRolesDock",
                              Qt::RightDockWidgetArea);
    m_docks[5] = addPanelDock(window, m_encoderDecoder, tr("Encoder–decoder"), "EncoderDecoderDock",
                              Qt::RightDockWidgetArea);
    m_docks[6] = addPanelDock(window, m_train, tr("Train"), "TrainDock", Qt::RightDockWidgetArea);
    for (QDockWidget* dock : m_docks)
        window->tabifyDockWidget(beside, dock);
    if (document->hasModel()) {
        QTimer::singleShot(0, this, &ModelDocks::show); // after the other docks are raised
    } else {
        for (QDockWidget* dock : m_docks)
            dock->hide();
    }
    const auto encoderOf = [document] {
        return document->hasModel() && document->model().hasEncoder();
    };
    connect(document, &Document::changed, this,
            [this, document, encoderOf, hadModel = document->hasModel(),
             hadEncoder = encoderOf()]() mutable {
                if ((document->hasModel() && !hadModel) || encoderOf() != hadEncoder)
                    show();
                hadModel = document->hasModel();
                hadEncoder = encoderOf();
            });

    connect(m_modelView, &ModelViewPanel::headActivated, this, &ModelDocks::headActivated);
    connect(m_headRoles, &HeadRolesPanel::headActivated, this, &ModelDocks::headActivated);
}

QStringList ModelDocks::viewNames()
{
    return {QStringLiteral("model-view"),  QStringLiteral("head-lines"),
            QStringLiteral("predictions"), QStringLiteral("rollout"),
            QStringLiteral("head-roles"),  QStringLiteral("encoder-decoder"),
            QStringLiteral("train")};
}

bool ModelDocks::raise(const QString& name)
{
    const int k = int(viewNames().indexOf(name));
    if (k < 0)
        return false;
    m_docks[k]->show();
    m_docks[k]->raise();
    return true;
}

void ModelDocks::show()
{
    const bool encoder = m_document->hasModel() && m_document->model().hasEncoder();
    for (QDockWidget* dock : m_docks)
        dock->setVisible(dock != m_docks[5] || encoder);
    // The model view in front; an encoder–decoder session's three kinds of attention first.
    (encoder ? m_docks[5] : m_docks[0])->raise();
}

} // namespace av

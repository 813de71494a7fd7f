#pragma once
// The docks of a whole transformer (session v2): every block × head (the model view), one
// block's heads as lines, the next-token predictions, the attention rollout, the heads'
// roles, and an encoder–decoder session's three kinds of attention. Tabs beside the
// pipeline, shown (the model view in front) when a model is opened and hidden for a v1
// session, where they would only hold a hint (View shows them).

#include <QObject>
#include <QString>
#include <QStringList>
#include <Qt>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace av {

class Document;
class EncoderDecoderPanel;
class ExportController;
class HeadLinesPanel;
class HeadRolesPanel;
class ModelViewPanel;
class PredictionsPanel;
class RolloutPanel;
class TrainPanel;

/// A dock named name (for the saved layout) holding panel in a scroll area, so that the
/// window fits a small laptop screen: a dock may be smaller than its panel's minimum size.
QDockWidget* addPanelDock(QMainWindow* window, QWidget* panel, const QString& title,
                          const QString& name, Qt::DockWidgetArea area);

class ModelDocks : public QObject
{
    Q_OBJECT

public:
    /// Tabs them with `beside` (the pipeline's dock).
    ModelDocks(QMainWindow* window, Document* document, ExportController* exporter,
               QDockWidget* beside);

    ModelViewPanel* modelView() const { return m_modelView; }
    HeadLinesPanel* headLines() const { return m_headLines; }
    PredictionsPanel* predictions() const { return m_predictions; }
    RolloutPanel* rollout() const { return m_rollout; }
    HeadRolesPanel* headRoles() const { return m_headRoles; }
    EncoderDecoderPanel* encoderDecoder() const { return m_encoderDecoder; }
    TrainPanel* train() const { return m_train; }

    /// The docks' names as --view takes them, in order: model-view, head-lines, ...
    static QStringList viewNames();
    /// Shows and raises the dock of viewNames()[k]; false for another name.
    bool raise(const QString& name);

signals:
    /// The model view or the head roles asked to show head `head` of block `block` (0-based).
    void headActivated(int block, int head);

private:
    void show();

    ModelViewPanel* m_modelView;
    HeadLinesPanel* m_headLines;
    PredictionsPanel* m_predictions;
    RolloutPanel* m_rollout;
    HeadRolesPanel* m_headRoles;
    EncoderDecoderPanel* m_encoderDecoder;
    TrainPanel* m_train;
    Document* m_document;
    /// model view, head lines, predictions, rollout, head roles, encoder–decoder (shown
    /// only for a model with an encoder), train
    QDockWidget* m_docks[7] = {};
};

} // namespace av

#pragma once
// The workspace: the attention heatmaps in the centre, docks for the input, the weights,
// the pipeline, the positional encoding and the head summary, which the user can
// rearrange (remembered with QSettings).

#include "imagefile.h"
#include "modeldocks.h"

#include <QMainWindow>

class QMenu;

namespace av {

class AttentionPanel;
class ImageDock;
class DemosWindow;
class Document;
class EncoderDecoderPanel;
class Presentation;
class WalkthroughPanel;
class ExportController;
class InputPanel;
class PipelinePanel;
class PositionalPanel;
class SummaryPanel;
class WeightsPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// persistent: restore and remember the layout and recent files (off for screenshots
    /// and tests, which must not depend on, or change, the user's settings).
    explicit MainWindow(Document* document, bool persistent = true, QWidget* parent = nullptr);

    /// Opens path over the current session, asking first if it has unsaved changes.
    /// Shows a message and keeps the session when the file is refused.
    bool openFile(const QString& path);

    /// Brings the Walkthrough dock to the front at step index (from 0; clamped).
    void showWalkthroughStep(int index);
    /// The image's session opened, its picture view in front (query 0-based, −1: the middle).
    void showImage(ImageSession image, int query = -1);
    ImageDock* imageDock() const { return m_imageDock; }
    /// Brings the model's dock named name (ModelDocks::viewNames()) to the front.
    void raiseModelView(const QString& name);
    /// View ▸ Demonstrations: opens their window (full screen while presenting), at the
    /// demonstration of DemosWindow::demoNames() named, if any.
    DemosWindow* showDemonstrations(const QString& name = {});
    /// Null until the demonstrations were first opened.
    DemosWindow* demonstrations() const { return m_demos; }

    AttentionPanel* attentionPanel() const { return m_attention; }
    InputPanel* inputPanel() const { return m_input; }
    WeightsPanel* weightsPanel() const { return m_weights; }
    PipelinePanel* pipelinePanel() const { return m_pipeline; }
    PositionalPanel* positionalPanel() const { return m_positional; }
    SummaryPanel* summaryPanel() const { return m_summary; }
    WalkthroughPanel* walkthroughPanel() const { return m_walkthrough; }
    ModelViewPanel* modelViewPanel() const { return m_modelDocks->modelView(); }
    HeadLinesPanel* headLinesPanel() const { return m_modelDocks->headLines(); }
    PredictionsPanel* predictionsPanel() const { return m_modelDocks->predictions(); }
    RolloutPanel* rolloutPanel() const { return m_modelDocks->rollout(); }
    HeadRolesPanel* headRolesPanel() const { return m_modelDocks->headRoles(); }
    EncoderDecoderPanel* encoderDecoderPanel() const { return m_modelDocks->encoderDecoder(); }
    Presentation* presentation() const { return m_presentation; }
    ExportController* exportController() const { return m_export; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void updateTitle();
    void updateStatus();
    bool maybeSave();
    bool save();
    bool saveAs();
    bool saveTo(const QString& path);
    void openLesson(const QString& path);
    void addRecentFile(const QString& path);
    void rebuildRecentMenu();

    Document* m_document;
    bool m_persistent;
    AttentionPanel* m_attention;
    InputPanel* m_input;
    WeightsPanel* m_weights;
    PipelinePanel* m_pipeline;
    PositionalPanel* m_positional;
    SummaryPanel* m_summary;
    WalkthroughPanel* m_walkthrough;
    ModelDocks* m_modelDocks = nullptr;
    ImageDock* m_imageDock = nullptr;
    Presentation* m_presentation = nullptr;
    ExportController* m_export;
    DemosWindow* m_demos = nullptr;
    QMenu* m_recentMenu = nullptr;
    QByteArray m_defaultState;
    bool m_layoutRestored = false; ///< a saved layout was restored: keep it as the user left it
    bool m_firstShow = true; ///< the layout before any saved one is restored: View ▸ Reset layout
};

} // namespace av

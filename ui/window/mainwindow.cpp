#include "mainwindow.h"

#include "attentionpanel.h"
#include "computingindicator.h"
#include "demoswindow.h"
#include "document.h"
#include "exportcontroller.h"
#include "exporter.h"
#include "imagedock.h"
#include "imagepanel.h"
#include "inputpanel.h"
#include "language.h"
#include "modeldocks.h"
#include "modelviewpanel.h"
#include "pipelinepanel.h"
#include "positionalpanel.h"
#include "presentation.h"
#include "sessionerror.h"
#include "sessionfile.h"
#include "summarypanel.h"
#include "walkthroughpanel.h"
#include "weightspanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

namespace av {
namespace {

constexpr int kMaxRecentFiles = 8;
const QString kSessionFilter =
    QT_TRANSLATE_NOOP("av::MainWindow", "AttnViz sessions (*.attn.json *.json)");

} // namespace

MainWindow::MainWindow(Document* document, bool persistent, QWidget* parent)
    : QMainWindow(parent), m_document(document), m_persistent(persistent),
      m_attention(new AttentionPanel(document)), m_input(new InputPanel(document)),
      m_weights(new WeightsPanel(document)), m_pipeline(new PipelinePanel(document)),
      m_positional(new PositionalPanel(document)), m_summary(new SummaryPanel(document)),
      m_walkthrough(new WalkthroughPanel(document)), m_export(new ExportController(document, this))
{
    m_attention->setExportController(m_export);
    m_pipeline->setExportController(m_export);
    m_positional->setExportController(m_export);
    m_summary->setExportController(m_export);
    setCentralWidget(m_attention);
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks |
                   QMainWindow::AllowNestedDocks);
    QDockWidget* input =
        addPanelDock(this, m_input, tr("Input"), "InputDock", Qt::LeftDockWidgetArea);
    QDockWidget* weights =
        addPanelDock(this, m_weights, tr("Weights"), "WeightsDock", Qt::LeftDockWidgetArea);
    QDockWidget* pipeline =
        addPanelDock(this, m_pipeline, tr("Pipeline"), "PipelineDock", Qt::RightDockWidgetArea);
    QDockWidget* positional = addPanelDock(this, m_positional, tr("Positional encoding"),
                                           "PositionalDock", Qt::BottomDockWidgetArea);
    QDockWidget* summary =
        addPanelDock(this, m_summary, tr("Head summary"), "SummaryDock", Qt::BottomDockWidgetArea);
    QDockWidget* walkthrough = addPanelDock(this, m_walkthrough, tr("Walkthrough"),
                                            "WalkthroughDock", Qt::RightDockWidgetArea);
    // A whole transformer (session v2): its own views, tabs beside the pipeline.
    m_modelDocks = new ModelDocks(this, document, m_export, pipeline);
    m_imageDock = new ImageDock(this, document, pipeline);
    m_imageDock->panel()->setExportController(m_export);
    connect(m_modelDocks, &ModelDocks::headActivated, this, [this](int block, int head) {
        m_document->setBlock(block);
        m_attention->setShowAllHeads(false); // the clicked head large
        m_attention->setCurrentHead(head);
    });
    tabifyDockWidget(pipeline, walkthrough);
    pipeline->raise();
    splitDockWidget(input, weights, Qt::Vertical);
    splitDockWidget(positional, summary, Qt::Horizontal);
    createMenus();
    m_defaultState = saveState();

    if (m_persistent) {
        QSettings settings;
        restoreGeometry(settings.value("window/geometry").toByteArray());
        m_layoutRestored = restoreState(settings.value("window/state").toByteArray());
    }
    connect(m_input, &InputPanel::lessonRequested, this, &MainWindow::openLesson);
    connect(m_document, &Document::changed, this, [this] {
        updateTitle();
        updateStatus();
    });
    statusBar()->addPermanentWidget(new ComputingIndicator(m_document, this));
    updateTitle();
    updateStatus();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, [this] {
        if (maybeSave())
            m_document->reset(defaultLesson());
    });
    file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open session"), {},
                                                          tr(qPrintable(kSessionFilter)));
        if (!path.isEmpty())
            openFile(path);
    });
    file->addAction(tr("Open &Model Folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("Open a GPT-2 model folder (config.json, model.safetensors, vocab.json, "
                     "merges.txt)"));
        if (!dir.isEmpty())
            openFile(dir);
    });
    m_imageDock->addMenuAction(file);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QMenu* lessons = file->addMenu(tr("&Lessons"));
    for (const QString& path : lessonPaths()) {
        QString title = QFileInfo(path).completeBaseName();
        try {
            title = QString::fromStdString(sessionTitle(readAnySessionFile(path)));
        } catch (const attn::SessionError&) {
        }
        lessons->addAction(title, this, [this, path] { openLesson(path); });
    }
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, [this] { save(); });
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, [this] { saveAs(); });
    QMenu* exportMenu = file->addMenu(tr("&Export"));
    connect(exportMenu, &QMenu::aboutToShow, this, [this, exportMenu] {
        exportMenu->clear();
        exportMenu->addAction(tr("Export &all figures…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                              m_export, &ExportController::exportAll);
        exportMenu->addSeparator();
        m_imageDock->panel()->fillMenu(exportMenu); // the picture's, while an image is open
        const attn::Session& s = m_document->session();
        for (const QString& name : figureNames(s))
            exportMenu->addAction(name + QStringLiteral("…"), this,
                                  [this, name] { m_export->exportFigure(name); });
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    rebuildRecentMenu();

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("&Demonstrations"), this, [this] { showDemonstrations(); });
    addLanguageMenu(view->addMenu(tr("&Language")), this);
    view->addAction(tr("&Reset layout"), this, [this] { restoreState(m_defaultState); });
    // Created after every panel: it scales the fonts of the plots it finds.
    m_presentation = new Presentation(this, m_document);
    m_presentation->addToMenu(view);
    // Figures are exported in the colour map the window shows (grey is meant for printing).
    connect(m_presentation, &Presentation::colorMapChanged, m_export,
            &ExportController::setColorMap);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About AttnViz"), this, [this] {
        QMessageBox::about(this, tr("About AttnViz"),
                           tr("<b>AttnViz %1</b><p>See, edit and export every step of multi-head "
                              "self-attention.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::showImage(ImageSession image, int query)
{
    m_imageDock->show(std::move(image), query);
}

void MainWindow::raiseModelView(const QString& name)
{
    m_modelDocks->raise(name);
}

void MainWindow::showWalkthroughStep(int index)
{
    auto* dock = findChild<QDockWidget*>(QStringLiteral("WalkthroughDock"));
    dock->show();
    dock->raise();
    // Raised again once the window has settled: a model's docks come to the front when it
    // opens (queued in the constructor), and the step asked for goes over them.
    QTimer::singleShot(0, dock, [dock] { dock->raise(); });
    m_walkthrough->setStep(index);
}

DemosWindow* MainWindow::showDemonstrations(const QString& name)
{
    if (!m_demos) {
        m_demos = new DemosWindow(m_document, this);
        m_presentation->addWindow(m_demos);
    }
    if (!name.isEmpty())
        m_demos->showDemo(name);
    m_presentation->showWindow(m_demos);
    return m_demos;
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] — AttnViz").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateStatus()
{
    const attn::Session& s = m_document->session();
    statusBar()->showMessage(tr("%1 tokens · d_model %2 · %3 heads · d_k %4")
                                 .arg(s.n())
                                 .arg(s.dModel)
                                 .arg(s.heads)
                                 .arg(s.dK()) +
                             // The window's pass is the double one (docs/performance.md):
                             // said here, since a dump of a model folder is float32.
                             QStringLiteral(" · ") + tr("computed in float64"));
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("“%1” has changes that are not saved. Save them first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::save()
{
    const QString path = m_document->filePath();
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return saveAs();
    return saveTo(path);
}

bool MainWindow::saveTo(const QString& path)
{
    QString error;
    if (!m_document->save(path, &error)) {
        QMessageBox::critical(this, tr("Could not save"), error);
        return false;
    }
    addRecentFile(path);
    return true;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save session"), m_document->displayName(),
                                                tr(qPrintable(kSessionFilter)));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json")))
        path += QStringLiteral(".attn.json");
    return saveTo(path);
}

bool MainWindow::openFile(const QString& path)
{
    if (!maybeSave())
        return false;
    QString error;
    if (!m_document->open(path, &error)) {
        QMessageBox::warning(this, tr("Could not open the session"), error);
        return false;
    }
    addRecentFile(path);
    return true;
}

void MainWindow::openLesson(const QString& path)
{
    if (!maybeSave())
        return;
    try {
        // A lesson opens as a new, unsaved session: Save asks where to put it.
        m_document->reset(readAnySessionFile(path));
    } catch (const attn::SessionError& e) {
        QMessageBox::warning(this, tr("Could not open the lesson"),
                             QString::fromStdString(e.what()));
    }
}

void MainWindow::addRecentFile(const QString& path)
{
    if (!m_persistent)
        return;
    QSettings settings;
    QStringList recent = settings.value("recentFiles").toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    settings.setValue("recentFiles", recent.mid(0, kMaxRecentFiles));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent =
        m_persistent ? QSettings().value("recentFiles").toStringList() : QStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (m_persistent) {
        m_presentation->setActive(false); // a full-screen layout is never the one saved
        QSettings settings;
        settings.setValue("window/geometry", saveGeometry());
        settings.setValue("window/state", saveState());
    }
    event->accept();
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_firstShow)
        return;
    m_firstShow = false;
    if (m_layoutRestored)
        return;
    // Dock sizes are only known once the window has its size.
    const auto dock = [this](const char* name) {
        return findChild<QDockWidget*>(QLatin1String(name));
    };
    resizeDocks({dock("InputDock"), dock("PipelineDock")}, {width() * 31 / 100, width() * 26 / 100},
                Qt::Horizontal);
    resizeDocks({dock("InputDock"), dock("WeightsDock")},
                {height() * 45 / 100, height() * 30 / 100}, Qt::Vertical);
    resizeDocks({dock("PositionalDock")}, {height() * 28 / 100}, Qt::Vertical);
    resizeDocks({dock("PositionalDock"), dock("SummaryDock")},
                {width() * 60 / 100, width() * 40 / 100}, Qt::Horizontal);
    // On a small screen the bottom row would leave the heatmap no room: its docks become
    // tabs beside the pipeline instead (View ▸ Reset layout brings back the full layout).
    if (height() < 900) {
        auto* pipeline = findChild<QDockWidget*>(QStringLiteral("PipelineDock"));
        for (const char* name : {"PositionalDock", "SummaryDock"})
            tabifyDockWidget(pipeline, findChild<QDockWidget*>(QLatin1String(name)));
        pipeline->raise();
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().value(0).isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = event->mimeData()->urls().value(0).toLocalFile();
    if (!path.isEmpty()) {
        event->acceptProposedAction();
        openFile(path);
    }
}

} // namespace av

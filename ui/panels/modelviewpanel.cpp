#include "modelviewpanel.h"

#include "document.h"
#include "exportcontroller.h"
#include "headgridview.h"
#include "modelfigures.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>

namespace av {

ModelViewPanel::ModelViewPanel(Document* document, QWidget* parent)
    : ModelPanel(document, parent), m_grid(new HeadGridView), m_frames(new QComboBox)
{
    // Frames by a head-role score (the Head roles tab defines them): none by default.
    m_frames->addItem(tr("none"));
    m_frames->addItems(headRoleScoreNames());
    m_frames->setToolTip(tr("Draw each head's frame as thick as its score: the widest frame "
                            "is the highest score of all heads"));
    auto* label = new QLabel(tr("Frames"));
    label->setBuddy(m_frames);
    auto* bar = new QHBoxLayout;
    bar->addWidget(label);
    bar->addWidget(m_frames);
    bar->addStretch(1);
    setPage(m_grid, bar);
    connect(m_frames, &QComboBox::currentIndexChanged, this, [this] { refresh(); });

    m_grid->setToolTipProvider([this](int block, int head) {
        const ModelViewFigure& f = m_grid->data();
        const bool off = f.isAblated(block, head);
        const QString score =
            f.frameScores.isEmpty()
                ? QString()
                : QLatin1Char('\n') +
                      tr("%1: %2")
                          .arg(f.frameScoreName)
                          .arg(f.frameScores.value(f.index(block, head)), 0, 'f', 3);
        return (off ? tr("Block %1, head %2 — switched off") : tr("Block %1, head %2"))
                   .arg(block + 1)
                   .arg(head + 1) +
               QLatin1Char('\n') + tr("Click: show this head in the attention view.") +
               QLatin1Char('\n') +
               (off ? tr("Right-click: switch it on again.") : tr("Right-click: switch it off.")) +
               score;
    });
    connect(m_grid, &HeadGridView::cellClicked, this, &ModelViewPanel::headActivated);
    connect(m_grid, &HeadGridView::cellMenuRequested, this,
            [this](int block, int head, const QPoint& globalPos) {
                QMenu menu;
                fillMenu(&menu, block, head);
                if (!menu.isEmpty())
                    menu.exec(globalPos);
            });
    refresh();
}

void ModelViewPanel::setExportController(ExportController* controller)
{
    m_export = controller;
}

void ModelViewPanel::fillMenu(QMenu* menu, int block, int head)
{
    if (m_document->hasModel() && block >= 0 && head >= 0) {
        const bool off = m_document->model().isAblated(block, head);
        menu->addAction(off ? tr("Switch head on") : tr("Switch head off"), this,
                        [this, block, head, off] { m_document->setAblated(block, head, !off); });
        menu->addSeparator();
    }
    if (m_export) {
        const QString name = QStringLiteral("model-view");
        menu->addAction(tr("Export figure…"), m_export,
                        [this, name] { m_export->exportFigure(name); });
        menu->addAction(tr("Copy figure"), m_export, [this, name] { m_export->copyFigure(name); });
        menu->addSeparator();
        menu->addAction(tr("Export all figures…"), m_export, &ExportController::exportAll);
    }
}

void ModelViewPanel::showDocument()
{
    if (!m_document->hasModel()) {
        showHint(tr("Open a version 2 session (a whole transformer) to see every block and "
                    "head at once: File ▸ Lessons, e.g. the small GPT-2 stack."));
        return;
    }
    // Item 0 is none; the scores are HeadRolesFigure's columns 2 ….
    const int frames = m_frames->currentIndex() > 0 ? m_frames->currentIndex() + 1 : -1;
    m_grid->setData(modelViewFigure(m_document->model(), m_document->modelResult(), frames));
    m_grid->setHighlightedBlock(m_document->block());
    showPage();
}

} // namespace av

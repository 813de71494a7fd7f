#include "rolloutpanel.h"

#include "document.h"
#include "exportcontroller.h"
#include "heatmapplot.h"
#include "modelfigures.h"

#include <QLabel>
#include <QVBoxLayout>

namespace av {

RolloutPanel::RolloutPanel(Document* document, QWidget* parent)
    : ModelPanel(document, parent), m_formula(new QLabel), m_plot(new HeatmapPlot)
{
    m_formula->setWordWrap(true);
    m_formula->setTextFormat(Qt::PlainText);
    m_formula->setText(tr("R = Â_L · … · Â_1, Â_l = rows normalised of 0.5·Ā_l + 0.5·I, "
                          "Ā_l = mean of block l's heads that are on"));
    m_formula->setToolTip(
        tr("Attention rollout (Abnar & Zuidema, 2020). Each block's heads are averaged; the "
           "residual counts as attention of each token to itself (the identity, half the "
           "weight); each row is divided by its sum; the blocks are multiplied from the first "
           "to the last. Row i, column j: the share of token i's final state that comes from "
           "input token j."));
    auto* page = new QWidget;
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(m_formula);
    pageLayout->addWidget(m_plot, 1);
    setPage(page);
    // Drawn when first shown (ModelPanel): a hidden tab computes nothing.
}

void RolloutPanel::setExportController(ExportController* controller)
{
    controller->attachMenu(
        m_plot, [] { return QStringLiteral("rollout"); },
        [this] {
            return ExportController::Numbers{m_figure.values, m_figure.rowLabels,
                                             m_figure.colLabels, QStringLiteral("rollout")};
        });
}

void RolloutPanel::showDocument()
{
    if (!m_document->hasModel()) {
        showHint(tr("Open a version 2 session (a whole transformer) to see how much each "
                    "token's final state draws on each input token: File ▸ Lessons, e.g. the "
                    "small GPT-2 stack."));
        return;
    }
    m_figure = rolloutFigure(m_document->model(), m_document->modelResult());
    m_plot->setData(m_figure);
    showPage();
}

} // namespace av

#include "rolloutpanel.h"

#include "document.h"
#include "exportcontroller.h"
#include "heatmapplot.h"
#include "modelfigures.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace av {

RolloutPanel::RolloutPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_stack(new QStackedWidget), m_hint(new QLabel),
      m_formula(new QLabel), m_plot(new HeatmapPlot)
{
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setMargin(16);
    m_hint->setText(tr("Open a version 2 session (a whole transformer) to see how much each "
                       "token's final state draws on each input token: File ▸ Lessons, e.g. "
                       "the small GPT-2 stack."));
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
    m_stack->addWidget(m_hint);
    m_stack->addWidget(page);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_stack);
    connect(m_document, &Document::changed, this, [this] {
        m_stale = true;
        if (isVisible())
            showDocument();
    });
    showDocument();
}

bool RolloutPanel::showsHint() const
{
    return m_stack->currentWidget() == m_hint;
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

void RolloutPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        showDocument();
}

void RolloutPanel::showDocument()
{
    m_stale = false;
    if (!m_document->hasModel()) {
        m_stack->setCurrentWidget(m_hint);
        return;
    }
    m_figure = rolloutFigure(m_document->model(), m_document->modelResult());
    m_plot->setData(m_figure);
    m_stack->setCurrentIndex(1);
}

} // namespace av

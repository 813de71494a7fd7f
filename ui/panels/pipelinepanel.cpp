#include "pipelinepanel.h"

#include "document.h"
#include "exportcontroller.h"
#include "figures.h"
#include "heatmapplot.h"
#include "pipelinesteps.h"
#include "tracetext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>

namespace av {
PipelinePanel::PipelinePanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_head(new QSpinBox), m_list(new QVBoxLayout),
      m_scroll(new QScrollArea)
{
    m_head->setPrefix(tr("Head "));
    m_head->setMinimum(1);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Every step of the pass, in order. Per-head steps for")));
    bar->addWidget(m_head);
    bar->addStretch();
    auto* content = new QWidget;
    content->setLayout(m_list);
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);
    connect(m_scroll->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &PipelinePanel::drawVisibleSteps);
    connect(m_head, &QSpinBox::valueChanged, this, &PipelinePanel::showDocument);
    connect(m_document, &Document::changed, this, [this](Document::Changes changes) {
        if (Document::redraws(changes))
            showDocument();
    });
    showDocument();
}

void PipelinePanel::showStep(int index, const QString& caption, const HeatmapData& data)
{
    while (m_steps.size() <= index) {
        Step step{new QLabel, new HeatmapPlot};
        step.caption->setTextFormat(Qt::RichText);
        step.caption->setWordWrap(true);
        m_list->addWidget(step.caption);
        m_list->addWidget(step.plot);
        const int added = m_steps.size();
        step.plot->setToolTipProvider([this, added](int row, int col) {
            if (!m_document->hasModel() || added >= m_pipeline.size())
                return QString();
            return describeBlockCell(m_document->model(), m_document->modelResult(),
                                     m_document->block(), m_pipeline[added], row, col);
        });
        m_steps << step;
        m_data << HeatmapData();
        m_stale << true;
        if (m_export) {
            const int i = m_steps.size() - 1;
            m_export->attachMenu(
                step.plot, [] { return QStringLiteral("pipeline"); },
                [this, i] {
                    const HeatmapData& d = m_data[i];
                    return ExportController::Numbers{d.values, d.rowLabels, d.colLabels,
                                                     QStringLiteral("pipeline-step-%1").arg(i + 1)};
                });
        }
    }
    Step& step = m_steps[index];
    step.caption->setText(caption);
    m_data[index] = data;
    m_stale[index] = true;
    // Tall enough to read a row per token, but never a wall of one matrix.
    const int rows = static_cast<int>(data.values.rows());
    // One or two rows (γ and β, the probabilities) still need room for their column labels.
    step.plot->setFixedHeight(std::clamp(60 + rows * 34, rows <= 2 ? 200 : 130, 430));
}

void PipelinePanel::showDocument()
{
    const attn::Session& s = m_document->session();
    const attn::ForwardResult& r = m_document->result();
    m_head->setMaximum(s.heads);
    const int h = std::min(m_head->value() - 1, s.heads - 1);
    // A model's block: its attention through the block's view, and the block's other steps;
    // the prediction is the last token's.
    m_pipeline = m_document->hasModel()
                     ? blockPipelineSteps(m_document->model(), m_document->modelResult(),
                                          m_document->block(), s, r, h, s.n() - 1)
                     : pipelineSteps(s, r, h);
    for (int i = 0; i < m_pipeline.size(); ++i)
        showStep(i, pipelineCaption(m_pipeline[i], i + 1), m_pipeline[i].data);
    while (m_steps.size() > m_pipeline.size()) { // a block with fewer steps, or back to v1
        delete m_steps.back().caption;
        delete m_steps.back().plot;
        m_steps.removeLast();
        m_data.removeLast();
        m_stale.removeLast();
    }
    drawVisibleSteps();
}

void PipelinePanel::drawVisibleSteps()
{
    if (!isVisible())
        return;                               // showEvent() draws them
    m_scroll->widget()->layout()->activate(); // the steps' heights may just have changed
    const QRect seen(m_scroll->widget()->mapFrom(m_scroll->viewport(), QPoint(0, 0)),
                     m_scroll->viewport()->size());
    for (int i = 0; i < m_steps.size(); ++i) {
        if (!m_stale[i] || !m_steps[i].plot->geometry().intersects(seen))
            continue;
        // The caption above carries the formula and the shape; a second title would repeat it.
        HeatmapData untitled = m_data[i];
        untitled.title.clear();
        m_steps[i].plot->setData(untitled);
        m_stale[i] = false;
    }
}

void PipelinePanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    drawVisibleSteps();
}

void PipelinePanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    drawVisibleSteps();
}

} // namespace av

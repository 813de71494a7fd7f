#include "pipelinepanel.h"

#include "document.h"
#include "exportcontroller.h"
#include "figures.h"
#include "heatmapplot.h"
#include "names.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>

namespace av {
namespace {

QString shape(const attn::Matrix& m)
{
    return QStringLiteral("%1 × %2").arg(m.rows()).arg(m.cols());
}

QString scoreFormula(const attn::Session& s)
{
    switch (s.score) {
    case attn::ScoreKind::ScaledDot:
        return QStringLiteral("S = Q K<sup>T</sup> / √d<sub>k</sub> / T");
    case attn::ScoreKind::Dot:
        return QStringLiteral("S = Q K<sup>T</sup> / T");
    case attn::ScoreKind::Cosine:
        return QStringLiteral("S<sub>ij</sub> = cos(q<sub>i</sub>, k<sub>j</sub>) / T");
    case attn::ScoreKind::Additive:
        return QStringLiteral("S<sub>ij</sub> = w · tanh(q<sub>i</sub> + k<sub>j</sub>) / T");
    }
    return {};
}

} // namespace

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
    connect(m_document, &Document::changed, this, &PipelinePanel::showDocument);
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
    step.plot->setFixedHeight(std::clamp(60 + rows * 34, 130, 430));
}

void PipelinePanel::showDocument()
{
    const attn::Session& s = m_document->session();
    const attn::ForwardResult& r = m_document->result();
    m_head->setMaximum(s.heads);
    const int h = std::min(m_head->value() - 1, s.heads - 1);
    const attn::HeadResult& head = r.heads[h];
    const QString H = QString::number(h + 1);
    int i = 0;
    const auto step = [&](const QString& formula, const QString& what, const attn::Matrix& m,
                          bool rowsAreTokens, bool diverging = true) {
        showStep(
            i++,
            QStringLiteral("<b>%1</b> &nbsp; %2 &nbsp; <i>(%3)</i>").arg(formula, what, shape(m)),
            matrixFigure(what, m, s, rowsAreTokens, diverging));
    };
    step(QStringLiteral("1. X"), tr("embeddings"), r.x, true);
    step(QStringLiteral("2. P"), tr("positional encoding (%1)").arg(kindName(s.positional.kind)),
         r.p, true);
    step(QStringLiteral("3. X<sub>in</sub> = X + P"), tr("input to the heads"), r.xIn, true);
    step(QStringLiteral("4. Q = X<sub>in</sub> W<sub>Q</sub>"), tr("queries, head %1").arg(H),
         head.q, true);
    step(QStringLiteral("5. K = X<sub>in</sub> W<sub>K</sub>"), tr("keys, head %1").arg(H), head.k,
         true);
    step(QStringLiteral("6. V = X<sub>in</sub> W<sub>V</sub>"), tr("values, head %1").arg(H),
         head.v, true);
    HeatmapData scores = attentionFigure(s, r, h, true);
    showStep(i++,
             QStringLiteral("<b>7. %1</b> &nbsp; %2 &nbsp; <i>(%3, T = %4)</i>")
                 .arg(scoreFormula(s), tr("scores, head %1").arg(H), shape(head.scores))
                 .arg(s.temperature),
             scores);
    showStep(i++,
             QStringLiteral("<b>8. M</b> &nbsp; %1 &nbsp; <i>(%2 × %2)</i>")
                 .arg(kindName(s.mask.kind))
                 .arg(s.n()),
             maskFigure(s, r));
    showStep(i++,
             QStringLiteral("<b>9. A = %1(S, M)</b> &nbsp; %2 &nbsp; <i>(%3)</i>")
                 .arg(kindName(s.normalizer), tr("attention weights, head %1").arg(H),
                      shape(head.weights)),
             attentionFigure(s, r, h, false));
    step(QStringLiteral("10. Z = A V"), tr("output of head %1").arg(H), head.output, true);
    step(QStringLiteral("11. C = [Z<sub>1</sub> | … | Z<sub>%1</sub>]").arg(s.heads),
         tr("heads side by side"), r.concat, true);
    step(QStringLiteral("12. W<sub>O</sub>"), tr("output projection"), s.wo, false);
    step(QStringLiteral("13. O = C W<sub>O</sub>"), tr("output"), r.output, true);
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

#include "masksdemo.h"

#include "demopass.h"
#include "demopasses.h"
#include "demos.h"
#include "demosplots.h"
#include "document.h"
#include "figures.h"
#include "heatmapplot.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace av {

MasksDemo::MasksDemo(Document* document, QWidget* parent)
    : ComputedDemo(document, parent), m_radius(new QSpinBox), m_head(new QSpinBox)
{
    auto* explanation = newExplanation(
        tr("A mask decides which keys each query may see; the weights of the others are 0 "
           "(hatched) and the rest are renormalised. Causal: a model that writes left to right, "
           "like GPT-2, must not look at words it has not written yet. Window (truncated "
           "attention): long inputs such as speech frames attend to their neighbours only, so the "
           "cost grows with n instead of n²."));
    m_radius->setRange(0, attn::kMaxTokens);
    m_radius->setValue(1);
    m_radius->setPrefix(tr("window radius r = "));
    m_head->setPrefix(tr("Head "));
    m_head->setMinimum(1);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_radius);
    bar->addWidget(m_head);
    bar->addStretch(1);
    auto* grid = new QGridLayout;
    for (int i = 0; i < 3; ++i) {
        m_plots[i] = newDemoHeatmap();
        m_captions[i] = new QLabel;
        m_captions[i]->setWordWrap(true);
        enlargeWhilePresenting(m_captions[i]);
        m_captions[i]->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
        grid->addWidget(m_plots[i], 0, i);
        grid->addWidget(m_captions[i], 1, i);
    }
    grid->setRowStretch(0, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(explanation);
    layout->addLayout(bar);
    layout->addLayout(grid, 1);

    connect(m_radius, &QSpinBox::valueChanged, this, &MasksDemo::request);
    connect(m_head, &QSpinBox::valueChanged, this, &MasksDemo::request);
    followDocument();
}

QString MasksDemo::captionText(int index) const
{
    return m_captions[index]->text();
}

void MasksDemo::request()
{
    m_head->setMaximum(std::max(m_document->session().heads, 1));
    m_pass->request(masksDemoPass(m_radius->value(), m_head->value() - 1));
}

void MasksDemo::showResult()
{
    const attn::MasksDemo* demo = m_pass->result<attn::MasksDemo>();
    const int r = demo->radius;
    const QString titles[3] = {tr("Full attention (encoders, BERT)"),
                               tr("Causal attention (GPT-2)"),
                               tr("Window, r = %1 (truncated attention, speech)").arg(r)};
    const QString uses[3] = {tr("every token sees every token"),
                             tr("token i sees tokens 0 … i: generation never peeks ahead"),
                             tr("token i sees i − %1 … i + %1: cost grows as n·(2r + 1)").arg(r)};
    for (int i = 0; i < 3; ++i) {
        const attn::MaskDemoPanel& panel = demo->panels[i];
        HeatmapData d = weightsFigure(panel.session, panel.weights, panel.mask, demo->head);
        d.title = tr("%1 — head %2").arg(titles[i]).arg(demo->head + 1);
        m_plots[i]->setData(d);
        m_captions[i]->setText(tr("%1 of %2 query–key pairs computed; %3.")
                                   .arg(panel.allowedPairs)
                                   .arg(demo->pairs)
                                   .arg(uses[i]));
    }
}

} // namespace av

#include "comparedemo.h"

#include "demopass.h"
#include "demopasses.h"
#include "demos.h"
#include "demosplots.h"
#include "document.h"
#include "figures.h"
#include "heatmapplot.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <iterator>

namespace av {
namespace {

struct Preset
{
    attn::ComparePreset preset;
    const char* name;
    const char* first;
    const char* second;
};

constexpr Preset kPresets[] = {
    {attn::ComparePreset::ScaledVsUnscaled,
     QT_TRANSLATE_NOOP("av::CompareDemo", "Scaled vs unscaled scores"),
     QT_TRANSLATE_NOOP("av::CompareDemo", "scaled: Q·Kᵀ / √d_k"),
     QT_TRANSLATE_NOOP("av::CompareDemo", "unscaled: Q·Kᵀ")},
    {attn::ComparePreset::WithVsWithoutPositional,
     QT_TRANSLATE_NOOP("av::CompareDemo", "With vs without positional encoding"),
     QT_TRANSLATE_NOOP("av::CompareDemo", "with positional encoding"),
     QT_TRANSLATE_NOOP("av::CompareDemo", "without positional encoding")},
    {attn::ComparePreset::FullVsCausal, QT_TRANSLATE_NOOP("av::CompareDemo", "Full vs causal mask"),
     QT_TRANSLATE_NOOP("av::CompareDemo", "full attention"),
     QT_TRANSLATE_NOOP("av::CompareDemo", "causal mask")},
    {attn::ComparePreset::SoftmaxVsRelu, QT_TRANSLATE_NOOP("av::CompareDemo", "Softmax vs ReLU"),
     QT_TRANSLATE_NOOP("av::CompareDemo", "softmax"), QT_TRANSLATE_NOOP("av::CompareDemo", "ReLU")},
};

} // namespace

CompareDemo::CompareDemo(Document* document, QWidget* parent)
    : ComputedDemo(document, parent), m_preset(new QComboBox), m_head(new QSpinBox),
      m_summary(new QLabel)
{
    auto* explanation = newExplanation(
        tr("The same session computed twice, with one setting changed. Right: the difference "
           "of the two weight matrices (red: the first setting gives more weight, blue: less)."));
    for (const Preset& p : kPresets)
        m_preset->addItem(tr(p.name));
    m_head->setPrefix(tr("Head "));
    m_head->setMinimum(1);
    m_summary->setWordWrap(true);
    enlargeWhilePresenting(m_summary);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_preset);
    bar->addWidget(m_head);
    bar->addWidget(m_summary, 1);
    auto* split = new QSplitter(Qt::Horizontal);
    for (HeatmapPlot*& plot : m_plots) {
        plot = newDemoHeatmap();
        split->addWidget(plot);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(explanation);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &CompareDemo::request);
    connect(m_head, &QSpinBox::valueChanged, this, &CompareDemo::request);
    followDocument();
}

QString CompareDemo::summaryText() const
{
    return m_summary->text();
}

void CompareDemo::request()
{
    m_head->setMaximum(std::max(m_document->session().heads, 1));
    const Preset& preset = kPresets[std::max(m_preset->currentIndex(), 0)];
    m_pass->request(compareDemoPass(preset.preset, m_head->value() - 1));
}

void CompareDemo::showResult()
{
    const attn::CompareDemo* demo = m_pass->result<attn::CompareDemo>();
    const Preset& preset =
        *std::find_if(std::begin(kPresets), std::end(kPresets),
                      [demo](const Preset& p) { return p.preset == demo->preset; });
    const int head = demo->head;
    HeatmapData left = weightsFigure(demo->first, demo->firstWeights, {}, head);
    left.title = tr("A — %1").arg(tr(preset.first));
    HeatmapData right = weightsFigure(demo->second, demo->secondWeights, {}, head);
    right.title = tr("A — %1").arg(tr(preset.second));
    // One colour scale for both, so that equal colours mean equal weights.
    left.range = right.range = std::make_pair(0.0, double(demo->colourTop));
    m_plots[0]->setData(left);
    m_plots[1]->setData(right);

    HeatmapData diff = left;
    diff.title = tr("Difference: first − second");
    diff.values = demo->difference;
    diff.diverging = true;
    diff.range.reset();
    m_plots[2]->setData(diff);
    m_maxDifference = demo->maxDifference;
    m_summary->setText(tr("Head %1: max |ΔA| = %2").arg(head + 1).arg(m_maxDifference, 0, 'g', 3));
}

} // namespace av

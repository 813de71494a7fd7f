#include "headlinespanel.h"

#include "document.h"
#include "exportcontroller.h"
#include "headlinesfigure.h"
#include "headlinesview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

namespace av {

HeadLinesPanel::HeadLinesPanel(Document* document, QWidget* parent)
    : ModelPanel(document, parent), m_view(new HeadLinesView), m_block(new QSpinBox),
      m_kind(new QComboBox), m_coverage(new QSlider(Qt::Horizontal)), m_coverageLabel(new QLabel)
{
    for (AttentionKind k : {AttentionKind::Decoder, AttentionKind::Encoder, AttentionKind::Cross})
        m_kind->addItem(attentionKindName(k), int(k));
    m_kind->setVisible(false);
    m_block->setRange(1, 1);
    m_block->setToolTip(tr("The block whose heads are drawn (the other panels show it too)"));
    m_coverage->setRange(10, 100);
    m_coverage->setSingleStep(5);
    m_coverage->setPageStep(10);
    m_coverage->setValue(qRound(kDefaultLineCoverage * 100));
    m_coverage->setToolTip(
        tr("Each query's lines, strongest first, until they hold this share of its weight; "
           "weaker lines are left out so that long inputs stay readable (100 %: every line)"));
    m_coverageLabel->setMinimumWidth(
        m_coverageLabel->fontMetrics().horizontalAdvance(tr("Lines: %1 % of each row").arg(100)));

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_kind);
    bar->addWidget(new QLabel(tr("Block")));
    bar->addWidget(m_block);
    bar->addSpacing(12);
    bar->addWidget(m_coverageLabel);
    bar->addWidget(m_coverage, 1);
    auto* hint =
        new QLabel(tr("Hover a token: only its lines; click: keep them. Ctrl+wheel zooms."));
    hint->setProperty("av_hideWhilePresenting", true);
    hint->setWordWrap(true);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(hint);
    auto* above = new QVBoxLayout;
    above->addLayout(bar);
    setPage(page, above);

    connect(m_block, &QSpinBox::valueChanged, this, [this](int value) {
        if (kind() != AttentionKind::Encoder) {
            m_document->setBlock(value - 1);
            return;
        }
        m_encoderBlock = value - 1;
        showDocument();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &HeadLinesPanel::showDocument);
    connect(m_coverage, &QSlider::valueChanged, this, [this] {
        showCoverage();
        showDocument();
    });
    showCoverage();
    // Drawn when first shown (ModelPanel): a hidden tab computes nothing.
}

void HeadLinesPanel::setExportController(ExportController* controller)
{
    controller->attachMenu(m_view->viewport(), [this] { return figureName(); });
}

AttentionKind HeadLinesPanel::kind() const
{
    return AttentionKind(m_kind->currentData().toInt());
}

QString HeadLinesPanel::figureName() const
{
    const AttentionKind k = kind();
    const int block = k == AttentionKind::Encoder ? m_encoderBlock : m_document->block();
    return attentionKindHeadLinesName(k, block);
}

void HeadLinesPanel::showCoverage()
{
    m_coverageLabel->setText(tr("Lines: %1 % of each row").arg(m_coverage->value()));
}

void HeadLinesPanel::showDocument()
{
    if (!m_document->hasModel()) {
        showHint(tr("Open a version 2 session (a whole transformer) to see each head's "
                    "attention as lines from token to token: File ▸ Lessons, e.g. the small "
                    "GPT-2 stack."));
        return;
    }
    const attn::Model& model = m_document->model();
    m_kind->setVisible(model.hasEncoder());
    if (!model.hasEncoder() && kind() != AttentionKind::Decoder) {
        const QSignalBlocker blocker(m_kind);
        m_kind->setCurrentIndex(0);
    }
    const AttentionKind k = kind();
    const int blocks = attentionKindBlocks(model, k);
    m_encoderBlock = std::clamp(m_encoderBlock, 0, std::max(0, blocks - 1));
    const int block = k == AttentionKind::Encoder ? m_encoderBlock : m_document->block();
    {
        const QSignalBlocker blocker(m_block);
        m_block->setRange(1, std::max(1, blocks));
        m_block->setValue(block + 1);
    }
    m_view->setData(
        headLinesFigure(model, m_document->modelResult(), block, m_coverage->value() / 100.0, k));
    showPage();
}

} // namespace av

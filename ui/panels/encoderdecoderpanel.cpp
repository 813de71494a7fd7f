#include "encoderdecoderpanel.h"

#include "document.h"
#include "exportcontroller.h"
#include "headgridview.h"
#include "heatmapplot.h"

#include <QComboBox>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>

namespace av {

EncoderDecoderPanel::EncoderDecoderPanel(Document* document, QWidget* parent)
    : ModelPanel(document, parent), m_kind(new QComboBox), m_block(new QSpinBox),
      m_head(new QSpinBox), m_formula(new QLabel), m_grid(new HeadGridView),
      m_heatmap(new HeatmapPlot)
{
    for (AttentionKind kind :
         {AttentionKind::Encoder, AttentionKind::Decoder, AttentionKind::Cross})
        m_kind->addItem(attentionKindName(kind), int(kind));
    m_kind->setCurrentIndex(int(AttentionKind::Cross));
    // As narrow as a dock beside the window's centre allows; the list shows the names whole.
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kind->setMinimumContentsLength(12);
    m_kind->setToolTip(tr("Which attention to show: the encoder's over the source, the "
                          "decoder's over the target, or the decoder's over the encoder"));
    m_block->setPrefix(tr("Block "));
    m_head->setPrefix(tr("Head "));
    m_block->setMinimum(1);
    m_head->setMinimum(1);
    auto* bar = new QHBoxLayout;
    auto* label = new QLabel(tr("Attention"));
    label->setBuddy(m_kind);
    bar->addWidget(label);
    bar->addWidget(m_kind);
    bar->addWidget(m_block);
    bar->addWidget(m_head);
    bar->addStretch(1);

    m_formula->setWordWrap(true);
    m_formula->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_formula);
    // Wrapped to the dock's width instead of widening the page past it.
    m_formula->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_formula->setMinimumWidth(200);
    // The chosen head large, every block × head below it: a dock is tall and narrow.
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_heatmap);
    split->addWidget(m_grid);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    m_grid->setMinimumHeight(150); // cells large enough to see each head's pattern
    layout->addWidget(split, 1);
    setPage(page, bar);

    const auto redraw = [this] { refresh(); };
    connect(m_kind, &QComboBox::currentIndexChanged, this, redraw);
    connect(m_block, &QSpinBox::valueChanged, this, redraw);
    connect(m_head, &QSpinBox::valueChanged, this, redraw);
    connect(m_grid, &HeadGridView::cellClicked, this,
            [this](int block, int head) { select(kind(), block, head); });
    m_grid->setToolTipProvider([this](int block, int head) {
        const bool off = m_document->isAblated(block, head, heads());
        return (off ? tr("%1, block %2, head %3 — switched off") : tr("%1, block %2, head %3"))
                   .arg(attentionKindName(kind()))
                   .arg(block + 1)
                   .arg(head + 1) +
               QLatin1Char('\n') + tr("Click: show this head large.") + QLatin1Char('\n') +
               (off ? tr("Right-click: switch it on again.") : tr("Right-click: switch it off."));
    });
    const auto menu = [this](const QPoint& globalPos, int block, int head) {
        QMenu popup;
        fillMenu(&popup, block, head);
        if (!popup.isEmpty())
            popup.exec(globalPos);
    };
    connect(m_grid, &HeadGridView::cellMenuRequested, this,
            [menu](int block, int head, const QPoint& globalPos) { menu(globalPos, block, head); });
    m_heatmap->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_heatmap, &QWidget::customContextMenuRequested, this, [this, menu](const QPoint& pos) {
        menu(m_heatmap->mapToGlobal(pos), m_block->value() - 1, m_head->value() - 1);
    });
    refresh();
}

AttentionKind EncoderDecoderPanel::kind() const
{
    return AttentionKind(m_kind->currentData().toInt());
}

void EncoderDecoderPanel::select(AttentionKind kind, int block, int head)
{
    {
        const QSignalBlocker a(m_kind), b(m_block), c(m_head);
        m_kind->setCurrentIndex(m_kind->findData(int(kind)));
        m_block->setMaximum(std::max(block + 1, m_block->maximum()));
        m_head->setMaximum(std::max(head + 1, m_head->maximum()));
        m_block->setValue(block + 1);
        m_head->setValue(head + 1);
    }
    refresh();
}

void EncoderDecoderPanel::setExportController(ExportController* controller)
{
    m_export = controller;
}

QString EncoderDecoderPanel::gridFigureName() const
{
    return attentionKindFigureName(kind());
}

QString EncoderDecoderPanel::cellFigureName() const
{
    return attentionKindFigureName(kind(), m_block->value() - 1, m_head->value() - 1);
}

Document::Heads EncoderDecoderPanel::heads() const
{
    switch (kind()) {
    case AttentionKind::Encoder:
        return Document::Heads::Encoder;
    case AttentionKind::Cross:
        return Document::Heads::Cross;
    case AttentionKind::Decoder:
        break;
    }
    return Document::Heads::Self;
}

void EncoderDecoderPanel::fillMenu(QMenu* menu, int block, int head)
{
    if (showsHint())
        return;
    if (block >= 0 && head >= 0) {
        const bool off = m_document->isAblated(block, head, heads());
        menu->addAction(off ? tr("Switch head on") : tr("Switch head off"), this,
                        [this, block, head, off, heads = heads()] {
                            m_document->setAblated(block, head, !off, heads);
                        });
        menu->addSeparator();
    }
    if (!m_export)
        return;
    for (const QString& name : {cellFigureName(), gridFigureName()}) {
        const bool cell = name == cellFigureName();
        menu->addAction(cell ? tr("Export this head…") : tr("Export every block × head…"), m_export,
                        [this, name] { m_export->exportFigure(name); });
        menu->addAction(cell ? tr("Copy this head") : tr("Copy every block × head"), m_export,
                        [this, name] { m_export->copyFigure(name); });
    }
    menu->addSeparator();
    menu->addAction(tr("Export all figures…"), m_export, &ExportController::exportAll);
}

void EncoderDecoderPanel::showDocument()
{
    if (!m_document->hasModel() || !m_document->model().hasEncoder()) {
        showHint(tr("Open an encoder–decoder session to see its three kinds of attention "
                    "apart: File ▸ Lessons, the translation lesson."));
        return;
    }
    const attn::Model& model = m_document->model();
    const attn::ModelResult& result = m_document->modelResult();
    const AttentionKind k = kind();
    {
        const QSignalBlocker a(m_block), b(m_head);
        m_block->setMaximum(std::max(1, attentionKindBlocks(model, k)));
        m_head->setMaximum(std::max(1, model.heads()));
    }
    m_formula->setText(attentionKindFormula(k));
    m_grid->setData(attentionKindFigure(model, result, k));
    m_grid->setHighlightedBlock(m_block->value() - 1);
    m_heatmap->setData(
        attentionKindCellFigure(model, result, k, m_block->value() - 1, m_head->value() - 1));
    showPage();
}

} // namespace av

#include "attentionpanel.h"

#include "document.h"
#include "exportcontroller.h"
#include "figures.h"
#include "heatmapplot.h"
#include "trace.h"
#include "tracetext.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <cmath>

namespace av {

AttentionPanel::AttentionPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_what(new QComboBox), m_layout(new QComboBox),
      m_head(new QSpinBox), m_block(new QSpinBox), m_stack(new QStackedWidget), m_single(nullptr),
      m_gridPage(new QWidget), m_gridLayout(new QGridLayout(m_gridPage))
{
    m_what->addItems({tr("Attention weights A"), tr("Scores S (before normalisation)")});
    m_layout->addItems({tr("One head"), tr("All heads")});
    m_head->setPrefix(tr("Head "));
    m_head->setMinimum(1);
    // When the bar is short of room (presentation fonts), the wide first box gives way:
    // the short ones are never cut.
    m_layout->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_head->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_block->setPrefix(tr("Block "));
    m_block->setMinimum(1);
    m_block->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_block->setToolTip(tr("The block of the stack whose heads are shown"));
    m_what->setMinimumWidth(m_what->fontMetrics().averageCharWidth() * 10);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_what);
    bar->addWidget(m_layout);
    bar->addWidget(m_block);
    bar->addWidget(m_head);
    auto* hint = new QLabel(tr("Hover a cell to see how its number came about. With a custom mask, "
                               "click cells to allow or block them."));
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    // About the mouse, for whoever holds it: not for a class (Presentation hides it).
    hint->setProperty("av_hideWhilePresenting", true);
    bar->addWidget(hint, 1);

    m_single = makePlot(-1);
    m_stack->addWidget(m_single);
    m_stack->addWidget(m_gridPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_what, &QComboBox::currentIndexChanged, this, &AttentionPanel::showDocument);
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_stack->setCurrentIndex(index);
        m_head->setEnabled(index == 0);
        showDocument();
    });
    connect(m_head, &QSpinBox::valueChanged, this, &AttentionPanel::showDocument);
    connect(m_block, &QSpinBox::valueChanged, this,
            [this](int value) { m_document->setBlock(value - 1); });
    connect(m_document, &Document::changed, this, [this](Document::Changes changes) {
        if (!Document::redraws(changes))
            return;
        if (changes & Document::Structure)
            relayoutGrid();
        showDocument();
    });
    relayoutGrid();
    showDocument();
}

int AttentionPanel::currentHead() const
{
    return m_head->value() - 1;
}

void AttentionPanel::setCurrentHead(int head)
{
    m_head->setValue(head + 1);
}

void AttentionPanel::setShowAllHeads(bool all)
{
    m_layout->setCurrentIndex(all ? 1 : 0);
}

void AttentionPanel::setShowScores(bool scores)
{
    m_what->setCurrentIndex(scores ? 1 : 0);
}

QString AttentionPanel::cellExplanation(int head, int row, int col) const
{
    const attn::Session& s = m_document->session();
    if (head < 0 || head >= s.heads || row < 0 || col < 0 || row >= s.n() || col >= s.n())
        return {};
    return describeTrace(attn::traceWeight(s, m_document->result(), head, row, col), s);
}

HeatmapPlot* AttentionPanel::makePlot(int head)
{
    auto* plot = new HeatmapPlot;
    // head −1: the large plot, whose head is the spin box's.
    plot->setToolTipProvider([this, head](int row, int col) {
        return cellExplanation(head < 0 ? currentHead() : head, row, col);
    });
    attachMenu(plot, head);
    connect(plot, &HeatmapPlot::cellClicked, this, [this](int row, int col) {
        if (m_document->session().mask.kind == attn::MaskKind::Custom)
            m_document->toggleMaskCell(row, col);
    });
    return plot;
}

void AttentionPanel::setExportController(ExportController* controller)
{
    m_export = controller;
    attachMenu(m_single, -1);
    for (int h = 0; h < m_grid.size(); ++h)
        attachMenu(m_grid[h], h);
}

void AttentionPanel::attachMenu(HeatmapPlot* plot, int head)
{
    if (!m_export)
        return;
    const auto headShown = [this, head] { return head < 0 ? currentHead() : head; };
    m_export->attachMenu(
        plot,
        [this, headShown] {
            const QString what = m_what->currentIndex() == 1 ? "scores" : "attention";
            // A model's blocks named as --export names them (docs/command-line.md).
            if (m_document->hasModel())
                return QStringLiteral("%1-layer-%2-head-%3")
                    .arg(what)
                    .arg(m_document->block() + 1)
                    .arg(headShown() + 1);
            return QStringLiteral("%1-head-%2").arg(what).arg(headShown() + 1);
        },
        [this, headShown] {
            const HeatmapData d = figure(headShown());
            return ExportController::Numbers{
                d.values, d.rowLabels, d.colLabels,
                QStringLiteral("head-%1-%2")
                    .arg(headShown() + 1)
                    .arg(m_what->currentIndex() == 1 ? "scores" : "weights")};
        });
}

void AttentionPanel::relayoutGrid()
{
    const int heads = m_document->session().heads;
    m_head->setMaximum(heads);
    while (m_grid.size() > heads)
        delete m_grid.takeLast();
    while (m_grid.size() < heads)
        m_grid << makePlot(m_grid.size());
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(heads))));
    for (int h = 0; h < heads; ++h)
        m_gridLayout->addWidget(m_grid[h], h / columns, h % columns);
}

HeatmapData AttentionPanel::figure(int head) const
{
    HeatmapData d = attentionFigure(m_document->session(), m_document->result(), head,
                                    m_what->currentIndex() == 1);
    if (m_document->hasModel()) {
        d.title = tr("Block %1 · %2").arg(m_document->block() + 1).arg(d.title);
        if (m_document->model().isAblated(m_document->block(), head))
            d.title += tr(" (switched off)");
    }
    return d;
}

void AttentionPanel::showDocument()
{
    const attn::Session& s = m_document->session();
    m_block->setVisible(m_document->hasModel());
    if (m_document->hasModel()) {
        const QSignalBlocker blocker(m_block);
        m_block->setMaximum(m_document->model().layerCount());
        m_block->setValue(m_document->block() + 1);
    }
    if (m_stack->currentIndex() == 0)
        m_single->setData(figure(std::min(currentHead(), s.heads - 1)));
    else
        for (int h = 0; h < m_grid.size(); ++h)
            m_grid[h]->setData(figure(h));
}

} // namespace av

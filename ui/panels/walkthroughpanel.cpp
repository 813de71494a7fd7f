#include "walkthroughpanel.h"

#include "document.h"
#include "heatmapplot.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

namespace av {

WalkthroughPanel::WalkthroughPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_stepBox(new QComboBox),
      m_previous(new QPushButton(tr("◀ Previous"))), m_next(new QPushButton(tr("Next ▶"))),
      m_query(new QSpinBox), m_column(new QSpinBox), m_queryToken(new QLabel), m_title(new QLabel),
      m_formula(new QLabel), m_why(new QLabel), m_plotRow(new QHBoxLayout)
{
    m_stepBox->setToolTip(tr("Go to a step directly"));
    m_previous->setToolTip(tr("Previous step (Left, Backspace, Page Up)"));
    m_next->setToolTip(tr("Next step (Right, Space, Page Down)"));
    m_query->setMinimum(1);
    m_column->setMinimum(1);
    m_query->setToolTip(tr("The token whose output the walk follows (the query)"));
    m_column->setToolTip(tr("The column of the output O the walk follows; it decides the head"));
    m_navigation = new QWidget;
    auto* navigation = new QHBoxLayout(m_navigation);
    navigation->setContentsMargins(0, 0, 0, 0);
    navigation->addWidget(m_stepBox, 1);
    navigation->addWidget(m_previous);
    navigation->addWidget(m_next);
    m_followTokenPart = new QWidget;
    auto* tokenPart = new QHBoxLayout(m_followTokenPart);
    tokenPart->setContentsMargins(0, 0, 0, 0);
    tokenPart->addWidget(new QLabel(tr("Follow O[token")));
    tokenPart->addWidget(m_query);
    tokenPart->addWidget(m_queryToken);
    m_followColumnPart = new QWidget;
    auto* columnPart = new QHBoxLayout(m_followColumnPart);
    columnPart->setContentsMargins(0, 0, 0, 0);
    columnPart->addWidget(new QLabel(tr(", column")));
    columnPart->addWidget(m_column);
    columnPart->addWidget(new QLabel(QStringLiteral("]")));
    m_follow = new QHBoxLayout;
    m_follow->setContentsMargins(0, 0, 0, 0);
    m_follow->addWidget(m_followTokenPart, 0, Qt::AlignLeft);
    m_follow->addWidget(m_followColumnPart, 0, Qt::AlignLeft);
    m_follow->addStretch(1); // the two parts stay together on the left
    m_bar = new QHBoxLayout;
    m_bar->addWidget(m_navigation, 1);
    m_bar->addSpacing(16);
    m_bar->addLayout(m_follow);

    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    // Sizes relative to the widget's font, so that presentation mode's larger font reaches them.
    for (QLabel* label : {m_formula, m_why}) {
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    }
    m_formula->setFrameShape(QFrame::StyledPanel);
    m_formula->setMargin(8);
    m_formula->setAutoFillBackground(true);
    m_formula->setBackgroundRole(QPalette::Base);

    for (int k = 0; k < kMaxPlots; ++k) {
        auto* caption = new QLabel;
        caption->setTextFormat(Qt::RichText);
        caption->setAlignment(Qt::AlignHCenter);
        caption->setWordWrap(true);
        auto* plot = new HeatmapPlot;
        plot->setValueFontScale(1.15);
        // Every value is printed in its cell: the colour bar would only take the matrix's room.
        plot->setColorBarVisible(false);
        auto* column = new QVBoxLayout;
        column->addWidget(caption);
        column->addWidget(plot, 1);
        m_plotRow->addLayout(column, 1);
        m_captions << caption;
        m_plots << plot;
    }

    // Scrolls rather than forcing its height on the window when docked small.
    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_formula);
    contentLayout->addWidget(m_why);
    contentLayout->addLayout(m_plotRow, 1);
    m_scroll = new QScrollArea;
    auto* scroll = m_scroll;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(m_bar);
    layout->addWidget(scroll, 1);

    connect(m_previous, &QPushButton::clicked, this, &WalkthroughPanel::previousStep);
    connect(m_next, &QPushButton::clicked, this, &WalkthroughPanel::nextStep);
    connect(m_stepBox, &QComboBox::activated, this, &WalkthroughPanel::setStep);
    // Presenter remotes send Page Up / Page Down.
    const auto bind = [this](QKeySequence key, void (WalkthroughPanel::*slot)()) {
        auto* shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    for (Qt::Key key : {Qt::Key_Right, Qt::Key_Space, Qt::Key_PageDown})
        bind(QKeySequence(key), &WalkthroughPanel::nextStep);
    for (Qt::Key key : {Qt::Key_Left, Qt::Key_Backspace, Qt::Key_PageUp})
        bind(QKeySequence(key), &WalkthroughPanel::previousStep);
    const auto targetEdited = [this] {
        if (m_updating)
            return;
        m_target = WalkTarget{m_query->value() - 1, m_column->value() - 1};
        rebuild();
    };
    connect(m_query, &QSpinBox::valueChanged, this, targetEdited);
    connect(m_column, &QSpinBox::valueChanged, this, targetEdited);
    connect(m_document, &Document::changed, this, [this](Document::Changes changes) {
        if (!(changes & (Document::Values | Document::Structure)))
            return;
        if (isVisible()) {
            rebuild();
        } else {
            m_stepsStale = true;
            m_widgetsStale = true;
        }
    });
    setFocusPolicy(Qt::StrongFocus);
    // Filled when first shown (a tab behind the Pipeline needs nothing yet), or when a
    // step is asked for.
    m_stepsStale = true;
    m_widgetsStale = true;
}

void WalkthroughPanel::setStep(int index)
{
    index = std::clamp(index, 0, stepCount() - 1);
    if (index == m_current)
        return;
    m_current = index;
    showStep();
    emit stepChanged(m_current);
}

WalkTarget WalkthroughPanel::target() const
{
    return m_target.resolved(m_document->session());
}

void WalkthroughPanel::setTarget(WalkTarget target)
{
    m_target = target;
    rebuild();
}

const QVector<WalkStep>& WalkthroughPanel::steps() const
{
    if (m_stepsStale) {
        m_steps = computeSteps();
        m_stepsStale = false;
    }
    return m_steps;
}

QVector<WalkStep> WalkthroughPanel::computeSteps() const
{
    // A model's block: the attention steps through the block's view, and the block's others.
    if (m_document->hasModel())
        return walkBlockSteps(m_document->model(), m_document->modelResult(), m_document->block(),
                              m_document->session(), m_document->result(), m_target);
    return walkSteps(m_document->session(), m_document->result(), m_target);
}

void WalkthroughPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_widgetsStale)
        rebuild();
}

void WalkthroughPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    arrange();
}

void WalkthroughPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        arrange();
}

void WalkthroughPanel::arrange()
{
    if (!m_scroll)
        return;
    const int margins = layout()->contentsMargins().left() + layout()->contentsMargins().right();
    const int width = this->width() - margins;
    const int spacing = m_bar->spacing();
    const int tokenPart = m_followTokenPart->sizeHint().width();
    const int columnPart = m_followColumnPart->sizeHint().width();
    const bool followInOneRow = tokenPart + spacing + columnPart <= width;
    m_follow->setDirection(followInOneRow ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    const int follow =
        followInOneRow ? tokenPart + spacing + columnPart : std::max(tokenPart, columnPart);
    const bool barInOneRow =
        m_navigation->minimumSizeHint().width() + 16 + 2 * spacing + follow <= width;
    m_bar->setDirection(barInOneRow ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);

    // The plots side by side need their minimum widths; the viewport is what is left
    // beside a vertical scroll bar.
    int used = 0, plotsWidth = 0;
    for (int k = 0; k < kMaxPlots; ++k) {
        if (m_plots[k]->isVisibleTo(this)) {
            plotsWidth += m_plots[k]->minimumSizeHint().width() + (used > 0 ? spacing : 0);
            ++used;
        }
    }
    const int viewport = width - m_scroll->verticalScrollBar()->sizeHint().width();
    m_plotRow->setDirection(plotsWidth <= viewport ? QBoxLayout::LeftToRight
                                                   : QBoxLayout::TopToBottom);
}

void WalkthroughPanel::rebuild()
{
    const attn::Session& s = m_document->session();
    m_steps = computeSteps();
    m_stepsStale = false;
    m_widgetsStale = false;
    const WalkTarget t = target();
    m_updating = true;
    m_query->setMaximum(std::max(1, s.n()));
    m_query->setValue(t.query + 1);
    m_column->setMaximum(std::max(1, s.dModel));
    m_column->setValue(t.column + 1);
    m_query->setEnabled(s.n() > 0);
    m_column->setEnabled(s.n() > 0);
    m_queryToken->setText(
        s.n() > 0 ? QStringLiteral("“%1”").arg(QString::fromStdString(s.tokens[t.query]))
                  : QString());
    m_stepBox->clear();
    for (const WalkStep& step : std::as_const(m_steps))
        m_stepBox->addItem(step.title);
    m_updating = false;
    m_current = std::clamp(m_current, 0, stepCount() - 1);
    showStep();
}

void WalkthroughPanel::showStep()
{
    const WalkStep& current = step();
    m_stepBox->setCurrentIndex(m_current);
    m_previous->setEnabled(m_current > 0);
    m_next->setEnabled(m_current + 1 < stepCount());
    m_title->setText(QStringLiteral("<span style='font-size:x-large'><b>%1</b></span>")
                         .arg(current.title.toHtmlEscaped()));
    m_formula->setText(
        QStringLiteral("<div style='font-size:x-large'>%1</div>").arg(current.formula));
    m_why->setText(QStringLiteral("<div style='font-size:x-large'>%1</div>").arg(current.why));
    for (int k = 0; k < kMaxPlots; ++k) {
        const bool used = k < current.matrices.size();
        m_captions[k]->setVisible(used);
        m_plots[k]->setVisible(used);
        // An empty column with a stretch would still take its share of the row.
        m_plotRow->setStretch(k, used ? 1 : 0);
        if (!used)
            continue;
        const WalkStep::Shown& shown = current.matrices[k];
        // The matrix's name goes under the caption rather than above the plot in the plot's
        // title font: three titles that wrap to several lines would take the matrices' room.
        m_captions[k]->setText(
            QStringLiteral("<span style='font-size:large'><b>%1</b></span><br>%2")
                .arg(shown.caption, shown.data.title.toHtmlEscaped()));
        HeatmapData data = shown.data;
        data.title.clear();
        m_plots[k]->setData(data);
        m_plots[k]->setHighlightedCells(shown.highlighted);
    }
    arrange(); // the number of plots may have changed
}

} // namespace av

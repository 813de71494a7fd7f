#include "predictionspanel.h"

#include "document.h"
#include "exportcontroller.h"
#include "modelfigures.h"
#include "rankingplot.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace av {

PredictionsPanel::PredictionsPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_token(new QComboBox), m_stack(new QStackedWidget),
      m_hint(new QLabel), m_chart(new RankingPlot)
{
    m_token->setToolTip(tr("The token after which the model predicts the next one"));
    m_token->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* bar = new QHBoxLayout;
    auto* label = new QLabel(tr("After token"));
    label->setBuddy(m_token);
    bar->addWidget(label);
    bar->addWidget(m_token);
    bar->addStretch(1);
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setMargin(16);
    m_stack->addWidget(m_hint);
    m_stack->addWidget(m_chart);
    m_chart->setToolTip(tr("p = softmax of the logits H_f · U + b_U of the chosen token's row"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_token, &QComboBox::activated, this, [this](int index) {
        m_followLast = index == m_token->count() - 1;
        showPredictions();
    });
    connect(m_document, &Document::changed, this, [this] {
        m_stale = true;
        if (isVisible())
            showDocument();
    });
    showDocument();
}

int PredictionsPanel::currentToken() const
{
    return m_stack->currentWidget() == m_chart ? m_token->currentIndex() : -1;
}

void PredictionsPanel::setCurrentToken(int token)
{
    if (token < 0 || token >= m_token->count())
        return;
    m_token->setCurrentIndex(token);
    m_followLast = token == m_token->count() - 1;
    showPredictions();
}

bool PredictionsPanel::showsHint() const
{
    return m_stack->currentWidget() == m_hint;
}

void PredictionsPanel::setExportController(ExportController* controller)
{
    controller->attachMenu(m_chart, [] { return QStringLiteral("predictions"); });
}

void PredictionsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        showDocument();
}

void PredictionsPanel::showDocument()
{
    m_stale = false;
    const bool model = m_document->hasModel();
    const QStringList choices = model ? tokenChoices(m_document->model()) : QStringList();
    {
        // The choice survives edits; new tokens keep showing the last one unless another
        // was chosen.
        const QSignalBlocker blocker(m_token);
        const int previous = m_token->currentIndex();
        QStringList current;
        for (int i = 0; i < m_token->count(); ++i)
            current << m_token->itemText(i);
        if (current != choices) {
            m_token->clear();
            m_token->addItems(choices);
        }
        const int last = int(choices.size()) - 1;
        m_token->setCurrentIndex(m_followLast || previous < 0 || previous > last ? last : previous);
    }
    showPredictions();
}

void PredictionsPanel::showPredictions()
{
    if (!m_document->hasModel()) {
        m_hint->setText(tr("Open a version 2 session (a whole transformer) with a vocabulary to "
                           "see which token it predicts next: File ▸ Lessons, e.g. the small "
                           "GPT-2 stack."));
        m_stack->setCurrentWidget(m_hint);
        m_token->setEnabled(false);
        return;
    }
    if (!hasPredictions(m_document->modelResult())) {
        m_hint->setText(tr("This model has no vocabulary and unembedding, so it predicts no "
                           "next token. Its blocks are in the model view."));
        m_stack->setCurrentWidget(m_hint);
        m_token->setEnabled(false);
        return;
    }
    m_token->setEnabled(true);
    const PredictionsFigure f =
        predictionsFigure(m_document->model(), m_document->modelResult(), m_token->currentIndex());
    m_chart->setData(f.title, f.labels, f.probability, tr("probability of the next token"));
    m_stack->setCurrentWidget(m_chart);
}

} // namespace av

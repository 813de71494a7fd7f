#include "predictionspanel.h"

#include "document.h"
#include "exportcontroller.h"
#include "modelfigures.h"
#include "rankingplot.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace av {

PredictionsPanel::PredictionsPanel(Document* document, QWidget* parent)
    : ModelPanel(document, parent), m_token(new QComboBox), m_chart(new RankingPlot)
{
    m_token->setToolTip(tr("The token after which the model predicts the next one"));
    m_token->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* bar = new QHBoxLayout;
    auto* label = new QLabel(tr("After token"));
    label->setBuddy(m_token);
    bar->addWidget(label);
    bar->addWidget(m_token);
    bar->addStretch(1);
    m_chart->setToolTip(tr("p = softmax of the logits H_f · U + b_U of the chosen token's row"));
    setPage(m_chart, bar);

    connect(m_token, &QComboBox::activated, this, [this](int index) {
        m_followLast = index == m_token->count() - 1;
        showPredictions();
    });
    refresh();
}

int PredictionsPanel::currentToken() const
{
    return showsHint() ? -1 : m_token->currentIndex();
}

void PredictionsPanel::setCurrentToken(int token)
{
    if (token < 0 || token >= m_token->count())
        return;
    m_token->setCurrentIndex(token);
    m_followLast = token == m_token->count() - 1;
    showPredictions();
}

void PredictionsPanel::setExportController(ExportController* controller)
{
    controller->attachMenu(m_chart, [] { return QStringLiteral("predictions"); });
}

void PredictionsPanel::showDocument()
{
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
        showHint(tr("Open a version 2 session (a whole transformer) with a vocabulary to "
                    "see which token it predicts next: File ▸ Lessons, e.g. the small "
                    "GPT-2 stack."));
        m_token->setEnabled(false);
        return;
    }
    if (!hasPredictions(m_document->modelResult())) {
        showHint(tr("This model has no vocabulary and unembedding, so it predicts no "
                    "next token. Its blocks are in the model view."));
        m_token->setEnabled(false);
        return;
    }
    m_token->setEnabled(true);
    const PredictionsFigure f =
        predictionsFigure(m_document->model(), m_document->modelResult(), m_token->currentIndex());
    m_chart->setData(f.title, f.labels, f.probability, tr("probability of the next token"));
    showPage();
}

} // namespace av

#include "shuffledemo.h"

#include "demopass.h"
#include "demopasses.h"
#include "demosplots.h"
#include "document.h"
#include "figures.h"
#include "heatmapplot.h"
#include "names.h"
#include "numberformat.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace av {
namespace {

QStringList reordered(const QStringList& labels, const std::vector<int>& perm)
{
    QStringList out;
    for (int old : perm)
        out << labels.value(old);
    return out;
}

} // namespace

ShuffleDemo::ShuffleDemo(Document* document, QWidget* parent)
    : ComputedDemo(document, parent), m_shuffle(new QPushButton(tr("&Shuffle the tokens"))),
      m_head(new QSpinBox), m_order(new QLabel)
{
    auto* explanation = newExplanation(
        tr("Self-attention treats its input as a set: without a positional encoding, putting the "
           "tokens in another order (a permutation P) only reorders the rows and columns of A, "
           "A' = P·A·Pᵀ, so word order cannot matter. With an encoding, each position adds its own "
           "vector and the pattern itself changes. (Mask off here: a mask is itself positional.)"));
    m_head->setPrefix(tr("Head "));
    m_head->setMinimum(1);
    m_order->setWordWrap(true);
    enlargeWhilePresenting(m_order);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_shuffle);
    bar->addWidget(m_head);
    bar->addWidget(m_order, 1);

    auto* grid = new QGridLayout;
    for (int pe = 0; pe < 2; ++pe) {
        m_check[pe] = new QLabel;
        m_check[pe]->setWordWrap(true);
        enlargeWhilePresenting(m_check[pe]);
        m_check[pe]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        for (int c = 0; c < 3; ++c) {
            m_plots[pe][c] = newDemoHeatmap();
            grid->addWidget(m_plots[pe][c], 2 * pe, c);
        }
        grid->addWidget(m_check[pe], 2 * pe + 1, 0, 1, 3);
        grid->setRowStretch(2 * pe, 1);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(explanation);
    layout->addLayout(bar);
    layout->addLayout(grid, 1);

    connect(m_shuffle, &QPushButton::clicked, this, &ShuffleDemo::shuffle);
    connect(m_head, &QSpinBox::valueChanged, this, &ShuffleDemo::request);
    followDocument();
}

QString ShuffleDemo::checkText(bool positional) const
{
    return m_check[positional ? 1 : 0]->text();
}

void ShuffleDemo::shuffle()
{
    // Each press shows another order (where there is one: two tokens have only a swap).
    const attn::Session& session = m_document->session();
    for (int tries = 0; tries < 64; ++tries)
        if (attn::shufflePermutation(session.n(), session.seed, ++m_step) != m_permutation)
            break;
    request();
}

void ShuffleDemo::request()
{
    const attn::Session& session = m_document->session();
    m_head->setMaximum(std::max(session.heads, 1));
    m_permutation = attn::shufflePermutation(session.n(), session.seed, m_step);
    m_shuffle->setEnabled(session.n() >= 2);
    m_pass->request(shuffleDemoPass(m_permutation, m_head->value() - 1));
}

void ShuffleDemo::showResult()
{
    const attn::ShuffleDemo* demo = m_pass->result<attn::ShuffleDemo>();
    const attn::Session& session = m_pass->session();
    const int head = demo->head;
    const QStringList tokens = tokenLabels(session);
    const QStringList shuffledTokens = reordered(tokens, demo->permutation);
    m_order->setText(tr("Order after shuffle %1: %2")
                         .arg(m_step + 1)
                         .arg(shuffledTokens.join(QStringLiteral("  "))));
    for (int pe = 0; pe < 2; ++pe) {
        const attn::ShuffleCheck& check = pe ? demo->withEncoding : demo->withoutEncoding;
        m_maxError[pe] = check.maxError;
        const QString setting =
            pe ? tr("with positional encoding (%1)").arg(kindName(demo->encoding))
               : tr("no positional encoding");
        HeatmapData d;
        d.rowAxisTitle = tr("query");
        d.colAxisTitle = tr("key");
        d.range = std::make_pair(0.0, 1.0);
        if (demo->normalizer != attn::NormalizerKind::Softmax)
            d.range.reset();
        d.title = tr("A, original order — %1").arg(setting);
        d.values = check.before;
        d.rowLabels = d.colLabels = tokens;
        m_plots[pe][0]->setData(d);
        d.title = tr("P·A·Pᵀ: A reordered — %1").arg(setting);
        d.values = check.expected;
        d.rowLabels = d.colLabels = shuffledTokens;
        m_plots[pe][1]->setData(d);
        d.title = tr("A' recomputed after the shuffle — %1").arg(setting);
        d.values = check.after;
        m_plots[pe][2]->setData(d);

        const QString error = formatSignificant(check.maxError, 3);
        QString verdict;
        if (session.n() < 2)
            verdict = tr("Add at least two tokens to shuffle.");
        else if (check.onlyReordered)
            verdict = pe ? tr("the same pattern, only reordered: this encoding does not tell these "
                              "positions apart.")
                         : tr("rounding only: shuffling merely reorders A, so the order of the "
                              "words is invisible.");
        else
            verdict =
                pe ? tr("clearly above 0: the pattern itself changed, so attention sees the order.")
                   : tr("the identity failed, which it should not without an encoding.");
        m_check[pe]->setText(
            QStringLiteral("<b>%1</b> max |A' − P·A·Pᵀ| = %2: %3")
                .arg(pe ? tr("With encoding:") : tr("Without encoding:"), error, verdict));
    }
}

} // namespace av

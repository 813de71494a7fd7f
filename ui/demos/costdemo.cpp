#include "costdemo.h"

#include "curveplot.h"
#include "demos.h"
#include "demosplots.h"
#include "document.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace av {
namespace {

/// 1 234 567 as "1.23e+06" beyond six digits: the table stays narrow.
QString count(double value)
{
    return value < 1e6 ? QString::number(value, 'f', 0) : QString::number(value, 'e', 2);
}

} // namespace

CostDemo::CostDemo(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_n(new QSpinBox), m_d(new QSpinBox),
      m_k(new QSpinBox), m_maxN(new QSpinBox), m_table(new QTableWidget(4, 3)),
      m_curves(new CurvePlot)
{
    auto* explanation = newExplanation(
        tr("Per layer over n positions of width d (Vaswani et al. 2017, table 1). Self-attention "
           "costs n²·d but connects any two positions in one step and runs all positions at "
           "once; it is cheaper than a recurrent layer while n < d. A recurrent layer must take "
           "n steps one after another, and a signal crosses n − 1 of them. A convolution of "
           "kernel k needs a stack of layers to connect distant positions."));
    m_n->setRange(1, 1 << 20);
    m_n->setPrefix(tr("n = "));
    m_n->setToolTip(tr("Sequence length for the table (follows the session's tokens)"));
    m_d->setRange(1, 1 << 16);
    m_d->setPrefix(tr("d = "));
    m_d->setToolTip(tr("Width of the representation (follows the session's d_model)"));
    m_k->setRange(2, 1024);
    m_k->setValue(3);
    m_k->setPrefix(tr("kernel k = "));
    m_maxN->setRange(2, 1 << 20);
    m_maxN->setValue(4096);
    m_maxN->setPrefix(tr("curves up to n = "));
    auto* bar = new QHBoxLayout;
    for (QSpinBox* box : {m_n, m_d, m_k, m_maxN})
        bar->addWidget(box);
    bar->addStretch(1);

    m_table->setHorizontalHeaderLabels(
        {tr("Operations per layer"), tr("Sequential steps"), tr("Maximum path length")});
    m_table->setVerticalHeaderLabels({tr("Self-attention"), tr("Convolution (kernel k)"),
                                      tr("Dilated convolution"), tr("Recurrent")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    enlargeWhilePresenting(m_table);
    // No taller than its rows, whatever the font: the curves get the rest.
    const auto fitTable = [this] {
        int height =
            m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth() + 2;
        for (int row = 0; row < m_table->rowCount(); ++row)
            height += m_table->rowHeight(row);
        m_table->setMaximumHeight(height);
    };
    connect(m_table->verticalHeader(), &QHeaderView::sectionResized, this, fitTable);
    connect(m_table->horizontalHeader(), &QHeaderView::geometriesChanged, this, fitTable);
    fitTable();

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(m_curves);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(explanation);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    // Numbers read the same in both languages: 10³ rather than 1000 or 1E+03.
    m_curves->setLogarithmic(Qt::Horizontal, true);
    m_curves->setLogarithmic(Qt::Vertical, true);
    for (QSpinBox* box : {m_n, m_d, m_k, m_maxN})
        connect(box, &QSpinBox::valueChanged, this, &CostDemo::showCosts);
    connect(m_document, &Document::changed, this, &CostDemo::followDocument);
    followDocument();
}

void CostDemo::followDocument()
{
    const attn::Session& s = m_document->session();
    const QSignalBlocker blockN(m_n), blockD(m_d);
    m_n->setValue(std::max(s.n(), 1));
    m_d->setValue(std::max(s.dModel, 1));
    showCosts();
}

void CostDemo::showCosts()
{
    using attn::LayerKind;
    const int n = m_n->value(), d = m_d->value(), k = m_k->value();
    const LayerKind kinds[4] = {LayerKind::SelfAttention, LayerKind::Convolution,
                                LayerKind::DilatedConvolution, LayerKind::Recurrent};
    const QString operations[4] = {QStringLiteral("O(n²·d)"), QStringLiteral("O(k·n·d²)"),
                                   QStringLiteral("O(k·n·d²)"), QStringLiteral("O(n·d²)")};
    const QString steps[4] = {QStringLiteral("O(1)"), QStringLiteral("O(1)"),
                              QStringLiteral("O(1)"), QStringLiteral("O(n)")};
    const QString paths[4] = {QStringLiteral("O(1)"), QStringLiteral("O(n/k)"),
                              QStringLiteral("O(log_k n)"), QStringLiteral("O(n)")};
    for (int row = 0; row < 4; ++row) {
        const QString cells[3] = {
            QStringLiteral("%1 = %2").arg(operations[row],
                                          count(attn::layerOperations(kinds[row], n, d, k))),
            QStringLiteral("%1 = %2").arg(steps[row]).arg(attn::sequentialSteps(kinds[row], n)),
            QStringLiteral("%1 = %2")
                .arg(paths[row])
                .arg(attn::maximumPathLength(kinds[row], n, k))};
        for (int c = 0; c < 3; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setTextAlignment(Qt::AlignCenter);
            m_table->setItem(row, c, item);
        }
    }

    // Log-spaced n, 24 points per decade.
    QVector<CurvePlot::Curve> curves{{tr("self-attention n²·d"), {}, {}},
                                     {tr("convolution k·n·d²"), {}, {}},
                                     {tr("recurrent n·d²"), {}, {}}};
    const double maxN = m_maxN->value();
    const int points = std::max(2, int(std::ceil(24 * std::log10(maxN))) + 1);
    for (int i = 0; i < points; ++i) {
        const double x = std::pow(maxN, double(i) / (points - 1));
        const LayerKind plotted[3] = {LayerKind::SelfAttention, LayerKind::Convolution,
                                      LayerKind::Recurrent};
        for (int c = 0; c < 3; ++c) {
            curves[c].x << x;
            curves[c].y << attn::layerOperations(plotted[c], x, d, k);
        }
    }
    m_curves->setData(tr("Operations per layer at d = %1, k = %2: self-attention is cheaper than "
                         "recurrence while n < d")
                          .arg(d)
                          .arg(k),
                      tr("sequence length n"), tr("operations (multiply–adds)"), curves);
    double lo = curves[0].y.first(), hi = lo;
    for (const CurvePlot::Curve& c : curves)
        for (double y : c.y) {
            lo = std::min(lo, y);
            hi = std::max(hi, y);
        }
    m_curves->setRanges(1, maxN, lo / 2, hi * 2);
}

} // namespace av

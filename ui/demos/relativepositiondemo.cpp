#include "relativepositiondemo.h"

#include "curveplot.h"
#include "demos.h"
#include "demosplots.h"
#include "document.h"
#include "heatmapplot.h"
#include "names.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace av {
namespace {

constexpr int kPositions = 200; // positions the check runs over

} // namespace

RelativePositionDemo::RelativePositionDemo(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_shift(new QSpinBox), m_dModel(new QSpinBox),
      m_position(new QSpinBox), m_check(new QLabel), m_map(newDemoHeatmap()),
      m_vectors(new CurvePlot)
{
    auto* explanation = newExplanation(
        tr("The sinusoidal encoding pairs a sine and a cosine of the same frequency ω_i. Moving k "
           "positions on rotates each pair by the angle k·ω_i, whatever the position: "
           "PE(pos + k) = M_k · PE(pos) with one matrix M_k for every pos. A head can therefore "
           "learn a linear map that looks \"k tokens back\" anywhere in the sentence."));
    m_shift->setRange(0, 500);
    m_shift->setValue(1);
    m_shift->setPrefix(tr("k = "));
    m_dModel->setRange(2, attn::kMaxDModel);
    m_dModel->setSingleStep(2);
    m_dModel->setPrefix(tr("d_model = "));
    m_dModel->setToolTip(
        tr("Even: every sine has its cosine. Follows the session's d_model, rounded up to even."));
    m_position->setRange(0, kPositions - 1);
    m_position->setValue(3);
    m_position->setPrefix(tr("pos = "));
    m_position->setToolTip(tr("The position whose vectors the curves show"));
    m_check->setWordWrap(true);
    enlargeWhilePresenting(m_check);
    m_check->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Shift")));
    bar->addWidget(m_shift);
    bar->addWidget(m_dModel);
    bar->addWidget(m_position);
    bar->addStretch(1);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_map);
    split->addWidget(m_vectors);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(explanation);
    layout->addLayout(bar);
    layout->addWidget(m_check);
    layout->addWidget(split, 1);

    for (QSpinBox* box : {m_shift, m_dModel, m_position})
        connect(box, &QSpinBox::valueChanged, this, &RelativePositionDemo::showShift);
    connect(m_document, &Document::changed, this, &RelativePositionDemo::followDocument);
    followDocument();
}

QString RelativePositionDemo::checkText() const
{
    return m_check->text();
}

void RelativePositionDemo::followDocument()
{
    const int d = m_document->session().dModel;
    const QSignalBlocker block(m_dModel);
    m_dModel->setValue(std::max(2, d + d % 2));
    showShift();
}

void RelativePositionDemo::showShift()
{
    const int k = m_shift->value();
    const int d = m_dModel->value() - m_dModel->value() % 2;
    const int pos = m_position->value();
    const double base = m_document->session().positional.base;
    const attn::RelativeShiftCheck check = attn::checkRelativeShift(k, d, base, kPositions);
    m_maxError = check.maxError;

    HeatmapData map;
    map.title = tr("M_%1: rotation by %1·ω_i in each (sin, cos) pair, d_model = %2, base = %3")
                    .arg(k)
                    .arg(d)
                    .arg(base);
    map.values = check.map;
    map.rowLabels = map.colLabels = indexLabels(d);
    map.rowAxisTitle = tr("row (output dimension)");
    map.colAxisTitle = tr("column (input dimension)");
    map.diverging = true;
    map.range = std::make_pair(-1.0, 1.0);
    m_map->setData(map);

    CurvePlot::Curve at{tr("PE(%1)").arg(pos), {}, {}},
        target{tr("PE(%1 + %2)").arg(pos).arg(k), {}, {}},
        moved{tr("M_%1 · PE(%2)").arg(k).arg(pos), {}, {}};
    for (int c = 0; c < d; ++c) {
        at.x << c;
        target.x << c;
        moved.x << c;
        at.y << check.encoding(pos, c);
        target.y << check.encoding(pos + k, c);
        moved.y << check.shifted(pos, c);
    }
    m_vectors->setData(tr("The encoding vectors at position %1: M_%2 · PE(%1) lands on PE(%1 + %2)")
                           .arg(pos)
                           .arg(k),
                       tr("dimension"), tr("value"), {at, target, moved});

    m_check->setText(
        tr("<b>Check:</b> max over pos = 0 … %1 of |PE(pos + %2) − M_%2 · PE(pos)| = %3 "
           "(rounding only: the same matrix shifts every position).")
            .arg(kPositions - 1)
            .arg(k)
            .arg(check.maxError, 0, 'g', 3));
}

} // namespace av

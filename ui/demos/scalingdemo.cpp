#include "scalingdemo.h"

#include "barplot.h"
#include "curveplot.h"
#include "demosplots.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>
#include <cmath>

namespace av {
namespace {

constexpr std::uint64_t kSeed = 2017;
constexpr int kSamples = 4000; // the variance within about ±3 % at every d_k
constexpr int kBins = 60;
constexpr int kRowKeys = 8;
constexpr int kSaturationKeys = 16;
constexpr int kSaturationRows = 100;
constexpr int kMaxDK = 512;

CurvePlot::Curve densityCurve(const QString& name, const attn::Histogram& h)
{
    CurvePlot::Curve curve{name, {}, {}};
    for (int bin = 0; bin < int(h.counts.size()); ++bin) {
        curve.x << h.binCentre(bin);
        curve.y << h.density(bin);
    }
    return curve;
}

} // namespace

ScalingDemo::ScalingDemo(QWidget* parent)
    : QWidget(parent), m_slider(new QSlider(Qt::Horizontal)), m_value(new QLabel),
      m_statistics(new QLabel), m_histogram(new CurvePlot), m_saturation(new CurvePlot),
      m_row(new BarPlot)
{
    m_slider->setRange(1, kMaxDK);
    m_slider->setValue(64);
    m_slider->setToolTip(tr("The width d_k of the queries and keys"));
    m_value->setMinimumWidth(m_value->fontMetrics().horizontalAdvance(QStringLiteral("d_k = 000")));
    auto* explanation = newExplanation(
        tr("For q and k with d_k independent entries of variance 1, Var(q·k) = d_k: the scores "
           "spread as √d_k. Softmax of widely spread scores puts almost all weight on one key, "
           "and its gradient vanishes. Dividing by √d_k brings the variance back to 1."));
    m_statistics->setWordWrap(true);
    enlargeWhilePresenting(m_statistics);
    m_statistics->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("d_k")));
    bar->addWidget(m_slider, 1);
    bar->addWidget(m_value);
    auto* plots = new QGridLayout;
    plots->addWidget(m_histogram, 0, 0, 1, 2);
    plots->addWidget(m_row, 1, 0);
    plots->addWidget(m_saturation, 1, 1);
    plots->setRowStretch(0, 1);
    plots->setRowStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(explanation);
    layout->addLayout(bar);
    layout->addWidget(m_statistics);
    layout->addLayout(plots, 1);

    for (int dK = 1; dK <= kMaxDK; dK *= 2)
        m_saturationCurve.push_back(attn::saturation(dK, kSaturationKeys, kSaturationRows, kSeed));
    m_saturation->setLogarithmic(Qt::Horizontal);
    connect(m_slider, &QSlider::valueChanged, this, &ScalingDemo::showDK);
    showDK();
}

int ScalingDemo::dK() const
{
    return m_slider->value();
}

void ScalingDemo::setDK(int dK)
{
    m_slider->setValue(dK);
}

QString ScalingDemo::statisticsText() const
{
    return m_statistics->text();
}

void ScalingDemo::showDK()
{
    const int dK = m_slider->value();
    const double root = std::sqrt(double(dK));
    m_value->setText(tr("d_k = %1").arg(dK));

    const std::vector<attn::Real> raw = attn::sampleDotProducts(dK, kSamples, kSeed);
    std::vector<attn::Real> scaled = raw;
    for (attn::Real& x : scaled)
        x /= root;
    const attn::SampleStatistics rawStats = attn::statistics(raw);
    const attn::SampleStatistics scaledStats = attn::statistics(scaled);
    m_statistics->setText(
        tr("%1 samples: variance of q·k = %2 (theory: d_k = %3), standard deviation %4 "
           "(theory √d_k = %5); variance of q·k / √d_k = %6 (theory: 1).")
            .arg(kSamples)
            .arg(rawStats.variance, 0, 'f', 2)
            .arg(dK)
            .arg(std::sqrt(rawStats.variance), 0, 'f', 2)
            .arg(root, 0, 'f', 2)
            .arg(scaledStats.variance, 0, 'f', 3));

    CurvePlot::Curve reference{tr("N(0, 1) density"), {}, {}};
    for (int i = 0; i <= 80; ++i) {
        const double x = -4 + 0.1 * i;
        reference.x << x;
        reference.y << attn::normalDensity(x, 1);
    }
    m_histogram->setData(
        tr("Distribution of the scores at d_k = %1: spread √d_k = %2 without scaling, 1 with")
            .arg(dK)
            .arg(root, 0, 'f', 1),
        tr("score"), tr("density"),
        {densityCurve(tr("q·k (not scaled)"), attn::histogram(raw, -4 * root, 4 * root, kBins)),
         densityCurve(tr("q·k / √d_k (scaled)"), attn::histogram(scaled, -4, 4, kBins)),
         reference});

    const attn::SoftmaxRow row = attn::sampleSoftmaxRow(dK, kRowKeys, kSeed);
    QStringList keys;
    QVector<double> rawWeights, scaledWeights;
    for (int j = 0; j < kRowKeys; ++j) {
        keys << tr("key %1").arg(j + 1);
        rawWeights << row.weightsRaw(j);
        scaledWeights << row.weightsScaled(j);
    }
    m_row->setData(tr("One query's softmax over %1 keys at d_k = %2").arg(kRowKeys).arg(dK), keys,
                   {{tr("softmax(q·k)"), rawWeights}, {tr("softmax(q·k / √d_k)"), scaledWeights}});

    CurvePlot::Curve rawMax{tr("not scaled"), {}, {}}, scaledMax{tr("scaled by √d_k"), {}, {}};
    for (const attn::Saturation& s : m_saturationCurve) {
        rawMax.x << s.dK;
        rawMax.y << s.meanMaxRaw;
        scaledMax.x << s.dK;
        scaledMax.y << s.meanMaxScaled;
    }
    const CurvePlot::Curve uniform{tr("uniform (1/%1)").arg(kSaturationKeys),
                                   {1.0, double(kMaxDK)},
                                   {1.0 / kSaturationKeys, 1.0 / kSaturationKeys}};
    const CurvePlot::Curve marker{tr("d_k = %1").arg(dK), {double(dK), double(dK)}, {0.0, 1.0}};
    m_saturation->setData(tr("Saturation: the largest weight of a row of %1 keys, mean of %2 rows")
                              .arg(kSaturationKeys)
                              .arg(kSaturationRows),
                          tr("d_k"), tr("largest weight"), {rawMax, scaledMax, uniform, marker});
    // The curves start at d_k = 1: the axis too (a log axis would otherwise start decades lower).
    m_saturation->setRanges(1, kMaxDK, 0, 1.05);
}

} // namespace av

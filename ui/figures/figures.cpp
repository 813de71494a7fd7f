#include "figures.h"

#include "names.h"

#include <QCoreApplication>

namespace av {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("av", text);
}

} // namespace

HeatmapData attentionFigure(const attn::Session& s, const attn::ForwardResult& r, int head,
                            bool scores)
{
    const attn::HeadResult& h = r.heads.at(head);
    if (!scores)
        return weightsFigure(s, h.weights, r.mask, head);
    HeatmapData d;
    d.title = tr("Head %1 — scores before %2, %3")
                  .arg(head + 1)
                  .arg(kindName(s.normalizer), kindName(s.mask.kind));
    d.values = h.scores;
    d.rowLabels = tokenLabels(s);
    d.colLabels = d.rowLabels;
    d.rowAxisTitle = tr("query");
    d.colAxisTitle = tr("key");
    d.masked = r.mask;
    d.diverging = true;
    return d;
}

HeatmapData weightsFigure(const attn::Session& s, const attn::Matrix& weights,
                          const attn::MaskMatrix& mask, int head)
{
    HeatmapData d;
    d.title = tr("Head %1 — attention weights, %2").arg(head + 1).arg(kindName(s.mask.kind));
    d.values = weights;
    d.rowLabels = tokenLabels(s);
    d.colLabels = d.rowLabels;
    d.rowAxisTitle = tr("query");
    d.colAxisTitle = tr("key");
    d.masked = mask;
    if (s.normalizer == attn::NormalizerKind::Softmax)
        d.range = std::make_pair(0.0, 1.0);
    return d;
}

HeatmapData matrixFigure(const QString& title, const attn::Matrix& m, const attn::Session& s,
                         bool rowsAreTokens, bool diverging)
{
    HeatmapData d;
    d.title = title;
    d.values = m;
    d.rowLabels = rowsAreTokens ? tokenLabels(s) : indexLabels(static_cast<int>(m.rows()));
    d.colLabels = indexLabels(static_cast<int>(m.cols()));
    d.rowAxisTitle = rowsAreTokens ? tr("token") : tr("row");
    d.colAxisTitle = tr("dimension");
    d.diverging = diverging;
    return d;
}

HeatmapData maskFigure(const attn::Session& s, const attn::ForwardResult& r)
{
    HeatmapData d;
    d.title = tr("Mask — %1 (1 = may attend)").arg(kindName(s.mask.kind));
    d.values = r.mask.cast<double>();
    d.rowLabels = tokenLabels(s);
    d.colLabels = d.rowLabels;
    d.rowAxisTitle = tr("query");
    d.colAxisTitle = tr("key");
    d.range = std::make_pair(0.0, 1.0);
    return d;
}

HeatmapData outputFigure(const attn::Session& s, const attn::ForwardResult& r)
{
    return matrixFigure(
        tr("Output O = concat · W_O (%1 × %2)").arg(r.output.rows()).arg(r.output.cols()), r.output,
        s, true);
}

HeatmapData encodingHeatmapFigure(const attn::Matrix& encoding)
{
    HeatmapData d;
    d.title = tr("Encoding P (%1 positions × %2 dims)").arg(encoding.rows()).arg(encoding.cols());
    d.values = encoding;
    d.rowLabels = QStringList();
    for (int i = 0; i < encoding.rows(); ++i)
        d.rowLabels << QString::number(i);
    d.colLabels = indexLabels(static_cast<int>(encoding.cols()));
    d.rowAxisTitle = encodingPositionAxisTitle();
    d.colAxisTitle = tr("dimension");
    d.diverging = true;
    d.range = std::make_pair(-1.0, 1.0);
    d.squareCells = false;
    return d;
}

QString encodingPositionAxisTitle()
{
    return tr("position pos (from 0)");
}

QVector<Curve> encodingCurves(const attn::Matrix& encoding, const QVector<int>& dimensions,
                              bool sinusoidal)
{
    QVector<Curve> curves;
    for (int dim : dimensions) {
        if (dim < 0 || dim >= encoding.cols())
            continue;
        Curve c;
        c.name = sinusoidal ? tr("dim %1 (%2)")
                                  .arg(dim + 1)
                                  .arg(dim % 2 == 0 ? QStringLiteral("sin") : QStringLiteral("cos"))
                            : tr("dim %1").arg(dim + 1);
        for (int pos = 0; pos < encoding.rows(); ++pos) {
            c.x << pos;
            c.y << encoding(pos, dim);
        }
        curves << c;
    }
    return curves;
}

SummaryFigure summaryFigure(const attn::Session& s, const attn::ForwardResult& r)
{
    SummaryFigure f;
    f.title = tr("Per head: spread and reach of attention (%1)").arg(kindName(s.mask.kind));
    BarSeries entropy{tr("mean entropy (nats)"), {}};
    BarSeries distance{tr("mean distance |i − j| (positions)"), {}};
    const auto summaries = attn::summarise(r);
    for (std::size_t h = 0; h < summaries.size(); ++h) {
        f.categories << tr("Head %1").arg(h + 1);
        entropy.second << summaries[h].meanEntropy;
        distance.second << summaries[h].meanDistance;
    }
    f.series = {entropy, distance};
    return f;
}

QVector<int> defaultEncodingDimensions(int dModel)
{
    QVector<int> dims;
    const int first = dModel >= 10 ? 6 : 0;
    for (int d = first; d < std::min(dModel, first + 4); ++d)
        dims << d;
    return dims;
}

} // namespace av

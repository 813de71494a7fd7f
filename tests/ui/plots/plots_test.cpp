// The plot views, offscreen: what they show is what they were given, laid out as a matrix.

#include "barplot.h"
#include "colormaps.h"
#include "curveplot.h"
#include "heatmapplot.h"

#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace {

/// Shows the widget at a fixed size and renders it now (replots are otherwise queued).
void layOut(QWidget& widget, QCustomPlot* plot, QSize size = QSize(800, 600))
{
    widget.resize(size);
    widget.show();
    QCoreApplication::processEvents();
    plot->replot(QCustomPlot::rpImmediateRefresh);
}

QCPColorMap* colorMap(const av::HeatmapPlot& heatmap)
{
    for (int i = 0; i < heatmap.plot()->plottableCount(); ++i)
        if (auto* map = qobject_cast<QCPColorMap*>(heatmap.plot()->plottable(i)))
            return map;
    return nullptr;
}

template <typename Item> QList<Item*> visibleItems(QCustomPlot* plot, const QString& name)
{
    QList<Item*> found;
    for (int i = 0; i < plot->itemCount(); ++i) {
        auto* item = qobject_cast<Item*>(plot->item(i));
        if (item && item->visible() && item->objectName() == name)
            found.append(item);
    }
    return found;
}

QStringList tickLabels(QCPAxis* axis)
{
    const auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>();
    return ticker ? ticker->ticks().values() : QStringList();
}

av::HeatmapData weights3x3()
{
    av::HeatmapData data;
    data.title = QStringLiteral("Head 1 — attention weights");
    data.values.resize(3, 3);
    data.values << 0.62, 0.25, 0.13, 0.08, 0.71, 0.21, 0.33, 0.33, 0.34;
    data.rowLabels = data.colLabels =
        QStringList{QStringLiteral("我"), QStringLiteral("爱"), QStringLiteral("自然语言")};
    data.rowAxisTitle = QStringLiteral("query");
    data.colAxisTitle = QStringLiteral("key");
    data.range = std::pair(0.0, 1.0);
    return data;
}

} // namespace

class PlotsTest : public QObject
{
    Q_OBJECT

private slots:
    void heatmapStoresTheValuesGiven();
    void heatmapRowZeroIsAtTheTop();
    void heatmapFitsAgainWhenNarrowed();
    void heatmapLabelsTheAxesWithTokens();
    void heatmapPrintsValuesOnlyWhenReadable();
    void heatmapShowsAMessageWhenEmpty();
    void heatmapOutlinesHighlightedCells();
    void heatmapHatchesMaskedCellsWithoutValues();
    void heatmapColourRangeNeverCollapses();
    void heatmapThinsLabelsOfLargeMatrices();
    void heatmapReportsHoverAndClick();
    void curvePlotDrawsOneStyledGraphPerCurve();
    void barPlotGroupsBarsAndPrintsValues();
};

void PlotsTest::heatmapStoresTheValuesGiven()
{
    av::HeatmapPlot heatmap;
    av::HeatmapData data = weights3x3();
    heatmap.setData(data);
    QCOMPARE(heatmap.title(), data.title);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            QCOMPARE(heatmap.cellValue(r, c), data.values(r, c));

    QCPColorMap* map = colorMap(heatmap);
    data.values = attn::Matrix(2, 5);
    data.values << 1, 2, 3, 4, 5, -6, -7, -8, -9, -10;
    data.rowLabels.clear();
    data.colLabels.clear();
    heatmap.setData(data);
    QCOMPARE(colorMap(heatmap), map); // the plottable is kept
    QCOMPARE(heatmap.rowCount(), 2);
    QCOMPARE(heatmap.columnCount(), 5);
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 5; ++c)
            QCOMPARE(heatmap.cellValue(r, c), data.values(r, c));
    QVERIFY(std::isnan(heatmap.cellValue(2, 0)));
}

void PlotsTest::heatmapRowZeroIsAtTheTop()
{
    av::HeatmapPlot heatmap;
    heatmap.setData(weights3x3());
    layOut(heatmap, heatmap.plot());
    QCPColorMap* map = colorMap(heatmap);
    const QPointF cell00 = map->coordsToPixels(0, 0); // (key = col, value = row)
    const QPointF cell10 = map->coordsToPixels(0, 1);
    const QPointF cell01 = map->coordsToPixels(1, 0);
    QVERIFY(cell00.y() < cell10.y());
    QVERIFY(cell00.x() < cell01.x());
    // Cells are mapped exactly: the matrix fills the axis rect, cell centres on integers.
    const QRect rect = heatmap.plot()->axisRect()->rect();
    QVERIFY(std::abs(map->keyAxis()->coordToPixel(-0.5) - rect.left()) <= 1);
    QVERIFY(std::abs(map->keyAxis()->coordToPixel(2.5) - (rect.right() + 1)) <= 1);
    QVERIFY(!map->interpolate());
    // Square-ish cells.
    const double aspect = (cell01.x() - cell00.x()) / (cell10.y() - cell00.y());
    QVERIFY2(aspect > 0.79 && aspect < 1.26, qPrintable(QString::number(aspect)));
}

void PlotsTest::heatmapFitsAgainWhenNarrowed()
{
    // Wide and short: square cells leave wide margins beside the matrix. Narrowed below
    // those margins (a scroll bar appearing beside a pipeline step), the matrix must fit
    // the new width, not keep the old margins with an axis rect of no width.
    av::HeatmapPlot heatmap;
    heatmap.setData(weights3x3());
    layOut(heatmap, heatmap.plot(), QSize(1400, 240));
    const int wideLeft = heatmap.plot()->axisRect()->rect().left();
    QVERIFY2(wideLeft > 300, qPrintable(QString::number(wideLeft)));
    layOut(heatmap, heatmap.plot(), QSize(300, 240));
    heatmap.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QRect rect = heatmap.plot()->axisRect()->rect();
    QVERIFY2(rect.width() > 60 && rect.right() < 300,
             qPrintable(QStringLiteral("%1 wide from %2").arg(rect.width()).arg(rect.left())));
    QCPColorMap* map = colorMap(heatmap);
    QVERIFY(map->coordsToPixels(0, 0).x() < map->coordsToPixels(1, 0).x()); // not mirrored
}

void PlotsTest::heatmapLabelsTheAxesWithTokens()
{
    av::HeatmapPlot heatmap;
    const av::HeatmapData data = weights3x3();
    heatmap.setData(data);
    layOut(heatmap, heatmap.plot());
    QCOMPARE(tickLabels(heatmap.plot()->xAxis2), data.colLabels);
    QCOMPARE(tickLabels(heatmap.plot()->yAxis), data.rowLabels);
    QCOMPARE(heatmap.plot()->xAxis2->label(), data.colAxisTitle);
    QCOMPARE(heatmap.plot()->yAxis->label(), data.rowAxisTitle);

    av::HeatmapData unlabelled = data;
    unlabelled.rowLabels.clear();
    unlabelled.colLabels.clear();
    heatmap.setData(unlabelled);
    heatmap.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(tickLabels(heatmap.plot()->yAxis), (QStringList{"1", "2", "3"})); // from 1
}

void PlotsTest::heatmapPrintsValuesOnlyWhenReadable()
{
    av::HeatmapPlot heatmap;
    heatmap.setData(weights3x3());
    layOut(heatmap, heatmap.plot());
    const auto labels = visibleItems<QCPItemText>(heatmap.plot(), QStringLiteral("cellValue"));
    QCOMPARE(labels.size(), 9);
    QStringList texts;
    for (QCPItemText* label : labels)
        texts.append(label->text());
    QVERIFY(texts.contains(QStringLiteral("0.62")));
    QVERIFY(texts.contains(QStringLiteral("0.080")));

    av::HeatmapData large;
    large.values = attn::Matrix::Random(30, 30);
    heatmap.setData(large);
    heatmap.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(visibleItems<QCPItemText>(heatmap.plot(), QStringLiteral("cellValue")).size(), 0);

    // Few cells, but too small on screen to read.
    av::HeatmapData crowded;
    crowded.values = attn::Matrix::Random(20, 20);
    heatmap.setData(crowded);
    layOut(heatmap, heatmap.plot(), QSize(300, 240));
    QCOMPARE(visibleItems<QCPItemText>(heatmap.plot(), QStringLiteral("cellValue")).size(), 0);
}

void PlotsTest::heatmapShowsAMessageWhenEmpty()
{
    av::HeatmapPlot heatmap;
    av::HeatmapData data;
    data.title = QStringLiteral("Head 1");
    heatmap.setData(data);
    layOut(heatmap, heatmap.plot());
    QCOMPARE(visibleItems<QCPItemText>(heatmap.plot(), QStringLiteral("emptyMessage")).size(), 1);
    QVERIFY(std::isnan(heatmap.cellValue(0, 0)));

    data.values = attn::Matrix(0, 4); // no rows, some columns
    heatmap.setData(data);
    heatmap.plot()->replot(QCustomPlot::rpImmediateRefresh);
    heatmap.setData(weights3x3()); // and back
    heatmap.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(visibleItems<QCPItemText>(heatmap.plot(), QStringLiteral("emptyMessage")).size(), 0);
    QCOMPARE(heatmap.cellValue(1, 1), 0.71);
}

void PlotsTest::heatmapOutlinesHighlightedCells()
{
    av::HeatmapPlot heatmap;
    heatmap.setData(weights3x3());
    heatmap.setHighlightedCells({QPoint(2, 1), QPoint(0, 0), QPoint(7, 7)}); // last: outside
    layOut(heatmap, heatmap.plot());
    const auto outlines = visibleItems<QCPItemRect>(heatmap.plot(), QStringLiteral("highlight"));
    QCOMPARE(outlines.size(), 2);

    // The outline is drawn: the middle of the left edge of cell (row 1, col 2) is black.
    QCPColorMap* map = colorMap(heatmap);
    const QPointF edge = map->coordsToPixels(1.5, 1); // between columns 1 and 2
    const QImage image = heatmap.plot()->toPixmap().toImage();
    const QColor pixel = image.pixelColor(edge.toPoint());
    QVERIFY2(pixel.lightness() < 60, qPrintable(pixel.name()));

    heatmap.setHighlightedCells({});
    QCOMPARE(visibleItems<QCPItemRect>(heatmap.plot(), QStringLiteral("highlight")).size(), 0);
}

void PlotsTest::heatmapHatchesMaskedCellsWithoutValues()
{
    av::HeatmapPlot heatmap;
    av::HeatmapData data = weights3x3();
    data.masked = attn::MaskMatrix::Ones(3, 3);
    data.masked(0, 2) = 0;
    heatmap.setData(data);
    layOut(heatmap, heatmap.plot());
    QCPColorMap* map = colorMap(heatmap);
    QCOMPARE(int(map->data()->alpha(2, 0)), 0);
    QCOMPARE(int(map->data()->alpha(0, 2)), 255);
    QCOMPARE(heatmap.cellValue(0, 2), 0.13); // the value is kept, just not shown
    QCOMPARE(visibleItems<QCPItemText>(heatmap.plot(), QStringLiteral("cellValue")).size(), 8);
}

void PlotsTest::heatmapColourRangeNeverCollapses()
{
    av::HeatmapPlot heatmap;
    av::HeatmapData data;
    data.values = attn::Matrix::Constant(4, 4, 0.25);
    heatmap.setData(data);
    QCPColorMap* map = colorMap(heatmap);
    QVERIFY(map->dataRange().size() > 0);
    QVERIFY(map->dataRange().contains(0.25));

    data.values = attn::Matrix::Zero(2, 2);
    data.diverging = true;
    heatmap.setData(data);
    QVERIFY(map->dataRange().size() > 0);

    data.values.resize(2, 2);
    data.values << -1, 3, 0.5, std::numeric_limits<double>::infinity();
    heatmap.setData(data);
    QCOMPARE(map->dataRange().lower, -3.0); // centred on 0; the non-finite cell is ignored
    QCOMPARE(map->dataRange().upper, 3.0);
    QVERIFY(std::isnan(heatmap.cellValue(1, 1))); // drawn grey
}

void PlotsTest::heatmapThinsLabelsOfLargeMatrices()
{
    av::HeatmapPlot heatmap;
    av::HeatmapData data;
    data.values = attn::Matrix::Random(400, 300);
    heatmap.setData(data);
    layOut(heatmap, heatmap.plot());
    const QStringList rows = tickLabels(heatmap.plot()->yAxis);
    const QStringList cols = tickLabels(heatmap.plot()->xAxis2);
    QVERIFY2(rows.size() > 3 && rows.size() < 60, qPrintable(QString::number(rows.size())));
    QVERIFY2(cols.size() > 3 && cols.size() < 40, qPrintable(QString::number(cols.size())));
    QCOMPARE(rows.first(), QStringLiteral("1"));
    // Indices from 1 are thinned onto round numbers: 1, then multiples of the step.
    const int step = rows[1].toInt();
    QVERIFY2(step >= 5, qPrintable(rows.join(u' ')));
    for (int k = 1; k < rows.size(); ++k)
        QCOMPARE(rows[k].toInt(), k * step);
}

void PlotsTest::heatmapReportsHoverAndClick()
{
    av::HeatmapPlot heatmap;
    heatmap.setData(weights3x3());
    int asked = 0;
    heatmap.setToolTipProvider([&asked](int row, int col) {
        ++asked;
        return QStringLiteral("%1,%2").arg(row).arg(col);
    });
    layOut(heatmap, heatmap.plot());
    QSignalSpy hovered(&heatmap, &av::HeatmapPlot::cellHovered);
    QSignalSpy clicked(&heatmap, &av::HeatmapPlot::cellClicked);
    const QPoint cell21 = colorMap(heatmap)->coordsToPixels(1, 2).toPoint(); // row 2, col 1
    QTest::mouseMove(heatmap.plot(), cell21);
    QTRY_COMPARE(hovered.size(), 1);
    QCOMPARE(hovered.last(), (QVariantList{2, 1}));
    QCOMPARE(asked, 1);
    QTest::mouseClick(heatmap.plot(), Qt::LeftButton, {}, cell21);
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.last(), (QVariantList{2, 1}));
    QTest::mouseMove(heatmap.plot(), QPoint(2, 2)); // outside the matrix
    QTRY_COMPARE(hovered.last(), (QVariantList{-1, -1}));
}

void PlotsTest::curvePlotDrawsOneStyledGraphPerCurve()
{
    av::CurvePlot curves;
    QVector<av::CurvePlot::Curve> data;
    for (int dim = 6; dim <= 9; ++dim) {
        av::CurvePlot::Curve curve{QStringLiteral("dim %1").arg(dim), {}, {}};
        for (int pos = 0; pos < 100; ++pos) {
            curve.x.append(pos);
            curve.y.append(std::sin(pos / std::pow(10000.0, (dim / 2 * 2) / 20.0)));
        }
        data.append(curve);
    }
    curves.setData(QStringLiteral("Positional encoding"), QStringLiteral("position"),
                   QStringLiteral("value"), data);
    layOut(curves, curves.plot());
    QCustomPlot* plot = curves.plot();
    QCOMPARE(plot->graphCount(), 4);
    QCOMPARE(plot->legend->itemCount(), 4);
    QCOMPARE(plot->graph(2)->name(), QStringLiteral("dim 8"));
    QCOMPARE(plot->graph(0)->dataCount(), 100);
    QVERIFY(plot->graph(0)->pen().color() != plot->graph(1)->pen().color());
    QVERIFY(plot->graph(0)->pen().style() != plot->graph(1)->pen().style());
    QCOMPARE(plot->xAxis->label(), QStringLiteral("position"));
    // The legend is outside the axes, so it cannot cover a curve.
    QVERIFY(!plot->axisRect()->rect().intersects(plot->legend->outerRect()));

    QCPGraph* first = plot->graph(0);
    data.resize(2);
    curves.setData(QStringLiteral("Two"), {}, {}, data);
    QCOMPARE(plot->graphCount(), 2);
    QCOMPARE(plot->graph(0), first); // graphs are reused

    curves.setData(QStringLiteral("None"), {}, {}, {});
    plot->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(plot->graphCount(), 0);
}

void PlotsTest::barPlotGroupsBarsAndPrintsValues()
{
    av::BarPlot bars;
    bars.setData(QStringLiteral("Per head"), {"Head 1", "Head 2", "Head 3"},
                 {{QStringLiteral("mean entropy (nats)"), {1.21, 0.43, 1.87}},
                  {QStringLiteral("mean distance |i−j|"), {2.5, -0.8}}}); // one value missing
    layOut(bars, bars.plot());
    QCustomPlot* plot = bars.plot();
    QCOMPARE(plot->plottableCount(), 2);
    auto* second = qobject_cast<QCPBars*>(plot->plottable(1));
    QVERIFY(second && second->barsGroup());
    QCOMPARE(second->dataCount(), 3);
    QCOMPARE(second->data()->at(2)->value, 0.0);
    QCOMPARE(plot->legend->itemCount(), 2);
    QCOMPARE(tickLabels(plot->xAxis), (QStringList{"Head 1", "Head 2", "Head 3"}));
    QStringList texts;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)); text && text->visible())
            texts.append(text->text());
    QVERIFY2(texts.contains(QStringLiteral("1.87")) && texts.contains(QStringLiteral("−0.8")),
             qPrintable(texts.join(' ')));
    QCOMPARE(texts.size(), 6);
    QVERIFY(plot->yAxis->range().lower < -0.8 && plot->yAxis->range().upper > 2.5);

    bars.setData(QStringLiteral("Empty"), {}, {});
    plot->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(plot->plottableCount(), 0);
}

QTEST_MAIN(PlotsTest)
#include "plots_test.moc"

// The heatmap's arithmetic without a widget (ui/plots/heatmapscale.h): colour range, tick
// texts and their thinning, whether printed values fit.

#include "heatmapscale.h"

#include <QTest>
#include <cmath>
#include <limits>

class HeatmapScaleTest : public QObject
{
    Q_OBJECT

private slots:
    void colorRangeSpansTheShownValues();
    void niceStepsAreOneTwoFive();
    void tickTextsElideAndCountFromOne();
    void thinnedIndicesLandOnRoundNumbers();
    void valuesShrinkALittleOrNotAtAll();
};

void HeatmapScaleTest::colorRangeSpansTheShownValues()
{
    av::HeatmapData d;
    d.values.resize(2, 2);
    d.values << -1, 3, 0.5, std::numeric_limits<double>::infinity();
    QCOMPARE(av::colorRange(d, false), std::pair(-1.0, 3.0)); // the infinity left out
    d.diverging = true;
    QCOMPARE(av::colorRange(d, false), std::pair(-3.0, 3.0));
    // Masked cells (0 in masked) are not shown, so they do not stretch the range.
    d.diverging = false;
    d.masked.resize(2, 2);
    d.masked << 1, 0, 1, 1;
    QCOMPARE(av::colorRange(d, true), std::pair(-1.0, 0.5));
    d.range = std::pair(0.0, 1.0);
    QCOMPARE(av::colorRange(d, true), std::pair(0.0, 1.0));
    // A constant matrix gets room on both sides; nothing finite gives 0 … 1.
    av::HeatmapData constant;
    constant.values = attn::Matrix::Constant(2, 2, 4.0);
    QCOMPARE(av::colorRange(constant, false), std::pair(2.0, 6.0));
    constant.values.setConstant(std::nan(""));
    QCOMPARE(av::colorRange(constant, false), std::pair(0.0, 1.0));
}

void HeatmapScaleTest::niceStepsAreOneTwoFive()
{
    QCOMPARE(av::niceStep(0.3), 1);
    QCOMPARE(av::niceStep(1.5), 2);
    QCOMPARE(av::niceStep(3), 5);
    QCOMPARE(av::niceStep(7), 10);
    QCOMPARE(av::niceStep(101), 200);
    QCOMPARE(av::niceStep(1e12), 1000000000);
    QCOMPARE(av::tickStep(20, 30), 1);                 // fits edge to edge
    QCOMPARE(av::tickStep(20, 10), av::niceStep(3.0)); // 1.5 labels' worth per label
}

void HeatmapScaleTest::tickTextsElideAndCountFromOne()
{
    const QStringList texts =
        av::tickTexts({QStringLiteral("short"), QStringLiteral("a-very-long-token")}, 3, 8);
    QCOMPARE(texts.size(), 3);
    QCOMPARE(texts[0], QStringLiteral("short"));
    QCOMPARE(texts[1], QStringLiteral("a-very-") + QChar(0x2026));
    QCOMPARE(texts[2], QStringLiteral("3")); // unlabelled: the index from 1
}

void HeatmapScaleTest::thinnedIndicesLandOnRoundNumbers()
{
    const QStringList indices = av::tickTexts({}, 23, 14);
    QCOMPARE(av::thinnedTicks(indices, 1).size(), 23);
    QCOMPARE(av::thinnedTicks(indices, 5), (QVector<int>{0, 4, 9, 14, 19})); // 1, 5, 10, 15, 20
    QCOMPARE(av::thinnedTicks(indices, 2),
             (QVector<int>{0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22}));
    QStringList tokens;
    for (int i = 0; i < 12; ++i)
        tokens << QStringLiteral("t%1").arg(i);
    QCOMPARE(av::thinnedTicks(tokens, 5), (QVector<int>{0, 5, 10}));
}

void HeatmapScaleTest::valuesShrinkALittleOrNotAtAll()
{
    QCOMPARE(av::valueShrink(60, 30, 30, 15), 1.0);
    // 10 % too wide: printed at 90 %, rounded down to a step of 5 %.
    QCOMPARE(av::valueShrink(36, 30, 33, 15), 0.9);
    QCOMPARE(av::valueShrink(36, 30, 60, 15), 0.0); // would need half the size
    QCOMPARE(av::valueShrink(20, 30, 10, 15), 0.0); // cells too narrow to read
}

QTEST_MAIN(HeatmapScaleTest)
#include "heatmapscale_test.moc"

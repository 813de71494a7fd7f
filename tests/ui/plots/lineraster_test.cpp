// blendLines (ui/plots/lineraster.h), the head view's fast lines: which pixels a line
// covers and how much, compared with QPainter's own blending of the same colour.

#include "headlinesfigure.h"
#include "lineraster.h"

#include <QPainter>
#include <QTest>
#include <cmath>

class LineRasterTest : public QObject
{
    Q_OBJECT

private slots:
    void aLineThroughPixelCentresCoversOneRow();
    void betweenRowsItSharesItsCover();
    void opacityBlendsAsQPainterDoes();
    void steepLinesCoverColumns();
    void widthAndDashes();
    void everyColumnGetsAsMuchCoverAsTheWidth();
    void headColoursAreDistinct();
};

namespace {

QImage white(int w, int h)
{
    QImage image(w, h, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    return image;
}

/// How far a pixel is from white towards pure red (0: white, 1: red), from its green.
double redness(const QImage& image, int x, int y)
{
    return 1 - qGreen(image.pixel(x, y)) / 255.0;
}

} // namespace

void LineRasterTest::aLineThroughPixelCentresCoversOneRow()
{
    QImage image = white(20, 10);
    av::blendLines(image, {QLineF(2.5, 5.5, 15.5, 5.5)}, Qt::red);
    for (int x = 0; x < 20; ++x) {
        const bool on = x >= 2 && x <= 15; // the pixels of both ends and between
        QCOMPARE(image.pixel(x, 5), on ? qRgb(255, 0, 0) : qRgb(255, 255, 255));
        QCOMPARE(image.pixel(x, 4), qRgb(255, 255, 255));
        QCOMPARE(image.pixel(x, 6), qRgb(255, 255, 255));
    }
}

void LineRasterTest::betweenRowsItSharesItsCover()
{
    QImage image = white(20, 10);
    av::blendLines(image, {QLineF(2.5, 5.0, 15.5, 5.0)}, Qt::red);
    // Halfway between the centres of rows 4 and 5: half red each.
    QVERIFY(std::abs(redness(image, 8, 4) - 0.5) < 0.01);
    QVERIFY(std::abs(redness(image, 8, 5) - 0.5) < 0.01);
    QCOMPARE(redness(image, 8, 3), 0.0);
    QCOMPARE(redness(image, 8, 6), 0.0);
    // A quarter of a row above row 5's centre (5.5): row 5 gets three quarters of the cover.
    QImage near = white(20, 10);
    av::blendLines(near, {QLineF(2.5, 5.25, 15.5, 5.25)}, Qt::red);
    QVERIFY(std::abs(redness(near, 8, 4) - 0.25) < 0.01);
    QVERIFY(std::abs(redness(near, 8, 5) - 0.75) < 0.01);
}

void LineRasterTest::opacityBlendsAsQPainterDoes()
{
    for (double opacity : {0.1, 0.37, 0.8}) {
        QColor color(31, 119, 180);
        color.setAlphaF(float(opacity));
        QImage ours = white(20, 10);
        av::blendLines(ours, {QLineF(0.5, 5.5, 19.5, 5.5)}, color);
        QImage theirs = white(20, 10);
        QPainter painter(&theirs);
        painter.fillRect(QRect(0, 5, 20, 1), color);
        painter.end();
        const QRgb a = ours.pixel(10, 5), b = theirs.pixel(10, 5);
        QVERIFY2(
            std::abs(qRed(a) - qRed(b)) <= 2 && std::abs(qGreen(a) - qGreen(b)) <= 2 &&
                std::abs(qBlue(a) - qBlue(b)) <= 2,
            qPrintable(QStringLiteral("%1: %2 vs %3").arg(opacity).arg(a, 0, 16).arg(b, 0, 16)));
    }
}

void LineRasterTest::steepLinesCoverColumns()
{
    QImage image = white(10, 30);
    av::blendLines(image, {QLineF(4.5, 1.5, 4.5, 25.5)}, Qt::red);
    for (int y = 2; y <= 25; ++y) {
        QCOMPARE(redness(image, 4, y), 1.0);
        QCOMPARE(redness(image, 3, y), 0.0);
        QCOMPARE(redness(image, 5, y), 0.0);
    }
}

void LineRasterTest::widthAndDashes()
{
    QImage wide = white(20, 12);
    av::blendLines(wide, {QLineF(0.5, 5.5, 19.5, 5.5)}, Qt::red, 3);
    for (int y = 0; y < 12; ++y)
        QCOMPARE(redness(wide, 10, y), (y >= 4 && y <= 6) ? 1.0 : 0.0);
    QImage dashed = white(30, 10);
    av::blendLines(dashed, {QLineF(0.5, 5.5, 29.5, 5.5)}, Qt::red, 1, true);
    for (int x = 0; x < 30; ++x)
        QCOMPARE(redness(dashed, x, 5), (x / 6) % 2 == 0 ? 1.0 : 0.0);
}

void LineRasterTest::everyColumnGetsAsMuchCoverAsTheWidth()
{
    // A shallow slope: each column's pixels together are covered width times, wherever
    // the line passes between their centres (the opaque colour: cover adds as redness).
    for (int width : {1, 2}) {
        QImage image = white(60, 30);
        av::blendLines(image, {QLineF(2.5, 6.3, 57.5, 21.9)}, Qt::red, width);
        for (int x = 5; x < 55; ++x) {
            double total = 0;
            for (int y = 0; y < 30; ++y)
                total += redness(image, x, y);
            QVERIFY2(
                std::abs(total - width) < 0.02,
                qPrintable(QStringLiteral("width %1, column %2: %3").arg(width).arg(x).arg(total)));
        }
    }
}

void LineRasterTest::headColoursAreDistinct()
{
    // CIE L*a*b* (D65) from sRGB, computed here, and ΔE76 between every pair of the 16.
    const auto lab = [](const QColor& c) {
        const auto linear = [](double v) {
            return v > 0.04045 ? std::pow((v + 0.055) / 1.055, 2.4) : v / 12.92;
        };
        const double r = linear(c.redF()), g = linear(c.greenF()), b = linear(c.blueF());
        const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        const auto f = [](double t) {
            return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116;
        };
        return std::array<double, 3>{116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    };
    double closest = 1e9;
    for (int i = 0; i < av::kDistinctHeadColors; ++i) {
        const auto a = lab(av::headColor(i));
        QVERIFY2(a[0] > 25 && a[0] < 80, "visible on white, not washed out"); // lightness
        for (int j = i + 1; j < av::kDistinctHeadColors; ++j) {
            const auto b = lab(av::headColor(j));
            closest = std::min(closest, std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]));
        }
    }
    QVERIFY2(closest >= 25, qPrintable(QString::number(closest)));
    QCOMPARE(av::headColor(av::kDistinctHeadColors), av::headColor(0)); // then reused
}

QTEST_MAIN(LineRasterTest)
#include "lineraster_test.moc"

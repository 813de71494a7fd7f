// The demonstrations, offscreen: every panel opens showing something, follows its
// controls and the document, and survives sessions of 0 and 1 token. With
// DEMOS_SCREENSHOT_DIR set, each tab is also saved as a PNG at 1600 × 1000.

#include "barplot.h"
#include "comparedemo.h"
#include "costdemo.h"
#include "curveplot.h"
#include "demopass.h"
#include "demoswindow.h"
#include "document.h"
#include "heatmapplot.h"
#include "masksdemo.h"
#include "relativepositiondemo.h"
#include "scalingdemo.h"
#include "shuffledemo.h"

#include <QComboBox>
#include <QDir>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <cmath>
#include <qcustomplot.h>

namespace {

/// (x, y) of every point of a curve plot's graph.
QVector<QPointF> points(const av::CurvePlot* plot, int graph)
{
    QVector<QPointF> out;
    const auto data = plot->plot()->graph(graph)->data();
    for (auto it = data->constBegin(); it != data->constEnd(); ++it)
        out << QPointF(it->key, it->value);
    return out;
}

/// The heatmap's matrix as shown.
attn::Matrix cells(const av::HeatmapPlot* plot)
{
    attn::Matrix m(plot->rowCount(), plot->columnCount());
    for (int r = 0; r < m.rows(); ++r)
        for (int c = 0; c < m.cols(); ++c)
            m(r, c) = plot->cellValue(r, c);
    return m;
}

} // namespace

class DemosTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyTabOpensShowingSomething();
    void scalingSliderChangesTheHistogram();
    void shuffleReordersOnlyWithoutEncoding();
    void relativeShiftFollowsK();
    void masksShowTheAllowedPairs();
    void costTableMatchesHandCounts();
    void compareShowsTheDifference();
    void survivesZeroAndOneToken();
    void hiddenDemonstrationsComputeNothing();
    void largeSessionsComputeInTheBackground();
    void screenshots();

private:
    av::Document* m_document = nullptr;
    av::DemosWindow* m_window = nullptr;
};

void DemosTest::init()
{
    m_document = new av::Document;
    m_window = new av::DemosWindow(m_document, nullptr);
    // The window is not shown here; these tests read every tab as if it were.
    for (av::DemoPass* pass : {m_window->shuffleDemo()->pass(), m_window->masksDemo()->pass(),
                               m_window->compareDemo()->pass()})
        pass->setActive(true);
}

void DemosTest::cleanup()
{
    delete m_window;
    delete m_document;
}

void DemosTest::everyTabOpensShowingSomething()
{
    QCOMPARE(m_window->tabs()->count(), 6);
    QVERIFY(m_window->scalingDemo()->histogramPlot()->plot()->graphCount() == 3);
    QVERIFY(!m_window->scalingDemo()->statisticsText().isEmpty());
    // The default lesson "I love NLP": 3 tokens.
    QCOMPARE(m_window->shuffleDemo()->plot(false, 0)->rowCount(), 3);
    QCOMPARE(m_window->masksDemo()->plot(1)->rowCount(), 3);
    QCOMPARE(m_window->compareDemo()->plot(2)->rowCount(), 3);
    QVERIFY(m_window->relativePositionDemo()->mapPlot()->rowCount() >= 2);
    QCOMPARE(m_window->costDemo()->curvePlot()->plot()->graphCount(), 3);
}

void DemosTest::scalingSliderChangesTheHistogram()
{
    av::ScalingDemo* demo = m_window->scalingDemo();
    for (int dK : {4, 256}) {
        demo->setDK(dK);
        QCOMPARE(demo->dK(), dK);
        const QVector<QPointF> raw = points(demo->histogramPlot(), 0);
        QVERIFY(raw.size() > 10);
        // Bins cover ±4√d_k: the last centre is half a bin inside.
        const double edge = 4 * std::sqrt(double(dK));
        const double width = raw[1].x() - raw[0].x();
        QVERIFY(std::abs(raw.last().x() - (edge - width / 2)) < 1e-9 * edge);
        // A density: it integrates to the share of samples within ±4σ, nearly all.
        double area = 0;
        for (const QPointF& p : raw)
            area += p.y() * width;
        QVERIFY2(area > 0.99 && area <= 1.0 + 1e-9, qPrintable(QString::number(area)));
        QVERIFY(demo->statisticsText().contains(QStringLiteral("d_k = %1").arg(dK)));
    }
    // Unscaled softmax at d_k = 256 puts most weight on one key; the bars show it.
    auto* bars = qobject_cast<QCPBars*>(demo->rowPlot()->plot()->plottable(0));
    QVERIFY(bars);
    double top = 0;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        top = std::max(top, it->value);
    QVERIFY(top > 0.5);
}

void DemosTest::shuffleReordersOnlyWithoutEncoding()
{
    av::ShuffleDemo* demo = m_window->shuffleDemo();
    for (int press = 0; press < 4; ++press) {
        const std::vector<int> perm = demo->permutation();
        QCOMPARE(int(perm.size()), 3);
        QVERIFY(!std::is_sorted(perm.begin(), perm.end()));
        const attn::Matrix before = cells(demo->plot(false, 0));
        const attn::Matrix after = cells(demo->plot(false, 2));
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                QVERIFY(std::abs(after(i, j) - before(perm[i], perm[j])) < 1e-12);
        QVERIFY(demo->maxError(false) < 1e-12);
        QVERIFY2(demo->maxError(true) > 1e-3, qPrintable(QString::number(demo->maxError(true))));
        QTest::mouseClick(demo->shuffleButton(), Qt::LeftButton);
        QVERIFY(demo->permutation() != perm); // every press shows another order
    }
}

void DemosTest::relativeShiftFollowsK()
{
    av::RelativePositionDemo* demo = m_window->relativePositionDemo();
    QCOMPARE(demo->dModelBox()->value(), 4); // the lesson's d_model 3, rounded up to even
    for (int k : {1, 7}) {
        demo->shiftBox()->setValue(k);
        // Pair 0 has ω_0 = 1: M_k starts with the rotation [cos k, sin k; −sin k, cos k].
        QVERIFY(std::abs(demo->mapPlot()->cellValue(0, 0) - std::cos(k)) < 1e-12);
        QVERIFY(std::abs(demo->mapPlot()->cellValue(1, 0) + std::sin(k)) < 1e-12);
        QVERIFY(demo->maxError() < 1e-9);
        // The curves "PE(pos + k)" and "M_k · PE(pos)" coincide.
        const QVector<QPointF> target = points(demo->vectorPlot(), 1);
        const QVector<QPointF> moved = points(demo->vectorPlot(), 2);
        QCOMPARE(target.size(), 4);
        for (int c = 0; c < 4; ++c)
            QVERIFY(std::abs(target[c].y() - moved[c].y()) < 1e-9);
    }
    m_document->setDModel(8);
    QCOMPARE(demo->dModelBox()->value(), 8);
    QCOMPARE(demo->mapPlot()->rowCount(), 8);
}

void DemosTest::masksShowTheAllowedPairs()
{
    av::MasksDemo* demo = m_window->masksDemo();
    QCOMPARE(demo->plot(1)->cellValue(0, 1), 0.0); // causal: no look ahead
    QVERIFY(std::abs(demo->plot(1)->cellValue(0, 0) - 1) < 1e-12);
    QVERIFY(demo->captionText(0).startsWith(QStringLiteral("9 of 9")));
    QVERIFY(demo->captionText(1).startsWith(QStringLiteral("6 of 9")));
    QVERIFY(demo->captionText(2).startsWith(QStringLiteral("7 of 9"))); // r = 1
    demo->radiusBox()->setValue(0);
    QVERIFY(demo->captionText(2).startsWith(QStringLiteral("3 of 9")));
    QVERIFY(std::abs(demo->plot(2)->cellValue(1, 1) - 1) < 1e-12); // each token only itself
}

void DemosTest::costTableMatchesHandCounts()
{
    av::CostDemo* demo = m_window->costDemo();
    QCOMPARE(demo->lengthBox()->value(), 3); // the session's n and d_model
    QCOMPARE(demo->widthBox()->value(), 3);
    QVERIFY(demo->table()->item(0, 0)->text().endsWith(QStringLiteral("= 27"))); // 3²·3
    demo->lengthBox()->setValue(10);
    demo->widthBox()->setValue(4);
    demo->kernelBox()->setValue(3);
    QVERIFY(demo->table()->item(0, 0)->text().endsWith(QStringLiteral("= 400"))); // 10²·4
    QVERIFY(demo->table()->item(1, 0)->text().endsWith(QStringLiteral("= 480"))); // 3·10·4²
    QVERIFY(demo->table()->item(3, 0)->text().endsWith(QStringLiteral("= 160"))); // 10·4²
    QVERIFY(demo->table()->item(3, 1)->text().endsWith(QStringLiteral("= 10")));
    QVERIFY(demo->table()->item(1, 2)->text().endsWith(QStringLiteral("= 5"))); // 1→3→5→7→9→11
    QVERIFY(demo->table()->item(2, 2)->text().endsWith(QStringLiteral("= 3"))); // 1→3→9→27
    QCOMPARE(demo->curvePlot()->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    const QVector<QPointF> attention = points(demo->curvePlot(), 0);
    QVERIFY(std::abs(attention.last().y() - attention.last().x() * attention.last().x() * 4) <
            1e-6 * attention.last().y());
}

void DemosTest::compareShowsTheDifference()
{
    av::CompareDemo* demo = m_window->compareDemo();
    for (int preset = 0; preset < demo->presetBox()->count(); ++preset) {
        demo->presetBox()->setCurrentIndex(preset);
        const attn::Matrix diff = cells(demo->plot(0)) - cells(demo->plot(1));
        QVERIFY((cells(demo->plot(2)) - diff).cwiseAbs().maxCoeff() < 1e-12);
        QVERIFY(std::abs(demo->maxDifference() - diff.cwiseAbs().maxCoeff()) < 1e-12);
        QVERIFY2(demo->maxDifference() > 1e-4, qPrintable(demo->presetBox()->currentText()));
    }
}

void DemosTest::survivesZeroAndOneToken()
{
    m_document->setTokens({});
    QCOMPARE(m_window->shuffleDemo()->plot(true, 2)->rowCount(), 0);
    QCOMPARE(m_window->masksDemo()->plot(2)->rowCount(), 0);
    QCOMPARE(m_window->compareDemo()->plot(2)->rowCount(), 0);
    QVERIFY(!m_window->shuffleDemo()->shuffleButton()->isEnabled());
    m_window->shuffleDemo()->shuffle();
    m_window->resize(1000, 700);
    m_window->show();
    QCoreApplication::processEvents();

    m_document->setTokens({"solo"});
    QCOMPARE(m_window->shuffleDemo()->permutation(), std::vector<int>{0});
    QCOMPARE(m_window->masksDemo()->plot(1)->cellValue(0, 0), 1.0);
    QVERIFY(m_window->masksDemo()->captionText(1).startsWith(QStringLiteral("1 of 1")));
    QCOMPARE(m_window->costDemo()->lengthBox()->value(), 1);
    QVERIFY(m_window->costDemo()->table()->item(3, 2)->text().endsWith(QStringLiteral("= 0")));
    for (int tab = 0; tab < m_window->tabs()->count(); ++tab) {
        m_window->tabs()->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        QVERIFY(!m_window->grab().isNull());
    }
}

void DemosTest::hiddenDemonstrationsComputeNothing()
{
    av::Document document;
    av::DemosWindow window(&document, nullptr);
    const auto passes = {window.shuffleDemo()->pass(), window.masksDemo()->pass(),
                         window.compareDemo()->pass()};
    const auto computations = [&passes] {
        int count = 0;
        for (av::DemoPass* pass : passes)
            count += pass->computations();
        return count;
    };
    // Never shown: nothing computed, however often the document changes.
    for (int step = 0; step < 5; ++step)
        document.setTemperature(1.0 + 0.25 * (step + 1));
    QCOMPARE(computations(), 0);

    // Shown on the masks tab: that tab computes, once per change; the others do not.
    window.showDemo(QStringLiteral("masks"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.masksDemo()->pass()->computations(), 1);
    QVERIFY(window.masksDemo()->captionText(1).startsWith(QStringLiteral("6 of 9")));
    document.setTemperature(3);
    QCOMPARE(window.masksDemo()->pass()->computations(), 2);
    QCOMPARE(window.shuffleDemo()->pass()->computations(), 0);
    QCOMPARE(window.compareDemo()->pass()->computations(), 0);

    // Hidden again (the window closed): edits cost the demonstrations nothing.
    window.hide();
    const int before = computations();
    for (int step = 0; step < 5; ++step)
        document.setTemperature(0.5 + 0.1 * step);
    QCOMPARE(computations(), before);
    // Shown again: the latest session, computed once.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(computations(), before + 1);
    QCOMPARE(window.masksDemo()->pass()->session(), document.session());
}

void DemosTest::largeSessionsComputeInTheBackground()
{
    av::Document document;
    document.setBackgroundFlops(0); // every session counts as large
    av::DemosWindow window(&document, nullptr);
    window.showDemo(QStringLiteral("compare"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    av::CompareDemo* demo = window.compareDemo();
    // Shown, but computed on a worker thread: the result arrives on the event loop.
    QTRY_VERIFY(demo->pass()->result<attn::CompareDemo>() != nullptr);
    QCOMPARE(demo->plot(2)->rowCount(), 3);
    const double first = demo->maxDifference();
    // Two quick changes: the older one's result, if it finishes first, is dropped.
    demo->presetBox()->setCurrentIndex(2);
    demo->presetBox()->setCurrentIndex(3);
    window.waitUntilComputed();
    QCoreApplication::processEvents();
    QCOMPARE(demo->pass()->result<attn::CompareDemo>()->preset, attn::ComparePreset::SoftmaxVsRelu);
    QVERIFY(demo->maxDifference() != first);
}

void DemosTest::screenshots()
{
    const QString dir = qEnvironmentVariable("DEMOS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set DEMOS_SCREENSHOT_DIR to save each tab as a PNG");
    QDir().mkpath(dir);
    m_window->resize(1600, 1000);
    m_window->show();
    for (int tab = 0; tab < m_window->tabs()->count(); ++tab) {
        m_window->tabs()->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        for (QCustomPlot* plot : m_window->tabs()->currentWidget()->findChildren<QCustomPlot*>())
            plot->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(m_window->grab().save(QStringLiteral("%1/demo-%2.png").arg(dir).arg(tab)));
    }
}

QTEST_MAIN(DemosTest)
#include "demos_test.moc"

// The head view (ui/panels/headlinespanel.h, ui/plots/headlinesview.h) on a real document:
// its lines are the engine's, it follows the block and the coverage chosen, hovering a
// token leaves only that token's lines on screen, clicks lock the selection and switch
// heads, and the window shows its dock with a model.

#include "document.h"
#include "headlines.h"
#include "headlinespanel.h"
#include "headlinesview.h"
#include "mainwindow.h"
#include "presentation.h"
#include "testlessons.h"

#include <QDockWidget>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <QWheelEvent>

class HeadLinesPanelTest : public QObject
{
    Q_OBJECT

private slots:
    void hintWithoutAModel();
    void linesAreTheEnginesAndFollowBlockAndCoverage();
    void hoverLeavesOnlyTheTokensLines();
    void clicksLockTheSelectionAndSwitchHeads();
    void longInputsScrollAndZoom();
    void windowShowsTheDock();
};

namespace {

/// The rows of x = column of the viewport where something other than white is drawn.
QVector<int> inkRows(const QImage& image, int x, int top)
{
    QVector<int> rows;
    for (int y = top; y < image.height(); ++y)
        if (image.pixelColor(x, y) != QColor(Qt::white))
            rows << y;
    return rows;
}

/// The mouse moved to pos of the viewport (sent, not queued: QTest::mouseMove may drop a
/// move to where the cursor already is).
void hover(av::HeadLinesView* view, const QPoint& pos)
{
    QMouseEvent move(QEvent::MouseMove, pos, view->viewport()->mapToGlobal(pos), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
}

/// The panel shown (size) on the small GPT-2 lesson, with overrides.
struct OpenPanel
{
    explicit OpenPanel(QSize size, const attn::SessionOverrides& overrides = {})
    {
        panel.resize(size);
        panel.show();
        exposed = QTest::qWaitForWindowExposed(&panel);
        document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json", overrides));
    }
    av::Document document;
    av::HeadLinesPanel panel{&document};
    bool exposed = false;
};

QImage viewportImage(av::HeadLinesView* view)
{
    view->viewport()->repaint();
    return view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

} // namespace

void HeadLinesPanelTest::hintWithoutAModel()
{
    av::Document document; // the worked example: version 1
    av::HeadLinesPanel panel(&document);
    panel.show();
    QVERIFY(panel.showsHint());
}

void HeadLinesPanelTest::linesAreTheEnginesAndFollowBlockAndCoverage()
{
    av::Document document;
    av::HeadLinesPanel panel(&document);
    panel.resize(800, 700);
    panel.show();
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    QVERIFY(!panel.showsHint());
    const auto check = [&](int block, double coverage) {
        const av::HeadLinesFigure& f = panel.view()->drawing().figure();
        QCOMPARE(f.block, block);
        QCOMPARE(f.heads(), document.model().heads());
        for (int h = 0; h < f.heads(); ++h) {
            const auto expected =
                attn::strongestLines(document.modelResult().blocks[block].heads[h].weights,
                                     document.modelResult().mask, coverage);
            QCOMPARE(f.lines[h].size(), expected.size());
            for (std::size_t k = 0; k < expected.size(); ++k) {
                QCOMPARE(f.lines[h][k].query, expected[k].query);
                QCOMPARE(f.lines[h][k].key, expected[k].key);
                // The lesson is causal: only the lines the mask allows exist.
                QVERIFY(f.lines[h][k].key <= f.lines[h][k].query);
            }
        }
    };
    check(0, 0.9);
    const std::size_t before = panel.view()->drawing().figure().lines[0].size();
    panel.coverage()->setValue(100);
    check(0, 1.0);
    QVERIFY(panel.view()->drawing().figure().lines[0].size() > before);
    // The block is the document's, both ways.
    document.setBlock(1);
    QCOMPARE(panel.blockChoice()->value(), 2);
    check(1, 1.0);
    panel.blockChoice()->setValue(1);
    QCOMPARE(document.block(), 0);
    check(0, 1.0);
}

void HeadLinesPanelTest::hoverLeavesOnlyTheTokensLines()
{
    OpenPanel open(QSize(800, 900));
    QVERIFY(open.exposed);
    av::HeadLinesPanel& panel = open.panel;
    av::Document& document = open.document;
    panel.coverage()->setValue(100);
    av::HeadLinesView* view = panel.view();
    const av::HeadLinesDrawing& d = view->drawing();
    const int n = d.figure().n();
    QVERIFY(n >= 4);
    QVERIFY(d.headerHeight() + d.bodyHeight() <= view->viewport()->height()); // all visible
    // Every line leaves its query at the left end of the lines: one column of pixels there
    // shows which queries have lines drawn.
    const int x = d.linesSpan().first + 1;
    const int header = d.headerHeight();
    const auto inkAt = [&](const QImage& image) {
        QSet<int> tokens;
        for (int y : inkRows(image, x, header))
            for (int t = 0; t < n; ++t)
                if (std::abs(y - header - d.rowCentre(t)) <= 2)
                    tokens << t;
        return tokens;
    };
    const QSet<int> all = inkAt(viewportImage(view));
    QCOMPARE(all.size(), n); // every query has a line (to itself at least)
    const int t = n - 2;
    hover(view, view->labelRectInViewport(av::LineSide::Query, t).center());
    QCOMPARE(view->selection().side, av::LineSide::Query);
    QCOMPARE(view->selection().token, t);
    QVERIFY(!view->selection().locked);
    const QImage hovered = viewportImage(view);
    QCOMPARE(inkAt(hovered), QSet<int>{t});
    // Nothing else is drawn in that column: no stray line from another row.
    for (int y : inkRows(hovered, x, header))
        QVERIFY2(std::abs(y - header - d.rowCentre(t)) <= 2, qPrintable(QString::number(y)));
    // Hovering a key: every query that attends to it (causal: itself and later ones).
    hover(view, view->labelRectInViewport(av::LineSide::Key, 1).center());
    QCOMPARE(view->selection().side, av::LineSide::Key);
    QSet<int> expected;
    for (const auto& lines : d.figure().lines)
        for (const attn::AttentionLine& line : lines)
            if (line.key == 1)
                expected << line.query;
    QVERIFY(!expected.contains(0)); // causal: token 1 cannot see token 2
    QCOMPARE(inkAt(viewportImage(view)), expected);
    if (const QString dir = qEnvironmentVariable("ATTNVIZ_TEST_SHOTS"); !dir.isEmpty())
        panel.grab().save(dir + "/head-lines-hover-key.png");
}

void HeadLinesPanelTest::clicksLockTheSelectionAndSwitchHeads()
{
    OpenPanel open(QSize(800, 900));
    QVERIFY(open.exposed);
    av::HeadLinesPanel& panel = open.panel;
    av::Document& document = open.document;
    av::HeadLinesView* view = panel.view();
    QWidget* viewport = view->viewport();
    const QPoint token2 = view->labelRectInViewport(av::LineSide::Query, 2).center();
    QTest::mouseClick(viewport, Qt::LeftButton, {}, token2);
    QVERIFY(view->selection().locked);
    hover(view, view->labelRectInViewport(av::LineSide::Query, 0).center());
    QCOMPARE(view->selection().token, 2); // locked: the mouse moving on changes nothing
    QTest::keyClick(view, Qt::Key_Escape);
    QCOMPARE(view->selection().side, av::LineSide::None);
    QTest::mouseClick(viewport, Qt::LeftButton, {}, token2);
    QTest::mouseClick(viewport, Qt::LeftButton, {}, token2); // the same token again: let go
    QVERIFY(!view->selection().locked);

    const int heads = document.model().heads();
    QVERIFY(heads >= 2);
    QSignalSpy changed(view, &av::HeadLinesView::shownHeadsChanged);
    const QImage all = viewportImage(view);
    QTest::mouseClick(viewport, Qt::LeftButton, {}, view->swatchRectInViewport(1).center());
    QCOMPARE(changed.count(), 1);
    QVector<bool> expected(heads, true);
    expected[1] = false;
    QCOMPARE(view->shownHeads(), expected);
    QVERIFY(viewportImage(view) != all);
    QTest::mouseDClick(viewport, Qt::LeftButton, {}, view->swatchRectInViewport(0).center());
    expected = QVector<bool>(heads, false);
    expected[0] = true;
    QCOMPARE(view->shownHeads(), expected);
    // Alone again: every head.
    view->soloHead(0);
    QCOMPARE(view->shownHeads(), QVector<bool>(heads, true));
    // An edit keeps the heads chosen.
    view->setShownHeads(expected);
    document.setAblated(0, 1, true);
    QCOMPARE(view->shownHeads(), expected);
    QVERIFY(view->drawing().figure().ablated[1]);
}

void HeadLinesPanelTest::longInputsScrollAndZoom()
{
    // 512 tokens: the rows scroll under a header that stays, and Ctrl+wheel zooms.
    attn::SessionOverrides overrides;
    std::vector<std::string> tokens;
    const char* words[] = {"the", "cat", "sat", "on", "a", "mat", "and", "then", "it", "slept"};
    for (int i = 0; i < 512; ++i)
        tokens.push_back(words[(i * 7 + i / 10) % 10]);
    overrides.tokens = tokens;
    OpenPanel open(QSize(900, 800), overrides);
    QVERIFY(open.exposed);
    av::HeadLinesPanel& panel = open.panel;
    av::Document& document = open.document;
    QCOMPARE(document.model().n(), 512);
    av::HeadLinesView* view = panel.view();
    QCOMPARE(view->drawing().figure().n(), 512);
    QScrollBar* bar = view->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    const int pitch = view->rowPitch();
    QWheelEvent zoomOut(QPointF(200, 300), view->viewport()->mapToGlobal(QPointF(200, 300)),
                        QPoint(), QPoint(0, -240), Qt::NoButton, Qt::ControlModifier,
                        Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &zoomOut);
    QVERIFY(view->rowPitch() < pitch);
    for (int k = 0; k < 20; ++k)
        QApplication::sendEvent(view->viewport(), &zoomOut);
    QCOMPARE(view->rowPitch(), 3); // the smallest: all 512 rows in about 1500 px
    bar->setValue(bar->maximum() / 2);
    const int header = view->drawing().headerHeight();
    // The row under the middle of the viewport, hovered, is selected.
    const QPoint middle(view->drawing().labelRect(av::LineSide::Query, 0).center().x(),
                        header + 100);
    hover(view, middle);
    QCOMPARE(view->selection().side, av::LineSide::Query);
    QCOMPARE(view->selection().token,
             (bar->value() + 100 - 8) / view->rowPitch()); // 8: the body's margin
    // Drawing every line of a long input takes long: over a budget (pixels of line) the
    // faintest are left out, none without one.
    const av::HeadLinesDrawing& d = view->drawing();
    QImage image(900, 1000, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    QCOMPARE(d.paintBody(painter, view->shownHeads(), {}, 0, 1000, 1'000'000'000), 0);
    const int omitted = d.paintBody(painter, view->shownHeads(), {}, 0, 1000, 100000);
    QVERIFY(omitted > 0);
    int total = 0;
    for (const auto& lines : d.figure().lines)
        total += int(lines.size());
    QVERIFY(omitted < total);
    painter.end();
    // The view keeps what it drew while scrolling within half a screen, and draws again past
    // it: either way it shows what a view opened at that place shows.
    view->setSelection({});
    view->setRowPitch(12);
    bar->setValue(0);
    viewportImage(view);
    for (int step : {view->viewport()->height() / 4, view->viewport()->height() * 2}) {
        bar->setValue(bar->value() + step);
        const QImage scrolled = viewportImage(view);
        av::HeadLinesView fresh;
        fresh.resize(view->size());
        fresh.setData(view->drawing().figure());
        fresh.setRowPitch(12);
        fresh.show();
        fresh.verticalScrollBar()->setValue(bar->value());
        const QImage expected = viewportImage(&fresh);
        QCOMPARE(expected.size(), scrolled.size());
        // Not bit for bit: a view leaves out other faint lines over its budget, and clips
        // lines at its own band's edges. Nearly every pixel agrees, and none by far.
        double total = 0;
        int far = 0;
        for (int y = 0; y < scrolled.height(); ++y)
            for (int x = 0; x < scrolled.width(); ++x) {
                const QRgb a = scrolled.pixel(x, y), b = expected.pixel(x, y);
                const int d =
                    std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                              std::abs(qBlue(a) - qBlue(b))});
                total += d;
                far += d > 64;
            }
        const double mean = total / (scrolled.width() * scrolled.height());
        QVERIFY2(mean < 1.0 && far < scrolled.width() * scrolled.height() / 200,
                 qPrintable(QStringLiteral("mean %1, %2 far").arg(mean).arg(far)));
    }
    if (const QString dir = qEnvironmentVariable("ATTNVIZ_TEST_SHOTS"); !dir.isEmpty()) {
        panel.grab().save(dir + "/head-lines-512.png");
        view->setSelection({});
        view->setRowPitch(12);
        panel.grab().save(dir + "/head-lines-512-all.png");
    }
}

void HeadLinesPanelTest::windowShowsTheDock()
{
    av::Document document;
    av::MainWindow window(&document, /*persistent=*/false);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* dock = window.findChild<QDockWidget*>("HeadLinesDock");
    QVERIFY(dock);
    QVERIFY(dock->isHidden());
    document.reset(av::test::transformerLesson("small-gpt2-stack.attn.json"));
    QVERIFY(dock->isVisible());
    dock->raise();
    QTest::qWait(100);
    QVERIFY(!window.headLinesPanel()->showsHint());
    if (const QString dir = qEnvironmentVariable("ATTNVIZ_TEST_SHOTS"); !dir.isEmpty()) {
        window.grab().save(dir + "/head-lines-dock.png");
        window.presentation()->setActive(true);
        window.resize(1920, 1080);
        dock->raise();
        QTest::qWait(200);
        window.grab().save(dir + "/head-lines-dock-presenting.png");
        window.presentation()->setActive(false);
    }
}

QTEST_MAIN(HeadLinesPanelTest)
#include "headlinespanel_test.moc"

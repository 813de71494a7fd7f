// Presentation mode on the whole window, off screen: full screen, larger fonts on the
// widgets and every plot (also plots created while presenting), the docks a lesson does
// not need hidden, Esc to leave, and everything exactly as before after leaving. The
// colour-map choice reaches every heatmap.

#include "attentionpanel.h"
#include "barplot.h"
#include "colormaps.h"
#include "costdemo.h"
#include "curveplot.h"
#include "demoswindow.h"
#include "document.h"
#include "heatmapplot.h"
#include "inputpanel.h"
#include "mainwindow.h"
#include "masksdemo.h"
#include "presentation.h"
#include "walkthroughpanel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <cmath>
#include <memory>
#include <qcustomplot.h>

namespace {

/// A plot's tick-label size, the font every label of it is derived from.
double tickSize(QWidget* w)
{
    if (auto* h = qobject_cast<av::HeatmapPlot*>(w))
        return h->plot()->yAxis->tickLabelFont().pointSizeF();
    if (auto* c = qobject_cast<av::CurvePlot*>(w))
        return c->plot()->xAxis->tickLabelFont().pointSizeF();
    return qobject_cast<av::BarPlot*>(w)->plot()->xAxis->tickLabelFont().pointSizeF();
}

QList<QWidget*> allPlots(QWidget* window)
{
    QList<QWidget*> plots;
    for (auto* p : window->findChildren<av::HeatmapPlot*>())
        plots << p;
    for (auto* p : window->findChildren<av::CurvePlot*>())
        plots << p;
    for (auto* p : window->findChildren<av::BarPlot*>())
        plots << p;
    return plots;
}

QCPColorGradient gradientOf(const av::HeatmapPlot* heatmap)
{
    for (int i = 0; i < heatmap->plot()->plottableCount(); ++i)
        if (auto* map = qobject_cast<QCPColorMap*>(heatmap->plot()->plottable(i)))
            return map->gradient();
    return {};
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 0.02 * std::abs(b);
}

/// The offscreen platform leaves the main window active when a second window is shown.
void activate(QWidget* window)
{
    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    QCOMPARE(QApplication::activeWindow(), window);
}

} // namespace

class PresentationTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void enteringGoesFullScreenWithLargeFonts();
    void leavingRestoresEverything();
    void escapeLeavesAndF5Enters();
    void plotsCreatedWhilePresentingAreScaled();
    void colourMapReachesEveryHeatmap();
    void menuOffersPresentAndTheColourMaps();

    void docksGetTheirShareWithLargeTitles();
    void demonstrationsGoFullScreenAndEscapeClosesThem();
    void demonstrationTextIsLargerWhilePresenting();

private:
    std::unique_ptr<av::Document> m_doc;
    std::unique_ptr<av::MainWindow> m_window;
    av::Presentation* m_presentation = nullptr;
};

void PresentationTest::init()
{
    m_doc = std::make_unique<av::Document>();
    m_window = std::make_unique<av::MainWindow>(m_doc.get(), false);
    // The window's own presentation (F5 is its shortcut; a second one would be ambiguous).
    m_presentation = m_window->presentation();
    m_window->setGeometry(40, 50, 700, 500);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void PresentationTest::cleanup()
{
    m_window.reset(); // the presentation with it, which puts the application font back
    m_doc.reset();
}

void PresentationTest::enteringGoesFullScreenWithLargeFonts()
{
    const double appFont = QApplication::font().pointSizeF();
    QMap<QWidget*, double> before;
    for (QWidget* plot : allPlots(m_window.get()))
        before[plot] = tickSize(plot);
    QVERIFY(before.size() >= 8); // attention, pipeline steps, encoding, summary, walkthrough
    QVERIFY(m_window->findChild<QDockWidget*>("WeightsDock")->isVisible());

    m_presentation->setActive(true);
    QVERIFY(m_presentation->isActive());
    QVERIFY(m_window->windowState() & Qt::WindowFullScreen);
    QVERIFY(m_presentation->presentAction()->isChecked());
    QVERIFY(near(QApplication::font().pointSizeF(), appFont * 1.6));
    // Labels and cell values are derived from the tick size: larger by font × plot scale.
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QVERIFY2(near(tickSize(it.key()), it.value() * 1.6 * 1.25),
                 qPrintable(it.key()->metaObject()->className()));
    QVERIFY(m_window->findChild<QDockWidget*>("WeightsDock")->isHidden());
    for (const char* name : {"PipelineDock", "PositionalDock", "SummaryDock"})
        QVERIFY2(m_window->findChild<QDockWidget*>(name)->isHidden(), name);
    for (const char* name : {"InputDock", "WalkthroughDock"})
        QVERIFY2(m_window->findChild<QDockWidget*>(name)->isVisible(), name);
    QCOMPARE(QApplication::palette().color(QPalette::WindowText), QColor(Qt::black));
    QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::white));
}

void PresentationTest::leavingRestoresEverything()
{
    const QRect geometry = m_window->geometry();
    const Qt::WindowStates state = m_window->windowState();
    const QFont font = QApplication::font();
    const QPalette palette = QApplication::palette();
    const QByteArray docks = m_window->saveState();
    QMap<QWidget*, double> before;
    for (QWidget* plot : allPlots(m_window.get()))
        before[plot] = tickSize(plot);

    m_presentation->setActive(true);
    QTRY_VERIFY(m_window->geometry() != geometry); // full screen: the screen's size
    m_presentation->setActive(false);
    QVERIFY(!m_presentation->isActive());
    QVERIFY(!m_presentation->presentAction()->isChecked());
    QCOMPARE(m_window->windowState(), state);
    QTRY_COMPARE(m_window->geometry(), geometry);
    QCOMPARE(QApplication::font(), font);
    QCOMPARE(QApplication::palette().color(QPalette::Window), palette.color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::Highlight),
             palette.color(QPalette::Highlight));
    QTRY_COMPARE(m_window->saveState(), docks);
    QVERIFY(m_window->findChild<QDockWidget*>("WeightsDock")->isVisible());
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(tickSize(it.key()), it.value());
}

void PresentationTest::escapeLeavesAndF5Enters()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_Escape); // not presenting: nothing happens
    QVERIFY(!m_presentation->isActive());
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_presentation->isActive());
    QVERIFY(m_window->isFullScreen());
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!m_presentation->isActive());
    QVERIFY(!m_window->isFullScreen());
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_presentation->isActive());
    QTest::keyClick(m_window.get(), Qt::Key_F5); // F5 toggles
    QVERIFY(!m_presentation->isActive());
}

void PresentationTest::plotsCreatedWhilePresentingAreScaled()
{
    const int heatmapsBefore = int(m_window->findChildren<av::HeatmapPlot*>().size());
    m_presentation->setActive(true);
    QVERIFY(m_doc->setDModel(4).isEmpty());
    QVERIFY(m_doc->setHeads(2).isEmpty()); // a second attention heatmap appears
    const auto heatmaps = m_window->findChildren<av::HeatmapPlot*>();
    QVERIFY(heatmaps.size() > heatmapsBefore);
    // Each plot's fonts follow its widget font (the larger application font) times 1.25.
    for (QWidget* plot : allPlots(m_window.get()))
        QVERIFY2(near(tickSize(plot), plot->font().pointSizeF() * 1.25),
                 qPrintable(plot->metaObject()->className()));
    m_presentation->setActive(false);
    for (QWidget* plot : allPlots(m_window.get()))
        QVERIFY(near(tickSize(plot), plot->font().pointSizeF()));
}

void PresentationTest::colourMapReachesEveryHeatmap()
{
    const QCPColorGradient cividis = av::gradient(av::ColorMapKind::Cividis);
    const QCPColorGradient diverging = av::divergingGradient();
    QVERIFY(!(cividis == av::gradient(av::ColorMapKind::Viridis)));
    m_presentation->setColorMap(av::ColorMapKind::Cividis);
    QCOMPARE(m_presentation->colorMap(), av::ColorMapKind::Cividis);
    QVERIFY(m_doc->setDModel(4).isEmpty());
    QVERIFY(m_doc->setHeads(2).isEmpty()); // plots made after the choice get it too
    int sequential = 0;
    for (av::HeatmapPlot* heatmap : m_window->findChildren<av::HeatmapPlot*>()) {
        const QCPColorGradient g = gradientOf(heatmap);
        QVERIFY2(g == cividis || g == diverging,
                 qPrintable(heatmap->title())); // signed data stays diverging
        sequential += g == cividis;
    }
    QVERIFY(sequential >= 3); // both heads' weights, the mask, the walkthrough's A
    // The attention weights (softmax, 0 … 1) are sequential data.
    QCOMPARE(gradientOf(m_window->attentionPanel()->findChild<av::HeatmapPlot*>()), cividis);

    m_presentation->setColorMap(av::ColorMapKind::Gray);
    for (av::HeatmapPlot* heatmap : m_window->findChildren<av::HeatmapPlot*>()) {
        const QCPColorGradient g = gradientOf(heatmap);
        QVERIFY(g == av::grayGradient() || g == diverging);
    }
}

void PresentationTest::menuOffersPresentAndTheColourMaps()
{
    QMenu view;
    m_presentation->addToMenu(&view);
    QAction* present = m_presentation->presentAction();
    QVERIFY(view.actions().contains(present));
    QCOMPARE(present->shortcut(), QKeySequence(Qt::Key_F5));
    QVERIFY(present->isCheckable());
    QMenu* maps = nullptr;
    for (QAction* a : view.actions())
        if (a->menu())
            maps = a->menu();
    QVERIFY(maps);
    QCOMPARE(maps->actions().size(), 3);
    maps->actions()[2]->trigger(); // Grey
    QCOMPARE(m_presentation->colorMap(), av::ColorMapKind::Gray);
    QVERIFY(maps->actions()[2]->isChecked());
    QVERIFY(!maps->actions()[0]->isChecked());
    present->trigger();
    QVERIFY(m_presentation->isActive());
    present->trigger();
    QVERIFY(!m_presentation->isActive());
}

QTEST_MAIN(PresentationTest)
void PresentationTest::docksGetTheirShareWithLargeTitles()
{
    // The hints in docks that are shown (a v1 session hides the whole transformer's docks).
    const auto inShownDock = [](QWidget* w) {
        for (; w; w = w->parentWidget())
            if (auto* dock = qobject_cast<QDockWidget*>(w))
                return !dock->isHidden();
        return true;
    };
    QList<QLabel*> hints;
    for (QLabel* label : m_window->findChildren<QLabel*>())
        if (label->property("av_hideWhilePresenting").toBool() && inShownDock(label))
            hints << label;
    QVERIFY(!hints.isEmpty()); // the attention view's hint about the mouse
    for (QLabel* label : hints)
        QVERIFY(label->isVisibleTo(m_window.get()));
    m_presentation->setActive(true);
    m_window->setWindowState(Qt::WindowNoState); // the offscreen screen is 800 × 800:
    m_window->setGeometry(0, 0, 1920, 1080);     // stand in for a projector's
    auto* input = m_window->findChild<QDockWidget*>("InputDock");
    auto* walk = m_window->findChild<QDockWidget*>("WalkthroughDock");
    QTRY_VERIFY(std::abs(walk->width() - 1920 * av::Presentation::kWalkthroughShare) < 40);
    QVERIFY(std::abs(input->width() - 1920 * av::Presentation::kInputShare) < 40);
    // The panel in the Input dock fits it: no part of it is scrolled out of sight.
    QVERIFY2(m_window->inputPanel()->minimumSizeHint().width() <= input->width(),
             qPrintable(QString::number(m_window->inputPanel()->minimumSizeHint().width())));
    // Dock titles in the presentation font (the docks' own title keeps the old one).
    auto* title = qobject_cast<QLabel*>(walk->titleBarWidget());
    QVERIFY(title);
    QVERIFY(title->text().contains(walk->windowTitle()));
    QVERIFY(near(title->font().pointSizeF(), QApplication::font().pointSizeF()));
    for (QLabel* label : hints)
        QVERIFY(!label->isVisibleTo(m_window.get()));
    m_presentation->setActive(false);
    QVERIFY(!walk->titleBarWidget());
    for (QLabel* label : hints)
        QVERIFY(label->isVisibleTo(m_window.get()));
}

void PresentationTest::demonstrationsGoFullScreenAndEscapeClosesThem()
{
    m_presentation->setActive(true);
    av::DemosWindow* demos = m_window->showDemonstrations(QStringLiteral("masks"));
    QVERIFY(demos->isVisible());
    QVERIFY(demos->isFullScreen());
    QCOMPARE(demos->tabs()->currentWidget(), static_cast<QWidget*>(demos->masksDemo()));
    // Its plots get the presentation's scale too.
    for (QWidget* plot : allPlots(demos))
        QVERIFY2(near(tickSize(plot), plot->font().pointSizeF() * av::Presentation::kPlotFontScale),
                 qPrintable(plot->metaObject()->className()));
    activate(demos);
    QTest::keyClick(demos, Qt::Key_Escape); // back to the main window, still presenting
    QVERIFY(!demos->isVisible());
    QVERIFY(m_presentation->isActive());
    // Opened again while presenting, then presenting ends: it becomes a normal window.
    m_window->showDemonstrations(QStringLiteral("cost"));
    QCOMPARE(demos->tabs()->currentWidget(), static_cast<QWidget*>(demos->costDemo()));
    QVERIFY(demos->isFullScreen());
    m_presentation->setActive(false);
    QVERIFY(!demos->isFullScreen());
    QVERIFY(demos->isVisible());
    // Not presenting, Esc does not close it.
    activate(demos);
    QTest::keyClick(demos, Qt::Key_Escape);
    QVERIFY(demos->isVisible());
}

void PresentationTest::demonstrationTextIsLargerWhilePresenting()
{
    av::DemosWindow* demos = m_window->showDemonstrations(QStringLiteral("cost"));
    QTableWidget* table = demos->costDemo()->table();
    const auto explanation = [demos] {
        for (QLabel* label : demos->costDemo()->findChildren<QLabel*>())
            if (label->text().startsWith(QStringLiteral("Per layer")))
                return label;
        return static_cast<QLabel*>(nullptr);
    };
    QVERIFY(explanation());
    const double normal = QApplication::font().pointSizeF();
    QVERIFY(near(explanation()->font().pointSizeF(), normal));
    // Every row of the table stays in view, whatever its font.
    const auto rowsFit = [table] {
        QCoreApplication::processEvents();
        const int lastRow = table->rowCount() - 1;
        return table->rowViewportPosition(lastRow) + table->rowHeight(lastRow) <=
               table->viewport()->height();
    };
    QVERIFY(rowsFit());

    m_presentation->setActive(true);
    const double presenting = normal * av::Presentation::kFontFactor;
    QVERIFY(near(QApplication::font().pointSizeF(), presenting));
    QVERIFY(
        near(explanation()->font().pointSizeF(), presenting * av::Presentation::kLargerTextFactor));
    QVERIFY(near(table->font().pointSizeF(), presenting * av::Presentation::kLargerTextFactor));
    QTRY_VERIFY(rowsFit());

    m_presentation->setActive(false);
    QVERIFY(near(explanation()->font().pointSizeF(), normal));
    QVERIFY(near(table->font().pointSizeF(), normal));
    QTRY_VERIFY(rowsFit());
}

#include "presentation_test.moc"

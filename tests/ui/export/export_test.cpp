// Exported figures use the colour map chosen in View ▸ Colour map: grey for printing
// reaches the files, the clipboard and every heatmap of a figure; signed data stays diverging.

#include "colormaps.h"
#include "document.h"
#include "exportcontroller.h"
#include "exporter.h"
#include "mainwindow.h"
#include "presentation.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QTest>

namespace {

/// Pixels whose red, green and blue differ: none on a figure drawn in grey.
int colouredPixels(const QImage& image)
{
    int count = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x) {
            const QColor c = rgb.pixelColor(x, y);
            count += std::max({c.red(), c.green(), c.blue()}) -
                         std::min({c.red(), c.green(), c.blue()}) >
                     12;
        }
    return count;
}

} // namespace

class ExportTest : public QObject
{
    Q_OBJECT

private slots:
    void optionsChooseTheColourMap();
    void signedDataStaysDiverging();
    void theWindowsChoiceReachesExports();

private:
    av::Document m_doc; // the worked example
};

void ExportTest::optionsChooseTheColourMap()
{
    av::ExportOptions options;
    options.dpi = 72;
    const QImage viridis =
        av::renderFigure(m_doc.session(), m_doc.result(), "attention-head-1", options);
    QVERIFY(colouredPixels(viridis) > 1000);
    options.colorMap = av::ColorMapKind::Gray;
    const QImage gray =
        av::renderFigure(m_doc.session(), m_doc.result(), "attention-head-1", options);
    QCOMPARE(colouredPixels(gray), 0);
    // Every heatmap of a figure of several: all heads side by side.
    QVERIFY(m_doc.setDModel(4).isEmpty());
    QVERIFY(m_doc.setHeads(2).isEmpty());
    QCOMPARE(colouredPixels(
                 av::renderFigure(m_doc.session(), m_doc.result(), "attention-heads", options)),
             0);
    // Vector formats too: the SVG's fills are grey.
    options.format = "svg";
    const QString svg = QString::fromUtf8(
        av::figureFile(m_doc.session(), m_doc.result(), "attention-head-1", options));
    QVERIFY(!svg.isEmpty());
    QVERIFY(!svg.contains("#440154", Qt::CaseInsensitive)); // viridis' darkest purple
}

void ExportTest::signedDataStaysDiverging()
{
    av::ExportOptions options;
    options.dpi = 72;
    options.colorMap = av::ColorMapKind::Gray;
    // The output O is signed data: blue–white–red whatever the colour map.
    QVERIFY(colouredPixels(av::renderFigure(m_doc.session(), m_doc.result(), "output", options)) >
            100);
}

void ExportTest::theWindowsChoiceReachesExports()
{
    av::Document doc;
    av::MainWindow window(&doc, false);
    QCOMPARE(window.exportController()->colorMap(), av::ColorMapKind::Viridis);
    // View ▸ Colour map ▸ Grey, as a user picks it.
    QAction* grey = window.presentation()->actions().last();
    QVERIFY(grey->text().contains("Grey"));
    grey->trigger();
    QCOMPARE(window.exportController()->colorMap(), av::ColorMapKind::Gray);
    window.exportController()->copyFigure("attention-head-1");
    const QImage copied = QApplication::clipboard()->image();
    QVERIFY(!copied.isNull());
    QCOMPARE(colouredPixels(copied), 0);
    window.presentation()->setColorMap(av::ColorMapKind::Cividis);
    QCOMPARE(window.exportController()->colorMap(), av::ColorMapKind::Cividis);
}

QTEST_MAIN(ExportTest)
#include "export_test.moc"

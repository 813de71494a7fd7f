// The picture view (ui/panels/imagepanel.h) on a real document: it shows the query patch's
// weights of the pass for the head chosen, a click on a patch follows that patch, and it
// steps aside when the document is no longer the image's session.

#include "document.h"
#include "exportcontroller.h"
#include "imageattentionview.h"
#include "imagefile.h"
#include "imagepanel.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

class ImagePanelTest : public QObject
{
    Q_OBJECT

private slots:
    void showsTheQueryPatchsWeightsAndFollowsClicks();
};

void ImagePanelTest::showsTheQueryPatchsWeightsAndFollowsClicks()
{
    QTemporaryDir dir;
    QImage picture(8, 6, QImage::Format_RGB32);
    for (int y = 0; y < 6; ++y)
        for (int x = 0; x < 8; ++x)
            picture.setPixel(x, y, qRgb(30 * x, 40 * y, (x + y) % 2 ? 200 : 10));
    const QString path = dir.filePath("picture.png");
    QVERIFY(picture.save(path));
    attn::SessionOverrides overrides;
    overrides.heads = 2;
    av::ImageSession image = av::readImageSession(path, 2, overrides); // 4 × 3 patches
    QCOMPARE(image.tokens.n(), 12);
    // Patch 5 (row 2, column 2) holds pixels (2..3, 2..3): its first pixel (2, 2).
    QCOMPARE(image.tokens.patches(5, 0), 60 / 255.0);
    QCOMPARE(image.tokens.patches(5, 1), 80 / 255.0);

    av::Document document;
    av::ImagePanel panel(&document);
    panel.resize(700, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!panel.hasImage());
    document.reset(image.session);
    document.waitUntilComputed();
    panel.setImage(image, 5);
    QVERIFY(panel.hasImage());
    const auto weightsOf = [&](int head, int query) {
        const attn::Matrix& a = document.result().heads[head].weights;
        QVector<double> row;
        for (int j = 0; j < a.cols(); ++j)
            row << a(query, j);
        return row;
    };
    QCOMPARE(panel.view()->data().weights.size(), 1); // the chosen head alone
    QCOMPARE(panel.view()->data().weights[0], weightsOf(0, 5));
    panel.headChoice()->setValue(2);
    QCOMPARE(panel.view()->data().weights[0], weightsOf(1, 5));
    // A click on another patch follows it: find where patch 10 is drawn.
    av::ImageAttentionView* view = panel.view();
    QPoint target(-1, -1);
    for (int y = 0; y < view->height() && target.x() < 0; y += 3)
        for (int x = 0; x < view->width(); x += 3)
            if (view->patchAt(QPoint(x, y)) == 10) {
                target = QPoint(x + 2, y + 2);
                break;
            }
    QVERIFY(target.x() >= 0);
    QTest::mouseClick(view, Qt::LeftButton, {}, target);
    QCOMPARE(panel.query(), 10);
    QCOMPARE(view->data().query, 10);
    QCOMPARE(view->data().weights[0], weightsOf(1, 10));
    // Its context menu exports and copies the head shown, or every head.
    QCOMPARE(panel.figure(true).weights.size(), 2);
    QCOMPARE(panel.figure(true).weights[1], weightsOf(1, 10));
    QCOMPARE(panel.figureName(false), QString("image-attention-head-2"));
    QCOMPARE(panel.figureName(true), QString("image-attention"));
    QMenu menu;
    panel.fillMenu(&menu);
    QVERIFY(menu.isEmpty()); // no export controller yet
    av::ExportController exporter(&document, &panel);
    panel.setExportController(&exporter);
    panel.fillMenu(&menu);
    QCOMPARE(menu.actions().size(), 4);
    QSize copied[2];
    for (int every = 0; every < 2; ++every) {
        QApplication::clipboard()->clear();
        menu.actions()[2 * every + 1]->trigger(); // Copy …
        const QImage image = QApplication::clipboard()->image();
        QVERIFY(!image.isNull());
        copied[every] = image.size();
    }
    // The same width (9 in at 144 dpi) holds two heads side by side: a wider picture.
    QCOMPARE(copied[0].width(), copied[1].width());
    QVERIFY(copied[1].height() < copied[0].height());
    // Another session: the image is no longer what the document holds.
    document.reset(attn::Session(av::Document().session()));
    QVERIFY(!panel.hasImage());
    QMenu after;
    panel.fillMenu(&after);
    QVERIFY(after.isEmpty());
}

QTEST_MAIN(ImagePanelTest)
#include "imagepanel_test.moc"

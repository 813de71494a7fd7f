// Export of a whole transformer's figures (ui/export/exporter.h): model-view always,
// predictions only with an unembedding, as PNG, SVG and PDF, all or nothing.

#include "attentionview.h"
#include "exporter.h"
#include "modelforward.h"
#include "modelreader.h"
#include "testlessons.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <variant>

namespace {} // namespace

class ModelExportTest : public QObject
{
    Q_OBJECT

private slots:
    void namesFollowTheSpecification();
    void everyFormatIsWritten();
    void headLinesKeepTextAndLinesAsVectors();
    void widthIsKept();
    void exportAllWritesTheModelFigures();
};

void ModelExportTest::namesFollowTheSpecification()
{
    // ../shared/spec/cli.md: model-view.EXT, head-lines-layer-L.EXT, rollout.EXT,
    // predictions.EXT (with an unembedding).
    const attn::Model gpt = av::test::transformerLesson("small-gpt2-stack.attn.json");
    QCOMPARE(gpt.layerCount(), 3);
    QCOMPARE(av::modelFigureNames(gpt, attn::forwardModel(gpt)),
             QStringList({"model-view", "head-lines-layer-1", "head-lines-layer-2",
                          "head-lines-layer-3", "rollout", "predictions"}));
    const attn::Model block = av::test::transformerLesson("transformer-2017-block.attn.json");
    QCOMPARE(av::modelFigureNames(block, attn::forwardModel(block)),
             QStringList({"model-view", "head-lines-layer-1", "rollout"}));
    QVERIFY(av::isModelFigure("head-lines-layer-1"));
    QVERIFY(!av::isModelFigure("head-lines-layer-x"));
    // A block the model does not have draws nothing.
    QVERIFY(av::renderModelFigure(gpt, attn::forwardModel(gpt), "head-lines-layer-4", {}).isNull());
    QVERIFY(av::isModelFigure("model-view"));
    QVERIFY(av::isModelFigure("predictions"));
    QVERIFY(av::isModelFigure("rollout"));
    QVERIFY(!av::isModelFigure("attention-heads"));
    const attn::ModelResult result = attn::forwardModel(block);
    QVERIFY(av::renderModelFigure(block, result, "predictions", {}).isNull());
    QVERIFY(av::renderModelFigure(block, result, "attention-heads", {}).isNull());
}

void ModelExportTest::everyFormatIsWritten()
{
    const attn::Model model = av::test::transformerLesson("small-gpt2-stack.attn.json");
    const attn::ModelResult result = attn::forwardModel(model);
    for (const QString& name : av::modelFigureNames(model, result)) {
        av::ExportOptions options;
        const QImage image = av::renderModelFigure(model, result, name, options);
        QVERIFY2(!image.isNull(), qPrintable(name));
        // Not blank: more than a handful of colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(name));
        for (const char* format : {"png", "svg", "pdf"}) {
            options.format = QLatin1String(format);
            const QByteArray bytes = av::modelFigureFile(model, result, name, options);
            QVERIFY2(bytes.size() > 1000, qPrintable(name + QLatin1Char('.') + format));
        }
        options.format = QStringLiteral("svg");
        QVERIFY(av::modelFigureFile(model, result, name, options).contains("<svg"));
    }
}

void ModelExportTest::headLinesKeepTextAndLinesAsVectors()
{
    const attn::Model model = av::test::transformerLesson("small-gpt2-stack.attn.json");
    const attn::ModelResult result = attn::forwardModel(model);
    av::ExportOptions options;
    options.format = QStringLiteral("svg");
    const QByteArray svg = av::modelFigureFile(model, result, "head-lines-layer-2", options);
    // The title and every token are text, the lines are drawn as lines (paths or polylines).
    QVERIFY(svg.contains("Block 2"));
    QVERIFY(svg.contains(">slept<"));
    QVERIFY(svg.count("<polyline") + svg.count("<path") + svg.count("<line") > 30);
    // The PNG: every row's lines leave from its query, in the head's colour or blended.
    options.format = QStringLiteral("png");
    options.dpi = 192; // twice the logical size: the lines follow the scale
    const QImage image = av::renderModelFigure(model, result, "head-lines-layer-2", options);
    QVERIFY(!image.isNull());
    QVERIFY(image.height() > 2 * 11 * 15); // 11 tokens a row each
    // The middle column crosses lines: pixels there are coloured (not white, not grey).
    int coloured = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QColor c = image.pixelColor(image.width() / 2, y);
        coloured +=
            std::max({c.red(), c.green(), c.blue()}) - std::min({c.red(), c.green(), c.blue()}) >
            20;
    }
    QVERIFY2(coloured > 30, qPrintable(QString::number(coloured)));
    // Narrower than its columns need: as wide as they need, nothing cut off.
    options.widthInches = 2;
    QVERIFY(av::renderModelFigure(model, result, "head-lines-layer-2", options).width() > 2 * 192);
}

void ModelExportTest::widthIsKept()
{
    const attn::Model model = av::test::transformerLesson("small-gpt2-stack.attn.json");
    const attn::ModelResult result = attn::forwardModel(model);
    av::ExportOptions options;
    options.dpi = 96;
    options.widthInches = 5;
    for (const QString& name : av::modelFigureNames(model, result))
        QCOMPARE(av::renderModelFigure(model, result, name, options).width(), 480);
}

void ModelExportTest::exportAllWritesTheModelFigures()
{
    const attn::Model model = av::test::transformerLesson("small-gpt2-stack.attn.json");
    const attn::ModelResult result = attn::forwardModel(model);
    const attn::AttentionView view = attn::attentionView(model, result, 0);
    QTemporaryDir dir;
    av::ExportOptions options;
    options.dpi = 48;
    QCOMPARE(av::exportAll(view.session, view.result, dir.path(), options, {}, &model, &result),
             QString());
    QVERIFY(QFile::exists(dir.filePath("model-view.png")));
    QVERIFY(QFile::exists(dir.filePath("predictions.png")));
    QVERIFY(QFile::exists(dir.filePath("head-lines-layer-3.png")));
    QVERIFY(QFile::exists(dir.filePath("attention-heads.png")));
}

QTEST_MAIN(ModelExportTest)
#include "modelexport_test.moc"

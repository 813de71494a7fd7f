// The figures of a whole transformer (ui/figures/modelfigures.h): the model view's cell
// (l, h) is block l's head h's attention, and the prediction bars are the softmax of the
// logits row, worked out here again from result.logits, most probable first.

#include "modelfigures.h"
#include "modelforward.h"
#include "modelreader.h"
#include "testlessons.h"

#include <QFile>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <variant>

namespace {} // namespace

class ModelFiguresTest : public QObject
{
    Q_OBJECT

private slots:
    void modelViewCellsAreEachHeadsWeights();
    void modelViewMarksAblatedHeads();
    void predictionBarsAreTheSoftmaxOfTheLogits();
    void noPredictionsWithoutAnUnembedding();
    void tokenChoicesCountFromOne();
};

void ModelFiguresTest::modelViewCellsAreEachHeadsWeights()
{
    const attn::Model model = av::test::transformerLesson("small-gpt2-stack.attn.json");
    const attn::ModelResult result = attn::forwardModel(model);
    const av::ModelViewFigure f = av::modelViewFigure(model, result);
    QCOMPARE(f.blocks, 3);
    QCOMPARE(f.heads, 4);
    QCOMPARE(f.rowLabels, QStringList({"block 1", "block 2", "block 3"}));
    QCOMPARE(f.colLabels, QStringList({"head 1", "head 2", "head 3", "head 4"}));
    QCOMPARE(f.tokens.size(), model.n());
    QCOMPARE(f.weights.size(), 12);
    for (int l = 0; l < 3; ++l)
        for (int h = 0; h < 4; ++h) {
            const attn::Matrix& a = result.blocks[l].heads[h].weights;
            QCOMPARE(f.cell(l, h).rows(), model.n());
            QVERIFY2(f.cell(l, h) == a, qPrintable(QStringLiteral("cell %1, %2").arg(l).arg(h)));
        }
    // Blocks differ (else a mix-up of rows and columns could pass unseen).
    QVERIFY(f.cell(0, 1) != f.cell(1, 1));
    QVERIFY(f.cell(2, 0) != f.cell(2, 3));
    QCOMPARE(f.range, std::make_pair(0.0, 1.0));
    QVERIFY(!f.isAblated(0, 0));
}

void ModelFiguresTest::modelViewMarksAblatedHeads()
{
    attn::Model model = av::test::transformerLesson("small-gpt2-stack.attn.json");
    model.ablate = {{1, 2}, {2, 0}};
    const attn::ModelResult result = attn::forwardModel(model);
    const av::ModelViewFigure f = av::modelViewFigure(model, result);
    for (int l = 0; l < f.blocks; ++l)
        for (int h = 0; h < f.heads; ++h)
            QCOMPARE(f.isAblated(l, h), (l == 1 && h == 2) || (l == 2 && h == 0));
    // An ablated head's weights are still there (only its Z is 0): the view shows them.
    QVERIFY(f.cell(1, 2) == result.blocks[1].heads[2].weights);
    QVERIFY(av::modelViewCellFigure(model, result, 1, 2).title.contains("switched off"));
    QVERIFY(!av::modelViewCellFigure(model, result, 1, 1).title.contains("switched off"));
}

void ModelFiguresTest::predictionBarsAreTheSoftmaxOfTheLogits()
{
    const attn::Model model = av::test::transformerLesson("small-gpt2-stack.attn.json");
    const attn::ModelResult result = attn::forwardModel(model);
    QVERIFY(av::hasPredictions(result));
    const int vocabulary = model.vocabularySize();
    QCOMPARE(result.logits.cols(), vocabulary);
    for (int token = 0; token < model.n(); ++token) {
        // softmax of the row, written out here independently of the engine.
        std::vector<double> p(vocabulary);
        double highest = -INFINITY;
        for (int v = 0; v < vocabulary; ++v)
            highest = std::max(highest, double(result.logits(token, v)));
        double sum = 0;
        for (int v = 0; v < vocabulary; ++v)
            sum += p[v] = std::exp(result.logits(token, v) - highest);
        for (double& x : p)
            x /= sum;
        std::vector<int> order(vocabulary);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&p](int a, int b) { return p[a] > p[b]; });

        const av::PredictionsFigure f = av::predictionsFigure(model, result, token);
        QCOMPARE(f.labels.size(), std::min(attn::kDefaultTopK, vocabulary));
        QVERIFY(f.title.contains(QString::fromStdString(model.settings.tokens[token])));
        QVERIFY(f.title.contains(QStringLiteral("token %1").arg(token + 1)));
        for (int k = 0; k < f.labels.size(); ++k) {
            QCOMPARE(f.ids[k], order[k]);
            QCOMPARE(f.labels[k], QString::fromStdString(model.vocabulary[order[k]]));
            QVERIFY2(std::abs(f.probability[k] - p[order[k]]) < 1e-12,
                     qPrintable(QStringLiteral("token %1, rank %2: %3 vs %4")
                                    .arg(token)
                                    .arg(k)
                                    .arg(f.probability[k])
                                    .arg(p[order[k]])));
            if (k > 0)
                QVERIFY(f.probability[k] <= f.probability[k - 1]);
        }
    }
    QVERIFY(av::predictionsFigure(model, result, -1).labels.isEmpty());
    QVERIFY(av::predictionsFigure(model, result, model.n()).labels.isEmpty());
}

void ModelFiguresTest::noPredictionsWithoutAnUnembedding()
{
    attn::Model model = av::test::transformerLesson("transformer-2017-block.attn.json");
    QCOMPARE(model.unembedding, attn::UnembeddingKind::None);
    const attn::ModelResult result = attn::forwardModel(model);
    QVERIFY(!av::hasPredictions(result));
    QVERIFY(av::predictionsFigure(model, result, 0).labels.isEmpty());
    // The model view still shows its heads.
    QCOMPARE(av::modelViewFigure(model, result).blocks, model.layerCount());
}

void ModelFiguresTest::tokenChoicesCountFromOne()
{
    const attn::Model model = av::test::transformerLesson("small-gpt2-stack.attn.json");
    const QStringList choices = av::tokenChoices(model);
    QCOMPARE(choices.size(), model.n());
    QCOMPARE(choices.first(), QStringLiteral("1: <s>"));
    QCOMPARE(choices.last(), QStringLiteral("%1: slept").arg(model.n()));
}

QTEST_GUILESS_MAIN(ModelFiguresTest)
#include "modelfigures_test.moc"

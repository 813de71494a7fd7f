// The block steps of the pipeline and the walkthrough (pipelinesteps.h, walkthrough.h) on the
// transformer lessons: the steps come in the order of the block's computation, and the
// numbers they show are the engine's, checked against values worked out here from the
// block's input.

#include "attentionview.h"
#include "document.h"
#include "modelforward.h"
#include "modelreader.h"
#include "numberformat.h"
#include "pipelinesteps.h"
#include "testlessons.h"
#include "tracetext.h"
#include "walkthrough.h"

#include <QFile>
#include <QTest>
#include <QTextDocumentFragment>

namespace {

QString plain(const QString& richText)
{
    return QTextDocumentFragment::fromHtml(richText).toPlainText();
}

/// A model, its pass and block l's attention as a v1 layer, as the document holds them.
struct Pass
{
    attn::Model model;
    attn::ModelResult result;
    attn::AttentionView view;

    Pass(attn::Model m, int l)
        : model(std::move(m)), result(attn::forwardModel(model)),
          view(attn::attentionView(model, result, l))
    {}
    QVector<av::PipelineStep> pipeline(int l, int head = 0) const
    {
        return av::blockPipelineSteps(model, result, l, view.session, view.result, head,
                                      model.n() - 1);
    }
    QVector<av::WalkStep> walk(int l, av::WalkTarget t = {}) const
    {
        return av::walkBlockSteps(model, result, l, view.session, view.result, t);
    }
};

/// The index of the first step at or after `from` whose plain formula contains text; -1.
int find(const QVector<av::PipelineStep>& steps, const QString& text, int from = 0)
{
    for (int k = from; k < steps.size(); ++k)
        if (plain(steps[k].formula).contains(text))
            return k;
    return -1;
}

int findTitle(const QVector<av::WalkStep>& steps, const QString& text, int from = 0)
{
    for (int k = from; k < steps.size(); ++k)
        if (steps[k].title.contains(text))
            return k;
    return -1;
}

void compareSteps(const QVector<av::PipelineStep>& a, const QVector<av::PipelineStep>& b)
{
    QCOMPARE(a.size(), b.size());
    for (int k = 0; k < a.size(); ++k) {
        QCOMPARE(av::pipelineCaption(a[k], k + 1), av::pipelineCaption(b[k], k + 1));
        QCOMPARE(a[k].data.values, b[k].data.values);
    }
}

} // namespace

class BlockStepsTest : public QObject
{
    Q_OBJECT

private slots:
    void preNormBlockWithFfnInOrder();
    void postNormBlockInOrder();
    void normStepShowsEachRowsMeanAndVariance();
    void bareAttentionLayerGivesTheV1Steps();
    void residualWithoutNormOrFfnAddsItsSum();
    void logitsShowTopKColumnsOnly();
    void walkWritesOutTheFfnAndThePrediction();
    void hoverExplainsTheNumbers();
    void walkEndsWithTheRollout();
};

void BlockStepsTest::preNormBlockWithFfnInOrder()
{
    const Pass p(av::test::transformerLesson("small-gpt2-stack.attn.json"), 1);
    const auto steps = p.pipeline(1);
    // LN1, attention, residual, LN2, FFN, residual, in that order.
    const QStringList order{"LN1(H1) = (x − μ)", "Q = LN1(H1) WQ",   "MHA = C WO",
                            "M = H1 + MHA",      "LN2(M) = (x − μ)", "F = LN2(M) W1 + b1",
                            "G = GELU(F)",       "FFN = G W2 + b2",  "H2 = M + FFN"};
    int at = 0;
    for (const QString& text : order) {
        const int k = find(steps, text, at);
        QVERIFY2(k >= at, qPrintable(text));
        at = k + 1;
    }
    QCOMPARE(at, steps.size()); // block 2 of 3: no prediction yet
    QVERIFY(steps[find(steps, "G = GELU")].what.contains("GELU (tanh)"));
    QCOMPARE(steps[find(steps, "H2 = M + FFN")].data.values, p.result.blocks[1].output);

    const auto walk = p.walk(1);
    const QStringList titles{"Input of block 2",
                             "Layer norm 1",
                             "Queries",
                             "Output projection",
                             "Residual sum after attention",
                             "Layer norm 2",
                             "Feed-forward network: first",
                             "Activation: GELU (tanh)",
                             "Feed-forward network: second",
                             "Residual sum after the FFN",
                             "Output of block 2"};
    at = 0;
    for (const QString& text : titles) {
        const int k = findTitle(walk, text, at);
        QVERIFY2(k >= at, qPrintable(text));
        at = k + 1;
    }
    QCOMPARE(at, walk.size());
    for (int k = 0; k < walk.size(); ++k)
        QVERIFY2(walk[k].title.startsWith(QString::number(k + 1) + "."), qPrintable(walk[k].title));
}

void BlockStepsTest::postNormBlockInOrder()
{
    const Pass p(av::test::transformerLesson("transformer-2017-block.attn.json"), 0);
    const auto steps = p.pipeline(0);
    const QStringList order{"Xin = X + P",        "Q = Xin WQ + bQ", "MHA = C WO + bO", "Xin + MHA",
                            "M = LN1(Xin + MHA)", "F = M W1 + b1",   "G = ReLU(F)",     "M + FFN",
                            "H1 = LN2(M + FFN)"};
    int at = 0;
    for (const QString& text : order) {
        const int k = find(steps, text, at);
        QVERIFY2(k >= at, qPrintable(text));
        at = k + 1;
    }
    QCOMPARE(at, steps.size()); // no vocabulary: nothing after the block
    QCOMPARE(steps.back().data.values, p.result.blocks[0].output);
    QCOMPARE(steps[find(steps, "Xin + MHA")].data.values, p.result.blocks[0].attentionSum);
    QVERIFY(findTitle(p.walk(0), "Activation: ReLU") > 0);
}

void BlockStepsTest::normStepShowsEachRowsMeanAndVariance()
{
    const int l = 2;
    const Pass p(av::test::transformerLesson("small-gpt2-stack.attn.json"), l);
    const auto steps = p.pipeline(l);
    const int stats = find(steps, "μi, σ2i of H2");
    QVERIFY(stats >= 0);
    const attn::Matrix& in = p.result.blocks[l].input;
    const attn::Matrix& shown = steps[stats].data.values;
    QCOMPARE(shown.rows(), in.rows());
    for (int i = 0; i < in.rows(); ++i) {
        const double mean = in.row(i).sum() / in.cols();
        const double variance = (in.row(i).array() - mean).square().sum() / in.cols();
        QVERIFY(std::abs(shown(i, 0) - mean) < 1e-12);
        QVERIFY(std::abs(shown(i, 1) - variance) < 1e-12);
    }
    // The walk writes row i's μ, σ² and one entry out: token 4, column 3 (0-based).
    const auto walk = p.walk(l, {4, 3});
    const QString f = plain(walk[findTitle(walk, "Layer norm 1")].formula);
    const double mean = in.row(4).sum() / in.cols();
    QVERIFY2(f.contains("μ = (" + av::formatFormula(in(4, 0))), qPrintable(f));
    QVERIFY2(f.contains("= " + av::formatFormula(mean) + "\n"), qPrintable(f));
    const double variance = (in.row(4).array() - mean).square().sum() / in.cols();
    QVERIFY2(f.contains("/ 16 = " + av::formatFormula(variance)), qPrintable(f));
    const double eps = p.model.layers[l].ln1.eps;
    const double ln =
        (in(4, 3) - mean) / std::sqrt(variance + eps) * p.model.layers[l].ln1.gain(3) +
        p.model.layers[l].ln1.bias(3);
    QVERIFY2(f.contains("dimension 4: (x − μ)"), qPrintable(f));
    QVERIFY2(f.contains("= " + av::formatFormula(ln) + "\n"), qPrintable(f));
}

void BlockStepsTest::bareAttentionLayerGivesTheV1Steps()
{
    const av::Document doc; // the worked example
    const Pass p(attn::modelFromSession(doc.session()), 0);
    compareSteps(p.pipeline(0), av::pipelineSteps(doc.session(), doc.result(), 0));
    const auto walk = p.walk(0, {0, 0});
    const auto v1 = av::walkSteps(doc.session(), doc.result(), {0, 0});
    QCOMPARE(walk.size(), v1.size());
    for (int k = 0; k < v1.size(); ++k) {
        QCOMPARE(walk[k].title, v1[k].title);
        QCOMPARE(walk[k].formula, v1[k].formula);
    }
}

void BlockStepsTest::residualWithoutNormOrFfnAddsItsSum()
{
    const av::Document doc;
    attn::Model m = attn::modelFromSession(doc.session());
    m.layers[0].residual = true;
    const Pass p(m, 0);
    const auto steps = p.pipeline(0);
    const auto v1 = av::pipelineSteps(doc.session(), doc.result(), 0);
    QCOMPARE(steps.size(), v1.size() + 2); // M = X_in + MHA, and the block's output
    for (int k = 0; k < v1.size(); ++k)
        QCOMPARE(steps[k].data.values, v1[k].data.values);
    QVERIFY(plain(steps[v1.size()].formula).contains("M = Xin + MHA"));
    QCOMPARE(steps.back().data.values, attn::Matrix(doc.result().xIn + doc.result().output));
}

void BlockStepsTest::logitsShowTopKColumnsOnly()
{
    const Pass p(av::test::transformerLesson("small-gpt2-stack.attn.json"), 2);
    const auto steps = p.pipeline(2);
    const int logits = find(steps, "logits = Hf ET");
    QVERIFY(logits > find(steps, "Hf = LNf(H3)"));
    const av::PipelineStep& step = steps[logits];
    const int last = p.model.n() - 1;
    const auto& top = p.result.topK[last];
    QCOMPARE(step.ids.size(), static_cast<int>(top.size()));
    QVERIFY(step.data.values.cols() < p.model.vocabularySize());
    for (int k = 0; k < step.ids.size(); ++k) {
        QCOMPARE(step.ids[k], top[k].id);
        QCOMPARE(step.data.colLabels[k], QString::fromStdString(p.model.vocabulary[top[k].id]));
        QCOMPARE(step.data.values.col(k), p.result.logits.col(top[k].id));
    }
    const av::PipelineStep& probabilities = steps.back();
    QCOMPARE(probabilities.data.values.rows(), 1);
    for (int k = 0; k < step.ids.size(); ++k)
        QCOMPARE(probabilities.data.values(0, k), top[k].p);
}

void BlockStepsTest::walkWritesOutTheFfnAndThePrediction()
{
    const Pass p(av::test::transformerLesson("small-gpt2-stack.attn.json"), 2);
    const auto walk = p.walk(2, {3, 5});
    const attn::BlockResult& b = p.result.blocks[2];
    int j = 0;
    b.ffnHidden.row(3).cwiseAbs().maxCoeff(&j);
    const QString first = plain(walk[findTitle(walk, "first layer")].formula);
    QVERIFY2(first.contains(QStringLiteral("f4,%1 =").arg(j + 1)), qPrintable(first));
    QVERIFY2(first.endsWith(" = " + av::formatFormula(b.ffnPreActivation(3, j)) +
                            "\nF = M W1 + b1 is n × dff = 11 × 64"),
             qPrintable(first));
    const QString second = plain(walk[findTitle(walk, "second layer")].formula);
    QVERIFY(second.endsWith(" = " + av::formatFormula(b.ffnOutput(3, 5))));
    const QString act = plain(walk[findTitle(walk, "Activation")].formula);
    QVERIFY2(act.contains("GELU(" + av::formatFormula(b.ffnPreActivation(3, j)) +
                          ") = " + av::formatFormula(b.ffnHidden(3, j))),
             qPrintable(act));
    const QString sum = plain(walk[findTitle(walk, "after the FFN")].formula);
    QVERIFY(sum.contains(av::formatFormula(b.afterAttention(3, 5)) + " + " +
                         av::formatFormula(b.ffnOutput(3, 5)) + " = " +
                         av::formatFormula(b.output(3, 5))));
    const auto& top = p.result.topK[3].front();
    const QString word = QString::fromStdString(p.model.vocabulary[top.id]);
    // The prediction, then the rollout (walkEndsWithTheRollout).
    const av::WalkStep& probabilities = walk[walk.size() - 2];
    QCOMPARE(probabilities.title.contains("Probabilities"), true);
    QVERIFY(plain(probabilities.formula).contains(av::formatFormula(top.p)));
    QVERIFY(plain(probabilities.formula).contains("p(“" + word + "”"));
    const QString logit = plain(walk[walk.size() - 3].formula);
    QVERIFY2(logit.contains("logit of “" + word + "”") &&
                 logit.contains(" = " + av::formatFormula(p.result.logits(3, top.id)) + "\n"),
             qPrintable(logit));
}

void BlockStepsTest::hoverExplainsTheNumbers()
{
    const Pass p(av::test::transformerLesson("small-gpt2-stack.attn.json"), 0);
    const auto steps = p.pipeline(0);
    const int out = find(steps, "LN1(Xin) = (x − μ)");
    QVERIFY(out >= 0);
    const QString ln = plain(av::describeBlockCell(p.model, p.result, 0, steps[out], 2, 7));
    QVERIFY2(ln.contains(av::formatFormula(p.result.blocks[0].ln1.mean(2))), qPrintable(ln));
    QVERIFY(ln.endsWith("= " + av::formatFormula(p.result.blocks[0].ln1.output(2, 7))));
    const int act = find(steps, "G = GELU(F)");
    const QString g = plain(av::describeBlockCell(p.model, p.result, 0, steps[act], 1, 9));
    QVERIFY(g.contains("tanh") &&
            g.endsWith(") = " + av::formatFormula(p.result.blocks[0].ffnHidden(1, 9))));
    QVERIFY(
        av::describeBlockCell(p.model, p.result, 0, steps[find(steps, "Q = ")], 0, 0).isEmpty());
}

void BlockStepsTest::walkEndsWithTheRollout()
{
    // Rollout recomputed here: per block the mean of the heads, 0.5·A + 0.5·I, rows
    // divided by their sums, multiplied from the first block on.
    const auto rollout = [](const attn::Model& m, const attn::ModelResult& r, int upTo) {
        const int n = m.n();
        attn::Matrix R = attn::Matrix::Identity(n, n);
        for (int l = 0; l < upTo; ++l) {
            attn::Matrix mean = attn::Matrix::Zero(n, n);
            for (const auto& head : r.blocks[l].heads)
                mean += head.weights / double(r.blocks[l].heads.size());
            attn::Matrix mixed = 0.5 * mean + 0.5 * attn::Matrix::Identity(n, n);
            for (int i = 0; i < n; ++i)
                mixed.row(i) /= mixed.row(i).sum();
            R = mixed * R;
        }
        return R;
    };
    const Pass p(av::test::transformerLesson("small-gpt2-stack.attn.json"), 2);
    const int i = 4;
    const auto walk = p.walk(2, {i, 0});
    const av::WalkStep& last = walk.back();
    QVERIFY2(last.title.contains("Attention rollout"), qPrintable(last.title));
    const attn::Matrix R = rollout(p.model, p.result, 3);
    int j = 0;
    R.row(i).maxCoeff(&j);
    const QString f = plain(last.formula);
    // R(5, j) = Σ_k Â(3)(5, k) R(2)(k, j): the value, and the first term's R(2) factor.
    QVERIFY2(f.contains(QStringLiteral("R5,%1 = Σk Â(3)5,k R(2)k,%1").arg(j + 1)), qPrintable(f));
    QVERIFY2(f.contains("= " + av::formatFormula(R(i, j))), qPrintable(f));
    const attn::Matrix R2 = rollout(p.model, p.result, 2);
    QVERIFY2(f.contains(av::formatFormula(R2(0, j))), qPrintable(f));
    QCOMPARE(last.matrices.size(), 3);
    QCOMPARE(last.matrices.back().highlighted, QVector<QPoint>{QPoint(j, i)});
    QVERIFY((last.matrices.back().data.values - R).cwiseAbs().maxCoeff() < 1e-12);
    // One block: R is Â1, no product.
    const Pass one(av::test::transformerLesson("transformer-2017-block.attn.json"), 0);
    const auto single = one.walk(0);
    QVERIFY(single.back().title.contains("Attention rollout"));
    QCOMPARE(single.back().matrices.size(), 2);
    // Other blocks end with their output.
    QVERIFY(!p.walk(1).back().title.contains("Attention rollout"));
}

QTEST_MAIN(BlockStepsTest)
#include "blocksteps_test.moc"

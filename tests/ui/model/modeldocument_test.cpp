// The document with a whole transformer open (session v2): the views see the selected
// block's attention, every edit is one undo step that recomputes from where it lands,
// and what the model cannot take is refused without a change.

#include "bitcompare.h"
#include "document.h"
#include "modelforward.h"
#include "sessionfile.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace av;
using av::test::sameBits;

namespace {

const QString kStack = QStringLiteral(":/lessons/transformers/small-gpt2-stack.attn.json");
const QString k2017 = QStringLiteral(":/lessons/transformers/transformer-2017-block.attn.json");

/// Every block's output, the final state and the logits, bit for bit.
bool sameResult(const attn::ModelResult& a, const attn::ModelResult& b)
{
    if (a.blocks.size() != b.blocks.size())
        return false;
    for (std::size_t l = 0; l < a.blocks.size(); ++l) {
        if (!sameBits(a.blocks[l].output, b.blocks[l].output))
            return false;
        for (std::size_t h = 0; h < a.blocks[l].heads.size(); ++h)
            if (!sameBits(a.blocks[l].heads[h].weights, b.blocks[l].heads[h].weights))
                return false;
    }
    return sameBits(a.final, b.final) && sameBits(a.logits, b.logits);
}

/// The document's pass is the pass of its model, as a fresh computation gives it.
bool upToDate(const Document& document)
{
    return sameResult(document.modelResult(), attn::forwardModel(document.model()));
}

} // namespace

class ModelDocumentTest : public QObject
{
    Q_OBJECT

private slots:
    void opensAModelAndShowsTheSelectedBlock()
    {
        Document document;
        QString error;
        QVERIFY2(document.open(kStack, &error), qPrintable(error));
        QVERIFY(document.hasModel());
        QCOMPARE(document.model().layerCount(), 3);
        QCOMPARE(document.block(), 0);
        QVERIFY(upToDate(document));
        QSignalSpy changed(&document, &Document::changed);
        for (int l : {2, 1}) {
            document.setBlock(l);
            QCOMPARE(document.block(), l);
            for (int h = 0; h < document.model().heads(); ++h)
                QVERIFY(sameBits(document.result().heads[h].weights,
                                 document.modelResult().blocks[l].heads[h].weights));
            QVERIFY(sameBits(document.session().wq[0], document.model().layers[l].attention.wq[0]));
        }
        QCOMPARE(changed.count(), 2);
        QCOMPARE(document.undoStack()->count(), 0); // choosing a block is not an edit
        document.setBlock(7);
        QCOMPARE(document.block(), 2);
    }

    void aCellEditRecomputesFromItsBlockAndUndoesExactly()
    {
        Document document;
        QVERIFY(document.open(kStack, nullptr));
        const attn::ModelResult before = document.modelResult();
        const attn::ModelMatrixRef ref{attn::ModelMatrix::WQ, 1, 2};
        const attn::Real original = attn::modelMatrix(document.model(), ref)(3, 1);
        const int gesture = document.newGestureId();
        for (attn::Real v : {original + 0.5, original + 1.0, original + 1.5})
            document.setModelCell(ref, 3, 1, v, gesture);
        QCOMPARE(document.undoStack()->count(), 1); // a scrub is one step
        QCOMPARE(attn::modelMatrix(document.model(), ref)(3, 1), original + 1.5);
        QVERIFY(upToDate(document));
        QVERIFY(sameBits(document.modelResult().blocks[0].output, before.blocks[0].output));
        QVERIFY(!sameBits(document.modelResult().blocks[1].output, before.blocks[1].output));
        document.undoStack()->undo();
        QVERIFY(sameResult(document.modelResult(), before));
        QVERIFY(!document.isModified());
    }

    void everyKindOfMatrixIsEditable()
    {
        Document document;
        QVERIFY(document.open(kStack, nullptr));
        const std::vector<attn::ModelMatrixRef> refs = attn::modelMatrices(document.model());
        int edits = 0;
        for (const attn::ModelMatrixRef& ref : refs) {
            const attn::Real v = attn::modelMatrix(document.model(), ref)(0, 0);
            document.setModelCell(ref, 0, 0, v + 0.25);
            QCOMPARE(attn::modelMatrix(document.model(), ref)(0, 0), v + 0.25);
            ++edits;
        }
        QCOMPARE(document.undoStack()->count(), edits);
        QVERIFY(upToDate(document));
        // The lesson has token embeddings, gains and biases of LN1, LN2 and LN_f, FFNs.
        const auto has = [&](attn::ModelMatrix kind) {
            return std::any_of(refs.begin(), refs.end(),
                               [kind](const attn::ModelMatrixRef& r) { return r.kind == kind; });
        };
        for (attn::ModelMatrix kind :
             {attn::ModelMatrix::TokenEmbeddings, attn::ModelMatrix::Ln1Gain,
              attn::ModelMatrix::Ln2Bias, attn::ModelMatrix::W1, attn::ModelMatrix::B2,
              attn::ModelMatrix::FinalGain, attn::ModelMatrix::BQ})
            QVERIFY(has(kind));
        document.undoStack()->setIndex(0);
        QVERIFY(!document.isModified());
        QVERIFY(upToDate(document));
    }

    void aV1EditOfTheViewEditsTheSelectedBlock()
    {
        Document document;
        QVERIFY(document.open(kStack, nullptr));
        document.setBlock(2);
        const attn::Real v = document.model().layers[2].attention.wk[1](0, 0);
        document.setCell({attn::MatrixKind::WK, 1}, 0, 0, v - 1);
        QCOMPARE(document.model().layers[2].attention.wk[1](0, 0), v - 1);
        QCOMPARE(document.session().wk[1](0, 0), v - 1);
        QVERIFY(upToDate(document));
        // The view's X is the block's input, computed: not a weight to edit.
        document.setCell({attn::MatrixKind::Embeddings, 0}, 0, 0, 5);
        QCOMPARE(document.undoStack()->count(), 1);
    }

    void ablationIsOneStepAndZeroesTheHead()
    {
        Document document;
        QVERIFY(document.open(kStack, nullptr));
        document.setAblated(1, 0, true);
        QVERIFY(document.model().isAblated(1, 0));
        QVERIFY(document.modelResult().blocks[1].heads[0].output.isZero(0));
        QVERIFY(upToDate(document));
        document.setAblated(1, 0, true); // already off: no step
        QCOMPARE(document.undoStack()->count(), 1);
        document.undoStack()->undo();
        QVERIFY(!document.model().isAblated(1, 0));
        QVERIFY(upToDate(document));
    }

    void structuralOptionsAreEachOneUndoStep()
    {
        Document document;
        QVERIFY(document.open(kStack, nullptr));
        const attn::ModelResult start = document.modelResult();
        document.setLayerCount(5);
        QCOMPARE(document.model().layerCount(), 5);
        document.setNorm(attn::NormPlacement::Post);
        QVERIFY(document.model().layers[4].norm == attn::NormPlacement::Post);
        document.setFfnWidth(24);
        QCOMPARE(document.model().layers[3].ffn->width(), 24);
        document.setActivation(attn::Activation::Relu);
        QVERIFY(document.model().layers[0].ffn->activation == attn::Activation::Relu);
        document.setResidual(false);
        QVERIFY(!document.model().layers[2].residual);
        document.setFfnWidth(0);
        QVERIFY(!document.model().layers[1].ffn.has_value());
        QCOMPARE(document.undoStack()->count(), 6);
        QVERIFY(upToDate(document));
        document.setBlock(4);
        document.undoStack()->setIndex(0);
        QCOMPARE(document.model().layerCount(), 3);
        QCOMPARE(document.block(), 2); // the selection follows the blocks that remain
        QVERIFY(sameResult(document.modelResult(), start));
    }

    void whatTheModelCannotTakeIsRefused()
    {
        Document document;
        QVERIFY(document.open(kStack, nullptr));
        QSignalSpy refused(&document, &Document::refused);
        std::vector<std::string> tokens = document.model().settings.tokens;
        tokens.push_back("zebra");
        document.setTokens(tokens);
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.first().first().toString().contains("zebra"));
        QVERIFY(!document.setDModel(32).isEmpty());
        QVERIFY(!document.setHeads(2).isEmpty());
        QCOMPARE(document.undoStack()->count(), 0);
        QCOMPARE(document.model().dModel(), 16);
        // A word of the vocabulary is taken.
        tokens.back() = "cat";
        document.setTokens(tokens);
        QCOMPARE(document.model().n(), static_cast<int>(tokens.size()));
        QVERIFY(upToDate(document));
    }

    void aBrokenVersion2FileIsRefusedAndTheOpenModelStays()
    {
        Document document;
        QVERIFY(document.open(kStack, nullptr));
        document.setAblated(2, 3, true);
        const attn::ModelResult before = document.modelResult();
        QFile lesson(kStack);
        QVERIFY(lesson.open(QIODevice::ReadOnly));
        QByteArray text = lesson.readAll();
        // An activation the format does not know, in block 2's FFN.
        const int at = text.indexOf("\"gelu_tanh\"", text.indexOf("\"activation\""));
        QVERIFY(at > 0);
        text.replace(at, 11, "\"swish\"");
        QTemporaryDir dir;
        const QString path = dir.filePath("broken.attn.json");
        QFile broken(path);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(text);
        broken.close();
        QString error;
        QVERIFY(!document.open(path, &error));
        QVERIFY2(error.contains("broken.attn.json") && error.contains("activation"),
                 qPrintable(error));
        QVERIFY(document.hasModel());
        QVERIFY(document.model().isAblated(2, 3));
        QVERIFY(document.isModified());
        QVERIFY(sameResult(document.modelResult(), before));
    }

    void savesAndReopensVersion2()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("stack.attn.json");
        Document document;
        QVERIFY(document.open(k2017, nullptr));
        document.setAblated(0, 1, true);
        QString error;
        QVERIFY2(document.save(path, &error), qPrintable(error));
        QVERIFY(!document.isModified());
        Document reopened;
        QVERIFY2(reopened.open(path, &error), qPrintable(error));
        QVERIFY(reopened.hasModel());
        QVERIFY(reopened.model().isAblated(0, 1));
        QVERIFY(sameResult(reopened.modelResult(), document.modelResult()));
        // A v1 session opened after it leaves model mode.
        reopened.reset(defaultLesson());
        QVERIFY(!reopened.hasModel());
        QCOMPARE(reopened.block(), 0);
    }
};

QTEST_GUILESS_MAIN(ModelDocumentTest)
#include "modeldocument_test.moc"

// A large model's edits of values are computed on a worker thread: the views keep the pass
// they show (Computing…) until the new one is spliced in, a newer edit cancels a running
// pass without losing what it was to show, and changes of shape are shown at once.

#include "bitcompare.h"
#include "document.h"
#include "modelforward.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace av;
using av::test::sameBits;

namespace {

const QString kStack = QStringLiteral(":/lessons/transformers/small-gpt2-stack.attn.json");

/// Every block's input, heads, FFN and output, the final state and the logits, bit for bit.
bool sameResult(const attn::ModelResult& a, const attn::ModelResult& b)
{
    if (a.blocks.size() != b.blocks.size())
        return false;
    for (std::size_t l = 0; l < a.blocks.size(); ++l) {
        const attn::BlockResult &x = a.blocks[l], &y = b.blocks[l];
        if (!sameBits(x.input, y.input) || !sameBits(x.ffnHidden, y.ffnHidden) ||
            !sameBits(x.output, y.output))
            return false;
        for (std::size_t h = 0; h < x.heads.size(); ++h)
            if (!sameBits(x.heads[h].weights, y.heads[h].weights))
                return false;
    }
    return sameBits(a.final, b.final) && sameBits(a.logits, b.logits);
}

bool upToDate(const Document& document)
{
    return sameResult(document.modelResult(), attn::forwardModel(document.model()));
}

/// The stack lesson, every pass of it large enough to run on the worker.
void openLarge(Document& document)
{
    QVERIFY(document.open(kStack, nullptr));
    document.setBackgroundFlops(0);
}

} // namespace

class ModelBackgroundPassTest : public QObject
{
    Q_OBJECT

private slots:
    void theViewsKeepThePassBeforeUntilTheNewOneArrives()
    {
        Document document;
        openLarge(document);
        QSignalSpy computing(&document, &Document::computingChanged);
        int shown = 0; // changes of values told to the views (the clean state's are not)
        connect(&document, &Document::changed, this, [&shown](Document::Changes changes) {
            shown += (changes & Document::Values) ? 1 : 0;
        });
        const attn::ModelResult before = document.modelResult();
        const attn::ModelMatrixRef ref{attn::ModelMatrix::WQ, 1, 0};
        const attn::Real original = attn::modelMatrix(document.model(), ref)(2, 3);
        document.setModelCell(ref, 2, 3, original + 1.25);
        QVERIFY(document.isComputing());
        QCOMPARE(computing.count(), 1);
        QCOMPARE(computing.at(0).at(0).toBool(), true);
        QCOMPARE(shown, 0); // nothing new to show yet
        QCOMPARE(attn::modelMatrix(document.model(), ref)(2, 3), original + 1.25);
        QVERIFY(sameResult(document.modelResult(), before));

        QTRY_VERIFY(!document.isComputing());
        QCOMPARE(computing.count(), 2);
        QCOMPARE(computing.at(1).at(0).toBool(), false);
        QCOMPARE(shown, 1);
        QVERIFY(upToDate(document));
        QVERIFY(sameBits(document.modelResult().blocks[0].output, before.blocks[0].output));
        QVERIFY(!sameBits(document.modelResult().blocks[1].output, before.blocks[1].output));
        // The selected block's v1 view follows the pass once it is shown.
        document.setBlock(1);
        QVERIFY(sameBits(document.result().heads[0].weights,
                         document.modelResult().blocks[1].heads[0].weights));

        document.undoStack()->undo();
        document.waitUntilComputed();
        QVERIFY(sameResult(document.modelResult(), before));
    }

    void aNewerEditCancelsTheRunningPassAndKeepsWhatItWasToShow()
    {
        Document document;
        openLarge(document);
        // Every pass shown is the pass of the model at that moment: none is stale.
        int shown = 0;
        bool allUpToDate = true;
        connect(&document, &Document::changed, this, [&](Document::Changes changes) {
            if (changes & Document::Values) {
                ++shown;
                allUpToDate = allUpToDate && upToDate(document);
            }
        });
        // Block 0 first (a pass of every block), then block 2, before either is shown: the
        // second pass must still recompute from block 0.
        const attn::ModelMatrixRef first{attn::ModelMatrix::WV, 0, 1};
        const attn::ModelMatrixRef second{attn::ModelMatrix::W1, 2, 0};
        const attn::Real a = attn::modelMatrix(document.model(), first)(0, 0);
        const attn::Real b = attn::modelMatrix(document.model(), second)(1, 1);
        const int gesture = document.newGestureId();
        for (int step = 1; step <= 5; ++step)
            document.setModelCell(first, 0, 0, a + 0.25 * step, gesture);
        document.setModelCell(second, 1, 1, b - 0.5);
        QVERIFY(document.isComputing());
        QCOMPARE(shown, 0);
        QTRY_VERIFY(!document.isComputing());
        QCOMPARE(shown, 1);
        QVERIFY(allUpToDate);
        QVERIFY(upToDate(document));
        QCOMPARE(document.undoStack()->count(), 2);
    }

    void aChangeOfShapeIsShownAtOnceEvenWhileAPassRuns()
    {
        Document document;
        openLarge(document);
        document.setAblated(1, 0, true); // a change of values: on the worker
        QVERIFY(document.isComputing());
        document.setLayerCount(4); // of shape: the views must never see 4 blocks with 3
        QVERIFY(!document.isComputing());
        QCOMPARE(document.model().layerCount(), 4);
        QCOMPARE(document.modelResult().blocks.size(), std::size_t(4));
        QVERIFY(upToDate(document));
        QVERIFY(document.model().isAblated(1, 0));
        QVERIFY(document.modelResult().blocks[1].heads[0].output.isZero(0));
    }

    void openingAnotherSessionDropsTheRunningPass()
    {
        Document document;
        openLarge(document);
        document.setModelCell({attn::ModelMatrix::WO, 2, 0}, 0, 1, 2.0);
        QVERIFY(document.isComputing());
        document.reset(attn::Session(Document().session()));
        QVERIFY(!document.hasModel());
        QTest::qWait(50); // the cancelled pass's end, if any, must change nothing
        QVERIFY(!document.hasModel());
        QVERIFY(!document.isComputing());
    }
};

QTEST_MAIN(ModelBackgroundPassTest)
#include "modelbackgroundpass_test.moc"

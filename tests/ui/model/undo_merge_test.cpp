// Undo steps that tell the truth: a gesture that ends where it began leaves no step (and the
// document reads unmodified again), a gesture is one step however many edits it sent.

#include "bitcompare.h"
#include "commands.h"
#include "document.h"
#include "sessionedit.h"
#include "testtokens.h"

#include <QTest>
#include <QUndoStack>
#include <functional>

using namespace av;
using av::test::sameBits;

namespace {

std::size_t storedValues(const QUndoCommand* command)
{
    if (const auto* session = dynamic_cast<const SetSessionCommand*>(command))
        return session->storedValues();
    if (const auto* cell = dynamic_cast<const SetCellCommand*>(command))
        return cell->storedValues();
    return std::size_t(-1);
}


} // namespace

class UndoMergeTest : public QObject
{
    Q_OBJECT

private slots:
    void aCellGestureBackWhereItBeganLeavesNoStep()
    {
        Document document;
        const attn::Session start = document.session();
        const attn::MatrixRef ref{attn::MatrixKind::WQ, 0};
        const attn::Real original = start.wq[0](1, 2);
        const int gesture = document.newGestureId();
        for (attn::Real value : {original + 0.1, original + 0.2, original + 0.3})
            document.setCell(ref, 1, 2, value, gesture);
        QCOMPARE(document.undoStack()->count(), 1);
        QVERIFY(document.isModified());
        document.setCell(ref, 1, 2, original, gesture); // Escape: back to the start
        QCOMPARE(document.undoStack()->count(), 0);
        QVERIFY(!document.isModified());
        QVERIFY(sameBits(document.session(), start));
        // The gesture may go on: it is one step again.
        document.setCell(ref, 1, 2, original - 0.5, gesture);
        QCOMPARE(document.undoStack()->count(), 1);
        document.undoStack()->undo();
        QVERIFY(sameBits(document.session(), start));
    }

    void aCellGestureAfterOtherStepsKeepsThem()
    {
        Document document;
        document.setTemperature(2);
        const attn::Session afterFirst = document.session();
        const int gesture = document.newGestureId();
        const attn::MatrixRef ref{attn::MatrixKind::Embeddings, 0};
        const attn::Real original = afterFirst.embeddings(0, 0);
        document.setCell(ref, 0, 0, original + 1, gesture);
        document.setCell(ref, 0, 0, original, gesture);
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.undoStack()->index(), 1);
        QVERIFY(sameBits(document.session(), afterFirst));
        document.undoStack()->undo();
        QCOMPARE(document.session().temperature, 1.0);
    }

    void aSessionGestureBackWhereItBeganLeavesNoStep()
    {
        Document document;
        const attn::Session start = document.session();
        int gesture = document.newGestureId();
        for (attn::Real t : {1.5, 2.0, 2.5, 1.0})
            document.setTemperature(t, gesture);
        QCOMPARE(document.undoStack()->count(), 0);
        QVERIFY(!document.isModified());
        QVERIFY(sameBits(document.session(), start));

        gesture = document.newGestureId();
        for (attn::Real base : {20000.0, 30000.0, 10000.0})
            document.setPositionalBase(base, gesture);
        QCOMPARE(document.undoStack()->count(), 0);

        gesture = document.newGestureId();
        document.setTokens({"I", "love", "NLP", "!"}, gesture);
        document.setTokens({"I", "love", "NLP", "!", "?"}, gesture);
        document.setTokens({"I", "love", "NLP"}, gesture);
        QCOMPARE(document.undoStack()->count(), 0);
        QVERIFY(!document.isModified());
        QVERIFY(sameBits(document.session(), start));
    }

    /// Every setter once: undo gives the session before bit for bit, redo the one after.
    void everyKindOfEditUndoesAndRedoesExactly()
    {
        using Edit = std::function<void(Document&)>;
        const std::vector<std::pair<const char*, Edit>> edits{
            {"title", [](Document& d) { d.setTitle(QStringLiteral("other")); }},
            {"tokens",
             [](Document& d) {
                 d.setTokens({"you", "love", "NLP", "too"});
             }},
            {"d_model", [](Document& d) { d.setDModel(6); }},
            {"heads", [](Document& d) { d.setHeads(3); }},
            {"seed", [](Document& d) { d.setSeed(7); }},
            {"learned", [](Document& d) { d.setPositional(attn::PeKind::Learned); }},
            {"learned cell",
             [](Document& d) { d.setCell({attn::MatrixKind::LearnedPE}, 1, 1, -0.0); }},
            {"sinusoidal", [](Document& d) { d.setPositional(attn::PeKind::Sinusoidal); }},
            {"base", [](Document& d) { d.setPositionalBase(123.5); }},
            {"score", [](Document& d) { d.setScore(attn::ScoreKind::Additive); }},
            {"additive w",
             [](Document& d) { d.setCell({attn::MatrixKind::AdditiveW}, 2, 1, 1e-300); }},
            {"temperature", [](Document& d) { d.setTemperature(0.3); }},
            {"window", [](Document& d) { d.setMaskKind(attn::MaskKind::Window); }},
            {"radius", [](Document& d) { d.setMaskRadius(0); }},
            {"custom", [](Document& d) { d.setMaskKind(attn::MaskKind::Custom); }},
            {"toggle", [](Document& d) { d.toggleMaskCell(3, 0); }},
            {"normalizer", [](Document& d) { d.setNormalizer(attn::NormalizerKind::Relu); }},
            {"embedding",
             [](Document& d) { d.setCell({attn::MatrixKind::Embeddings}, 0, 5, 0.5); }},
            {"W_Q",
             [](Document& d) {
                 d.setCell({attn::MatrixKind::WQ, 2}, 5, 1, -2.0 / 3);
             }},
            {"W_K",
             [](Document& d) {
                 d.setCell({attn::MatrixKind::WK, 1}, 0, 0, 4);
             }},
            {"W_V",
             [](Document& d) {
                 d.setCell({attn::MatrixKind::WV, 0}, 3, 1, 1e300);
             }},
            {"W_O", [](Document& d) { d.setCell({attn::MatrixKind::WO}, 5, 5, -1); }},
            {"reinitialise W_O",
             [](Document& d) { d.reinitialise({attn::MatrixKind::WO}, attn::InitKind::Normal); }},
            {"reinitialise W_K",
             [](Document& d) {
                 d.reinitialise({attn::MatrixKind::WK, 1}, attn::InitKind::Zero);
             }},
            {"reinitialise X",
             [](Document& d) {
                 d.reinitialise({attn::MatrixKind::Embeddings}, attn::InitKind::XavierUniform);
             }},
            {"fewer tokens",
             [](Document& d) {
                 d.setTokens({"you", "love"});
             }},
        };
        Document document;
        std::vector<attn::Session> sessions{document.latestSession()};
        for (const auto& [name, edit] : edits) {
            const int steps = document.undoStack()->count();
            edit(document);
            QVERIFY2(document.undoStack()->count() == steps + 1, name);
            sessions.push_back(document.latestSession());
            document.undoStack()->undo();
            QVERIFY2(sameBits(document.latestSession(), sessions[sessions.size() - 2]), name);
            document.undoStack()->redo();
            QVERIFY2(sameBits(document.latestSession(), sessions.back()), name);
        }
        for (std::size_t i = sessions.size() - 1; i > 0; --i) {
            document.undoStack()->undo();
            QVERIFY2(sameBits(document.latestSession(), sessions[i - 1]), edits[i - 1].first);
        }
        for (std::size_t i = 1; i < sessions.size(); ++i) {
            document.undoStack()->redo();
            QVERIFY2(sameBits(document.latestSession(), sessions[i]), edits[i - 1].first);
        }
    }

    /// A step keeps what changed: two numbers for a setting of a 512-token, d_model-768
    /// session (whose matrices hold some 2.8 million numbers), the cells for a cell.
    void aStepStoresTheChangeNotTwoSessions()
    {
        Document document;
        document.reset(attn::withDModel(attn::withTokens(document.session(), testTokens(512)), 768));
        document.waitUntilComputed();
        document.setTemperature(2);
        document.setMaskRadius(3);
        document.setCell({attn::MatrixKind::WQ, 0}, 700, 700, 0.5);
        document.setMaskKind(attn::MaskKind::Custom);
        document.toggleMaskCell(3, 4);
        document.setScore(attn::ScoreKind::Dot);
        QUndoStack* stack = document.undoStack();
        QCOMPARE(stack->count(), 6);
        QCOMPARE(storedValues(stack->command(0)), std::size_t(2)); // temperature
        QCOMPARE(storedValues(stack->command(1)), std::size_t(2)); // radius
        QCOMPARE(storedValues(stack->command(2)), std::size_t(2)); // one cell
        // The custom mask is n × n new: it is kept whole (after) beside an empty one.
        QVERIFY(storedValues(stack->command(3)) <= 2 + 512 * 512);
        QCOMPARE(storedValues(stack->command(4)), std::size_t(2)); // one mask cell
        QCOMPARE(storedValues(stack->command(5)), std::size_t(2)); // score
        // A gesture's merged step keeps two numbers too, however long it lasted.
        const int gesture = document.newGestureId();
        for (double t = 2.05; t < 3; t += 0.05)
            document.setTemperature(t, gesture);
        QCOMPARE(stack->count(), 7);
        QCOMPARE(storedValues(stack->command(6)), std::size_t(2));
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(document.latestSession().temperature, 1.0);
        document.waitUntilComputed();
    }
};

QTEST_MAIN(UndoMergeTest)
#include "undo_merge_test.moc"

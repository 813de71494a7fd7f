// Property test of the undo stack on random sessions and random edit sequences through the
// document's public setters (fixed seeds: a failure names a case that reproduces). Undoing
// every edit gives the first session back bit for bit, redoing them gives the last one,
// the pass shown is always attn::forward of the session held, and save then open keeps
// everything the file format holds.

#include "bitcompare.h"
#include "document.h"
#include "sessionio.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace av;
using av::test::resultDifference;
using av::test::sameBits;

namespace {

constexpr int kSequences = 800;
constexpr int kEditsPerSequence = 30;
constexpr int kBackgroundSequences = 200;


class RandomEdits
{
public:
    explicit RandomEdits(std::uint64_t seed) : m_rng(seed) {}

    int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }

    /// Values a user types or drags to, plus a few that need care (-0.0, tiny, huge).
    attn::Real value()
    {
        static const attn::Real special[] = {-0.0, 0.0, 1e-300, 5e-324, 1e300, -2.5, 1.0 / 3.0};
        if (integer(0, 5) == 0)
            return special[integer(0, 6)];
        return std::normal_distribution<attn::Real>(0, 1)(m_rng);
    }

    std::vector<std::string> tokens()
    {
        static const char* words[] = {"I", "love", "NLP", "the", "cat", "sat", "中文", "😀", "é", "I"};
        std::vector<std::string> out(integer(0, 6));
        for (std::string& t : out)
            t = words[integer(0, 9)];
        return out;
    }

    attn::Session session()
    {
        const int heads = integer(1, 3);
        std::ostringstream text;
        text << R"({"format": "attnviz-session", "version": 1, "tokens": [)";
        const std::vector<std::string> words = tokens();
        for (std::size_t i = 0; i < words.size(); ++i)
            text << (i ? ", " : "") << '"' << words[i] << '"';
        text << "], \"d_model\": " << heads * integer(1, 3) << ", \"heads\": " << heads
             << ", \"seed\": " << integer(0, 1000)
             << R"(, "positional_encoding": {"kind": ")" << (integer(0, 1) ? "sinusoidal" : "none")
             << R"("}, "score": ")" << attn::toString(static_cast<attn::ScoreKind>(integer(0, 3)))
             << R"(", "mask": {"kind": ")" << attn::toString(static_cast<attn::MaskKind>(integer(0, 3)))
             << R"("}, "normalizer": ")" << (integer(0, 1) ? "softmax" : "relu") << "\"}";
        return attn::readSession(text.str(), "random");
    }

    /// A matrix of the session. Only heads that exist: Document::setCell with a head past
    /// the last throws std::out_of_range (see docs/reliability.md).
    attn::MatrixRef matrix(const attn::Session& s)
    {
        const auto kind = static_cast<attn::MatrixKind>(integer(0, 6));
        return {kind, integer(0, s.heads - 1)};
    }

    /// One random edit through the document's public setters.
    void apply(Document& d, int& gesture)
    {
        const attn::Session& s = d.latestSession();
        if (integer(0, 3) == 0)
            gesture = d.newGestureId(); // else keep the gesture: edits may merge
        const int g = integer(0, 1) ? gesture : 0;
        switch (integer(0, 14)) {
        case 0: d.setTokens(tokens(), g); break;
        case 1: d.setDModel(integer(0, 9)); break; // some refused: not divisible, < 1
        case 2: d.setHeads(integer(0, 4)); break;
        case 3: d.setSeed(static_cast<std::uint64_t>(integer(0, 5))); break;
        case 4: {
            d.setPositional(static_cast<attn::PeKind>(integer(0, 2)));
            break;
        }
        case 5: d.setPositionalBase(integer(0, 4) ? std::abs(value()) * 1e4 : value(), g); break;
        case 6: d.setScore(static_cast<attn::ScoreKind>(integer(0, 3))); break;
        case 7: d.setTemperature(integer(0, 4) ? std::abs(value()) : value(), g); break;
        case 8: d.setMaskKind(static_cast<attn::MaskKind>(integer(0, 4))); break;
        case 9: d.setMaskRadius(integer(-1, 4)); break;
        case 10: d.toggleMaskCell(integer(-1, s.n()), integer(-1, s.n())); break;
        case 11: d.setNormalizer(static_cast<attn::NormalizerKind>(integer(0, 1))); break;
        case 12:
        case 13: {
            const attn::MatrixRef ref = matrix(s);
            const attn::Matrix& m = attn::matrixOf(s, ref);
            // Mostly cells that exist; sometimes one past the edge (refused).
            const int row = integer(0, static_cast<int>(m.rows()));
            const int col = integer(0, static_cast<int>(m.cols()));
            d.setCell(ref, row, col, value(), g);
            break;
        }
        default:
            d.reinitialise(matrix(s), static_cast<attn::InitKind>(integer(0, 3)));
            break;
        }
    }

private:
    std::mt19937_64 m_rng;
};

} // namespace

class UndoPropertyTest : public QObject
{
    Q_OBJECT

private:
    static void checkShownPair(const Document& document, const QByteArray& where)
    {
        const attn::ForwardResult expected = attn::forward(document.session());
        attn::ForwardResult shown = document.result();
        if (document.isApproximate()) {
            const attn::Matrix error = shown.output - expected.output;
            if (expected.output.allFinite() && expected.output.norm() < 1e100)
                QVERIFY2(error.norm() <= 1e-9 * (1 + expected.output.norm()), where.constData());
            shown.output = expected.output;
        }
        const std::string diff = resultDifference(shown, expected);
        QVERIFY2(diff.empty(), (where + ": " + diff.c_str()).constData());
    }

    static void checkComputed(Document& document, const QByteArray& where)
    {
        document.waitUntilComputed();
        QVERIFY2(!document.isComputing() && !document.isApproximate(), where.constData());
        QVERIFY2(sameBits(document.session(), document.latestSession()), where.constData());
        const std::string diff = resultDifference(document.result(), attn::forward(document.latestSession()));
        QVERIFY2(diff.empty(), (where + ": " + diff.c_str()).constData());
    }

private slots:
    void undoAllRedoAllAndSaveOpen()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        RandomEdits random(20240601);
        int edits = 0;
        int hiddenStateCases = 0;
        for (int c = 0; c < kSequences; ++c) {
            const QByteArray where = "sequence " + QByteArray::number(c);
            Document document;
            document.reset(random.session());
            const attn::Session first = document.session();
            int gesture = document.newGestureId();
            for (int e = 0; e < kEditsPerSequence; ++e) {
                random.apply(document, gesture);
                const std::string diff = resultDifference(document.result(), attn::forward(document.session()));
                QVERIFY2(diff.empty(), (where + ", edit " + QByteArray::number(e) + ": " + diff.c_str()).constData());
            }
            edits += document.undoStack()->count();
            const attn::Session last = document.session();
            QVERIFY2(document.undoStack()->count() > 0 || first == last, where.constData());

            while (document.undoStack()->canUndo())
                document.undoStack()->undo();
            QVERIFY2(sameBits(document.session(), first), where.constData());
            QVERIFY2(resultDifference(document.result(), attn::forward(first)).empty(), where.constData());

            while (document.undoStack()->canRedo())
                document.undoStack()->redo();
            QVERIFY2(sameBits(document.session(), last), where.constData());
            QVERIFY2(resultDifference(document.result(), attn::forward(last)).empty(), where.constData());

            const QString path = dir.filePath(QString("case%1.attn.json").arg(c));
            QString error;
            QVERIFY2(document.save(path, &error), qPrintable(error));
            QVERIFY(!document.isModified());
            Document opened;
            QVERIFY2(opened.open(path, &error), qPrintable(error));
            QVERIFY2(sameBits(opened.session(), last), where.constData());
            QVERIFY2(resultDifference(opened.result(), attn::forward(last)).empty(), where.constData());
            if (last.positional.learned.size() > 0 || last.mask.custom.size() > 0)
                ++hiddenStateCases;
        }
        // A run that made no edits, or refused them all, would prove nothing.
        QVERIFY(edits > kSequences * kEditsPerSequence / 4);
        qInfo("%d undo steps over %d sequences; %d sessions held state of an unused kind",
              edits, kSequences, hiddenStateCases);
    }

    /// The same kind of random edits with every pass in the background, and one-head edits
    /// incremental until the exact pass follows: what is shown always fits together (the
    /// pass is that of session(), the output within rounding while it is approximate), and
    /// once computed it is exactly attn::forward of the latest edits, through undo and redo.
    void backgroundPassesShowTheSameNumbers()
    {
        RandomEdits random(777);
        int behind = 0;
        int approximate = 0;
        for (int c = 0; c < kBackgroundSequences; ++c) {
            const QByteArray where = "sequence " + QByteArray::number(c);
            Document document;
            document.setBackgroundFlops(0);
            document.reset(random.session());
            document.waitUntilComputed();
            const attn::Session first = document.latestSession();
            int gesture = document.newGestureId();
            for (int e = 0; e < kEditsPerSequence; ++e) {
                const QByteArray step = where + ", edit " + QByteArray::number(e);
                random.apply(document, gesture);
                behind += document.isComputing();
                approximate += document.isApproximate();
                checkShownPair(document, step);
                if (random.integer(0, 2) == 0)
                    checkComputed(document, step);
                else if (random.integer(0, 1) == 0)
                    QCoreApplication::processEvents(); // passes that finished arrive
            }
            const attn::Session last = document.latestSession();
            while (document.undoStack()->canUndo()) {
                document.undoStack()->undo();
                checkShownPair(document, where + ", undo");
            }
            checkComputed(document, where + ", undone");
            QVERIFY2(sameBits(document.session(), first), where.constData());
            while (document.undoStack()->canRedo())
                document.undoStack()->redo();
            checkComputed(document, where + ", redone");
            QVERIFY2(sameBits(document.session(), last), where.constData());
        }
        // Both ways of being behind were taken often, or the test proved nothing.
        QVERIFY(behind > kBackgroundSequences * kEditsPerSequence / 4);
        QVERIFY(approximate > kBackgroundSequences);
        qInfo("%d edits shown behind, %d approximate", behind, approximate);
    }

    /// The shortest sequence that shows finding 5.
    void learnedMatrixFollowsDModel()
    {
        Document document;
        document.reset(attn::readSession(
            R"({"format": "attnviz-session", "version": 1, "tokens": ["a"], "d_model": 4, "heads": 1})", "x"));
        document.setPositional(attn::PeKind::Learned);
        document.setPositional(attn::PeKind::Sinusoidal);
        QVERIFY(document.setDModel(2).isEmpty());
        document.setPositional(attn::PeKind::Learned);
        QCOMPARE(document.session().positional.learned.cols(), 2);
        QVERIFY(resultDifference(document.result(), attn::forward(document.session())).empty());
    }

    /// Every refused file of the fuzzing corpus: open() says why, and the document (session,
    /// pass, history, file name) stays exactly as it was.
    void refusedFilesLeaveTheDocumentUntouched()
    {
        const QString corpus = QFINDTESTDATA("../fuzz/corpus");
        QVERIFY(!corpus.isEmpty());
        const QStringList broken = QDir(corpus).entryList({"broken-*"}, QDir::Files);
        QVERIFY(broken.size() >= 8);
        Document document;
        RandomEdits random(5);
        document.reset(random.session());
        int gesture = document.newGestureId();
        for (int e = 0; e < 10; ++e)
            random.apply(document, gesture);
        const attn::Session before = document.session();
        const int steps = document.undoStack()->count();
        const int index = document.undoStack()->index();
        for (const QString& name : broken) {
            QString error;
            QVERIFY2(!document.open(QDir(corpus).filePath(name), &error), qPrintable(name));
            QVERIFY2(error.contains(name), qPrintable(name + ": " + error));
            QVERIFY(sameBits(document.session(), before));
            QVERIFY(resultDifference(document.result(), attn::forward(before)).empty());
            QCOMPARE(document.undoStack()->count(), steps);
            QCOMPARE(document.undoStack()->index(), index);
            QVERIFY(document.filePath().isEmpty());
        }
    }
};

QTEST_MAIN(UndoPropertyTest)
#include "undo_property_test.moc"

// The document with a GPT-2 folder open (tests/gpt2/tiny_gpt2.py's tiny-f32): the text is
// tokenised by the folder's tokeniser, the views see each token as its text, text and
// ablations are light undo steps, and Save writes a reference to the folder.

#include "document.h"
#include "modelforward.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace av;

namespace {

const QString kFolder = QStringLiteral(ATTNVIZ_TESTDATA_DIR "/tiny/tiny-f32");

} // namespace

class ModelFolderTest : public QObject
{
    Q_OBJECT

private slots:
    void opensAFolderWithItsTokeniser()
    {
        Document document;
        QString error;
        QVERIFY2(document.open(kFolder, &error), qPrintable(error));
        QVERIFY(document.hasModel());
        QVERIFY(document.hasTokenizer());
        QCOMPARE(document.model().layerCount(), 3);
        QCOMPARE(document.maxTokens(), 64);
        QVERIFY(document.filePath().isEmpty()); // a new, unsaved session of the model
        document.setText(QStringLiteral("Hello world"));
        // The model keeps GPT-2's spelling; the views see the text, a space as ␣.
        QCOMPARE(document.model().settings.tokens, (std::vector<std::string>{"Hello", "Ġworld"}));
        QCOMPARE(document.session().tokens, (std::vector<std::string>{"Hello", "␣world"}));
        QCOMPARE(document.model().text, std::string("Hello world"));
    }

    void textIsOneUndoStepPerGestureAndKeepsTheWeights()
    {
        Document document;
        QString error;
        QVERIFY2(document.open(kFolder, &error), qPrintable(error));
        const std::string opened = document.model().text;
        const int steps = document.undoStack()->count();
        const int gesture = document.newGestureId();
        document.setText(QStringLiteral("The c"), gesture);
        document.setText(QStringLiteral("The cat"), gesture);
        QCOMPARE(document.undoStack()->count(), steps + 1);
        QCOMPARE(document.session().n(), 2);
        const attn::ModelResult typed = document.modelResult();
        document.undoStack()->undo();
        QCOMPARE(document.model().text, opened);
        document.undoStack()->redo();
        QCOMPARE(document.model().text, std::string("The cat"));
        // The pass after redo is the pass of the text, computed afresh.
        const attn::ModelResult fresh = attn::forwardModel(document.model());
        QCOMPARE(document.modelResult().final, fresh.final);
        QCOMPARE(typed.final, fresh.final);
    }

    void anAblationIsUndoneWithoutTouchingTheRest()
    {
        Document document;
        QString error;
        QVERIFY2(document.open(kFolder, &error), qPrintable(error));
        const attn::ModelResult before = document.modelResult();
        document.setAblated(1, 2, true);
        QCOMPARE(document.model().ablate, (std::vector<std::pair<int, int>>{{1, 2}}));
        QVERIFY(document.modelResult().blocks[1].heads[2].output.isZero());
        QVERIFY(document.modelResult().final != before.final);
        document.undoStack()->undo();
        QVERIFY(document.model().ablate.empty());
        QCOMPARE(document.modelResult().final, before.final);
    }

    void aLongTextKeepsTheModelsPositionsAndStillSaves()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Document document;
        QString error;
        QVERIFY2(document.open(kFolder, &error), qPrintable(error));
        QStringList words;
        for (int i = 0; i < 100; ++i)
            words << QStringLiteral("word");
        QVERIFY(!document.setText(words.join(QLatin1Char(' ')))); // 100 tokens, 64 positions
        QCOMPARE(document.session().n(), 64);
        // b_U is edited too: the reference must keep it.
        document.setModelCell({attn::ModelMatrix::UnembeddingBias, 0, 0}, 0, 42, 3.5);
        const QString path = dir.filePath(QStringLiteral("long.attn.json"));
        QVERIFY2(document.save(path, &error), qPrintable(error));
        Document again;
        QVERIFY2(again.open(path, &error), qPrintable(error));
        QCOMPARE(again.session().n(), 64);
        QCOMPARE(again.model().unembeddingBias(42), 3.5);
        QCOMPARE(again.modelResult().final, document.modelResult().final);
    }

    void aSettingEditKeepsTheModelsSpelling()
    {
        Document document;
        QString error;
        QVERIFY2(document.open(kFolder, &error), qPrintable(error));
        const std::vector<std::string> tokens = document.model().settings.tokens;
        document.setTitle(QStringLiteral("renamed"));
        QCOMPARE(document.model().settings.title, std::string("renamed"));
        QCOMPARE(document.model().settings.tokens, tokens);
    }

    void savesAReferenceAndReopensIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Document document;
        QString error;
        QVERIFY2(document.open(kFolder, &error), qPrintable(error));
        document.setText(QStringLiteral("The cat sat"));
        document.setAblated(0, 1, true);
        document.setModelCell({attn::ModelMatrix::WQ, 2, 3}, 4, 5, 0.75);
        const QString path = dir.filePath(QStringLiteral("tiny.attn.json"));
        QVERIFY2(document.save(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(doc.contains(QStringLiteral("model")));
        QVERIFY(!doc.contains(QStringLiteral("layers"))); // no weights
        QCOMPARE(doc.value(QStringLiteral("edits")).toArray().size(), 1);

        Document again;
        QVERIFY2(again.open(path, &error), qPrintable(error));
        QVERIFY(again.hasTokenizer());
        QCOMPARE(again.model().text, std::string("The cat sat"));
        QCOMPARE(again.model().ablate, document.model().ablate);
        QCOMPARE(again.model().layers[2].attention.wq[3](4, 5), 0.75);
        QCOMPARE(again.modelResult().final, document.modelResult().final);
    }
};

QTEST_GUILESS_MAIN(ModelFolderTest)
#include "modelfolder_test.moc"

// MatrixEditor shown a matrix: what a new matrix of the same or another shape keeps, its
// lifetime mid-edit, its speed on large matrices.

#include "matrixeditortesting.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>

using namespace av::test;

class MatrixEditorTest : public MatrixEditorFixture
{
    Q_OBJECT

private slots:
    void cleanup() { resetEditor(); }

    void sameShapeKeepsCurrentAndSelection()
    {
        av::MatrixEditor& editor = open(sample());
        QTableView* view = editor.view();
        QSignalSpy resets(view->model(), &QAbstractItemModel::modelReset);
        QSignalSpy changes(view->model(), &QAbstractItemModel::dataChanged);
        view->setCurrentIndex(view->model()->index(2, 1));
        view->selectionModel()->select(
            QItemSelection(view->model()->index(1, 1), view->model()->index(2, 3)),
            QItemSelectionModel::Select);
        const QModelIndexList selected = view->selectionModel()->selectedIndexes();

        attn::Matrix next = sample();
        next(0, 3) = 0.3;
        editor.setMatrix(next, {"I", "love", "NLP"});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes[0][0].toModelIndex(), view->model()->index(0, 3)); // only that cell
        QCOMPARE(changes[0][1].toModelIndex(), view->model()->index(0, 3));
        QCOMPARE(view->currentIndex(), view->model()->index(2, 1));
        QCOMPARE(view->selectionModel()->selectedIndexes(), selected);
        QCOMPARE(view->model()->data(view->model()->index(0, 3)).toString(), QStringLiteral("0.3"));

        editor.setMatrix(next, {"I", "love", "NLP"}); // identical: no signal at all
        QCOMPARE(changes.count(), 1);
        editor.setMatrix(next, {"You", "love", "NLP"}); // new label: headers only
        QCOMPARE(resets.count(), 0);
        QCOMPARE(view->model()->headerData(0, Qt::Vertical).toString(), QStringLiteral("You"));
        QCOMPARE(view->selectionModel()->selectedIndexes(), selected);
    }

    void newShapeKeepsCurrentCell()
    {
        av::MatrixEditor& editor = open(sample());
        setCurrent(1, 2);
        attn::Matrix bigger = attn::Matrix::Zero(4, 4);
        editor.setMatrix(bigger, {"I", "love", "NLP", "!"});
        QCOMPARE(editor.view()->model()->rowCount(), 4);
        QCOMPARE(editor.view()->currentIndex(), editor.view()->model()->index(1, 2));
    }

    void destroyedWhileEditingOrScrubbing()
    {
        {
            av::MatrixEditor& editor = open(sample());
            QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
            setCurrent(0, 0);
            type(QStringLiteral("7"));
            QVERIFY(qobject_cast<QLineEdit*>(QApplication::focusWidget()));
            m_editor.reset(); // no commit, no call into the half-destroyed editor
            QCOMPARE(edits.count(), 0);
        }
        {
            av::MatrixEditor& editor = open(sample());
            QSignalSpy edits(&editor, &av::MatrixEditor::cellEditRequested);
            turnWheel(editor.view()->viewport(), centre(editor, 1, 1), 120);
            QCOMPARE(edits.count(), 1);
            m_editor.reset();
            QTest::qWait(700); // the wheel pause timer died with it
        }
    }

    void largeMatrixStaysFast()
    {
        attn::Matrix big = attn::Matrix::Random(768, 64);
        av::MatrixEditor& editor = open(big);
        editor.resize(1200, 800);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 200; ++i) { // a drag's worth of echoes
            big(i, i % 64) += 0.01;
            editor.setMatrix(big);
        }
        const qint64 updates = timer.elapsed();
        editor.grab(); // the first paint loads fonts
        timer.restart();
        editor.grab();
        const qint64 paint = timer.elapsed();
        qInfo("768×64: 200 setMatrix in %lld ms, one full paint in %lld ms", updates, paint);
        // Generous bounds (Debug builds, busy machines): they catch per-cell widgets or a
        // model reset per update, not small regressions.
        QVERIFY(updates < 5000);
        QVERIFY(paint < 2000);
    }
};

QTEST_MAIN(MatrixEditorTest)
#include "matrixeditor_test.moc"

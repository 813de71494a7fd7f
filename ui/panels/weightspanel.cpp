#include "weightspanel.h"

#include "document.h"
#include "matrixeditor.h"
#include "names.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace av {
namespace {

QVariant encode(attn::MatrixRef ref)
{
    return static_cast<int>(ref.kind) * 100000 + ref.head;
}

attn::MatrixRef decode(const QVariant& value)
{
    const int v = value.toInt();
    return {static_cast<attn::MatrixKind>(v / 100000), v % 100000};
}

// A model's matrices as negative numbers, apart from v1's.
constexpr qint64 kHeadSpan = 1 << 16, kBlockSpan = 1 << 8;

QVariant encode(attn::ModelMatrixRef ref)
{
    return -1 - ((static_cast<qint64>(ref.kind) * kBlockSpan + ref.block) * kHeadSpan + ref.head);
}

attn::ModelMatrixRef decodeModel(const QVariant& value)
{
    const qint64 v = -1 - value.toLongLong();
    return {static_cast<attn::ModelMatrix>(v / kHeadSpan / kBlockSpan),
            static_cast<int>(v / kHeadSpan % kBlockSpan), static_cast<int>(v % kHeadSpan)};
}

QStringList vocabularyLabels(const attn::Model& m)
{
    QStringList labels;
    for (const std::string& word : m.vocabulary)
        labels << tokenLabel(m, word);
    return labels;
}

} // namespace

WeightsPanel::WeightsPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_choice(new QComboBox),
      m_editor(new MatrixEditor([document] { return document->newGestureId(); }))
{
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Matrix")));
    top->addWidget(m_choice, 1);
    m_reinitialise = new QWidget;
    auto* buttons = new QHBoxLayout(m_reinitialise);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(new QLabel(tr("Re-initialise from the seed:")));
    for (attn::InitKind kind : {attn::InitKind::XavierUniform, attn::InitKind::Normal,
                                attn::InitKind::Identity, attn::InitKind::Zero}) {
        auto* button = new QPushButton(kindName(kind));
        button->setToolTip(kind == attn::InitKind::XavierUniform
                               ? tr("Xavier uniform: U(−a, a), a = √(6 / (fan_in + fan_out)); for "
                                    "X, each token's derived embedding")
                               : tr("Replace the shown matrix; Undo brings it back"));
        connect(button, &QPushButton::clicked, this,
                [this, kind] { m_document->reinitialise(m_current, kind); });
        buttons->addWidget(button);
    }
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_reinitialise);

    connect(m_choice, &QComboBox::activated, this, [this](int index) {
        const QVariant data = m_choice->itemData(index);
        if (m_document->hasModel())
            showModelMatrix(decodeModel(data));
        else
            showMatrix(decode(data));
    });
    connect(m_editor, &MatrixEditor::cellEditRequested, this,
            [this](int row, int col, double value, int gestureId) {
                // The editor's gesture ids are the document's own (see the constructor).
                if (m_modelCurrent)
                    m_document->setModelCell(*m_modelCurrent, row, col, value, gestureId);
                else
                    m_document->setCell(m_current, row, col, value, gestureId);
            });
    // The weights are the latest edits even while their pass still computes.
    connect(m_document, &Document::edited, this, [this] {
        if (m_document->hasModel()) {
            if (attn::modelMatrices(m_document->model()).size() != m_choiceCount)
                rebuildModelChoices();
            showModelValues();
            return;
        }
        if (m_choiceCount != 0 || m_document->latestSession().heads != m_choiceHeads)
            rebuildChoices();
        showValues();
    });
    // Another block chosen: the same matrix of that block.
    connect(m_document, &Document::changed, this, [this] {
        if (!m_modelCurrent || !m_document->hasModel())
            return;
        attn::ModelMatrixRef ref = *m_modelCurrent;
        if (attn::firstBlockChanged(m_document->model(), ref) == ref.block &&
            ref.block != m_document->block()) {
            ref.block = m_document->block();
            if (attn::hasMatrix(m_document->model(), ref))
                showModelMatrix(ref);
        }
    });
    if (m_document->hasModel()) {
        rebuildModelChoices();
        showModelValues();
    } else {
        rebuildChoices();
        showValues();
    }
}

void WeightsPanel::rebuildModelChoices()
{
    const std::vector<attn::ModelMatrixRef> refs = attn::modelMatrices(m_document->model());
    m_choiceCount = refs.size();
    m_reinitialise->hide(); // a model's weights are edited cell by cell
    QSignalBlocker blocker(m_choice);
    m_choice->clear();
    for (const attn::ModelMatrixRef& ref : refs)
        m_choice->addItem(modelMatrixName(ref), encode(ref));
    if (!m_modelCurrent || !attn::hasMatrix(m_document->model(), *m_modelCurrent))
        m_modelCurrent = attn::ModelMatrixRef{attn::ModelMatrix::WQ, m_document->block(), 0};
    m_choice->setCurrentIndex(std::max(0, m_choice->findData(encode(*m_modelCurrent))));
}

void WeightsPanel::showModelMatrix(attn::ModelMatrixRef ref)
{
    if (!m_document->hasModel() || !attn::hasMatrix(m_document->model(), ref))
        return;
    m_modelCurrent = ref;
    const int index = m_choice->findData(encode(ref));
    if (index >= 0) {
        QSignalBlocker blocker(m_choice);
        m_choice->setCurrentIndex(index);
    }
    showModelValues();
}

void WeightsPanel::showModelValues()
{
    const attn::Model& m = m_document->model();
    const attn::ModelMatrixRef ref = *m_modelCurrent;
    const attn::Matrix values = attn::modelMatrix(m, ref);
    QStringList rows = indexLabels(static_cast<int>(values.rows()));
    QStringList cols = indexLabels(static_cast<int>(values.cols()));
    switch (ref.kind) {
    case attn::ModelMatrix::Embeddings:
    case attn::ModelMatrix::LearnedPositions:
        rows = modelTokenLabels(m).mid(0, static_cast<int>(values.rows()));
        break;
    case attn::ModelMatrix::TokenEmbeddings:
        rows = vocabularyLabels(m);
        break;
    case attn::ModelMatrix::Unembedding:
    case attn::ModelMatrix::UnembeddingBias:
        cols = vocabularyLabels(m);
        break;
    default:
        break;
    }
    while (rows.size() < values.rows()) // learned positions past the tokens
        rows << QString::number(rows.size() + 1);
    m_editor->setReadOnly(false);
    m_editor->setMatrix(values, rows, cols);
}

void WeightsPanel::rebuildChoices()
{
    const attn::Session& s = m_document->latestSession();
    m_choiceHeads = s.heads;
    m_choiceCount = 0;
    m_modelCurrent.reset();
    m_reinitialise->show();
    QSignalBlocker blocker(m_choice);
    m_choice->clear();
    std::vector<attn::MatrixRef> refs{{attn::MatrixKind::Embeddings, 0}};
    for (attn::MatrixKind kind : {attn::MatrixKind::WQ, attn::MatrixKind::WK, attn::MatrixKind::WV})
        for (int h = 0; h < s.heads; ++h)
            refs.push_back({kind, h});
    refs.push_back({attn::MatrixKind::WO, 0});
    refs.push_back({attn::MatrixKind::AdditiveW, 0});
    refs.push_back({attn::MatrixKind::LearnedPE, 0});
    for (const attn::MatrixRef& ref : refs)
        m_choice->addItem(matrixName(ref), encode(ref));
    int index = m_choice->findData(encode(m_current));
    if (index < 0) {
        m_current = refs.front();
        index = 0;
    }
    m_choice->setCurrentIndex(index);
}

void WeightsPanel::showMatrix(attn::MatrixRef ref)
{
    m_current = ref;
    const int index = m_choice->findData(encode(ref));
    if (index >= 0) {
        QSignalBlocker blocker(m_choice);
        m_choice->setCurrentIndex(index);
    }
    showValues();
}

void WeightsPanel::showValues()
{
    const attn::Session& s = m_document->latestSession();
    const attn::Matrix& m = attn::matrixOf(s, m_current);
    QStringList rows;
    QStringList cols = indexLabels(static_cast<int>(m.cols()));
    switch (m_current.kind) {
    case attn::MatrixKind::Embeddings:
    case attn::MatrixKind::LearnedPE:
        rows = tokenLabels(s);
        break;
    case attn::MatrixKind::AdditiveW:
        for (int h = 1; h <= s.heads; ++h)
            rows << tr("head %1").arg(h);
        break;
    default:
        rows = indexLabels(static_cast<int>(m.rows()));
    }
    // A learned matrix exists only while the encoding is learned.
    const bool editable =
        m_current.kind != attn::MatrixKind::LearnedPE || s.positional.kind == attn::PeKind::Learned;
    m_editor->setReadOnly(!editable);
    m_editor->setMatrix(editable ? m : attn::Matrix(), rows, cols);
}

} // namespace av

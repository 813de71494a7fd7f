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

} // namespace

WeightsPanel::WeightsPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_choice(new QComboBox),
      m_editor(new MatrixEditor([document] { return document->newGestureId(); }))
{
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Matrix")));
    top->addWidget(m_choice, 1);
    auto* buttons = new QHBoxLayout;
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
    layout->addLayout(buttons);

    connect(m_choice, &QComboBox::activated, this,
            [this](int index) { showMatrix(decode(m_choice->itemData(index))); });
    connect(m_editor, &MatrixEditor::cellEditRequested, this,
            [this](int row, int col, double value, int gestureId) {
                // The editor's gesture ids are the document's own (see the constructor).
                m_document->setCell(m_current, row, col, value, gestureId);
            });
    // The weights are the latest edits even while their pass still computes.
    connect(m_document, &Document::edited, this, [this] {
        if (m_document->latestSession().heads != m_choiceHeads)
            rebuildChoices();
        showValues();
    });
    rebuildChoices();
    showValues();
}

void WeightsPanel::rebuildChoices()
{
    const attn::Session& s = m_document->latestSession();
    m_choiceHeads = s.heads;
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

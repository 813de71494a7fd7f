#include "modeloptionsbox.h"

#include "document.h"
#include "kindcombo.h"
#include "spingesture.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QSpinBox>

namespace av {

ModelOptionsBox::ModelOptionsBox(Document* document, QWidget* parent)
    : QGroupBox(tr("Transformer"), parent), m_document(document), m_block(new QSpinBox),
      m_layers(new QSpinBox), m_norm(new QComboBox), m_ffnWidth(new QSpinBox),
      m_activation(new QComboBox), m_residual(new QCheckBox(tr("Residual connections")))
{
    m_block->setToolTip(tr("The block the attention, pipeline, walkthrough and summary show"));
    m_layers->setRange(1, attn::kMaxLayers);
    m_layers->setKeyboardTracking(false);
    m_layers->setToolTip(tr("Blocks in the stack; new ones copy the last one's structure, "
                            "their weights derived from the seed"));
    fillKinds(m_norm,
              {attn::NormPlacement::Pre, attn::NormPlacement::Post, attn::NormPlacement::None});
    m_norm->setToolTip(tr("Pre-norm: H + MHA(LN(H)); post-norm: LN(H + MHA(H)); every block"));
    m_ffnWidth->setRange(0, 1 << 16);
    m_ffnWidth->setKeyboardTracking(false);
    m_ffnWidth->setSpecialValueText(tr("no FFN"));
    m_ffnWidth->setToolTip(
        tr("d_ff of every block's FFN(M) = act(M·W_1 + b_1)·W_2 + b_2; 0: no FFN"));
    fillKinds(m_activation,
              {attn::Activation::Gelu, attn::Activation::GeluTanh, attn::Activation::Relu});
    m_residual->setToolTip(
        tr("Each block adds its input to what attention and the FFN compute from it"));

    auto* form = new QFormLayout(this);
    form->addRow(tr("Block shown"), m_block);
    form->addRow(tr("Blocks"), m_layers);
    form->addRow(tr("Norm"), m_norm);
    form->addRow(tr("FFN width"), m_ffnWidth);
    form->addRow(tr("Activation"), m_activation);
    form->addRow(m_residual);

    const auto newGestureId = [document] { return document->newGestureId(); };
    auto* layersGesture = new SpinGesture(m_layers, newGestureId);
    auto* ffnGesture = new SpinGesture(m_ffnWidth, newGestureId);
    connect(m_block, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_updating)
            m_document->setBlock(value - 1);
    });
    connect(m_layers, &QSpinBox::valueChanged, this, [this, layersGesture](int value) {
        if (!m_updating)
            m_document->setLayerCount(value, layersGesture->id());
    });
    connect(m_ffnWidth, &QSpinBox::valueChanged, this, [this, ffnGesture](int value) {
        if (!m_updating)
            m_document->setFfnWidth(value, ffnGesture->id());
    });
    connect(m_norm, &QComboBox::activated, this,
            [this] { m_document->setNorm(currentKind<attn::NormPlacement>(m_norm)); });
    connect(m_activation, &QComboBox::activated, this,
            [this] { m_document->setActivation(currentKind<attn::Activation>(m_activation)); });
    connect(m_residual, &QCheckBox::clicked, this,
            [this](bool on) { m_document->setResidual(on); });
    connect(m_document, &Document::edited, this, &ModelOptionsBox::showDocument);
    connect(m_document, &Document::changed, this, &ModelOptionsBox::showDocument);
    showDocument();
}

void ModelOptionsBox::showDocument()
{
    setVisible(m_document->hasModel());
    if (!m_document->hasModel())
        return;
    const attn::Model& m = m_document->model();
    // The first block stands for all: the options set every block alike.
    const attn::Block& first = m.layers.front();
    m_updating = true;
    m_block->setRange(1, m.layerCount());
    m_block->setSuffix(tr(" of %1").arg(m.layerCount()));
    m_block->setValue(m_document->block() + 1);
    m_layers->setValue(m.layerCount());
    selectKind(m_norm, first.norm);
    m_ffnWidth->setValue(first.ffn ? first.ffn->width() : 0);
    if (first.ffn)
        selectKind(m_activation, first.ffn->activation);
    m_activation->setEnabled(first.ffn.has_value());
    m_residual->setChecked(first.residual);
    // A GPT-2 folder's blocks are its own: only the block shown may change.
    const bool folder = !m.folder.empty();
    for (QWidget* box : std::initializer_list<QWidget*>{m_layers, m_norm, m_ffnWidth, m_residual})
        box->setEnabled(!folder);
    if (folder)
        m_activation->setEnabled(false);
    m_updating = false;
}

} // namespace av

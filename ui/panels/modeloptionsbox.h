#pragma once
// The options of a whole transformer (session v2) in the input panel: the block the views
// show, how many blocks, norm placement, FFN width and activation, residual on or off.
// Each change is one undo step of the document; the box only shows and asks.

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace av {

class Document;

class ModelOptionsBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit ModelOptionsBox(Document* document, QWidget* parent = nullptr);

    QSpinBox* blockSpin() const { return m_block; }
    QSpinBox* layersSpin() const { return m_layers; }
    QSpinBox* ffnWidthSpin() const { return m_ffnWidth; }
    QComboBox* normCombo() const { return m_norm; }
    QComboBox* activationCombo() const { return m_activation; }
    QCheckBox* residualCheck() const { return m_residual; }

private:
    void showDocument();

    Document* m_document;
    bool m_updating = false; ///< set while the box shows the document, to ignore echoes
    QSpinBox* m_block;
    QSpinBox* m_layers;
    QComboBox* m_norm;
    QSpinBox* m_ffnWidth;
    QComboBox* m_activation;
    QCheckBox* m_residual;
};

} // namespace av

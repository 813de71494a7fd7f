#pragma once
// Editors for every weight: X, W_Q, W_K, W_V per head, W_O, the additive score's w and a
// learned encoding, with buttons that re-initialise the shown matrix from the seed.

#include "sessionedit.h"

#include <QWidget>

class QComboBox;

namespace av {

class Document;
class MatrixEditor;

class WeightsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WeightsPanel(Document* document, QWidget* parent = nullptr);

    MatrixEditor* editor() const { return m_editor; }
    /// Shows the given matrix in the editor (also chosen from the panel's list).
    void showMatrix(attn::MatrixRef ref);
    attn::MatrixRef currentMatrix() const { return m_current; }

private:
    void rebuildChoices();
    void showValues();

    Document* m_document;
    QComboBox* m_choice;
    MatrixEditor* m_editor;
    attn::MatrixRef m_current;
    int m_choiceHeads = 0; ///< the heads m_choice lists matrices for
};

} // namespace av

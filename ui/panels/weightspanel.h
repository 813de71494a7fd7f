#pragma once
// Editors for every weight: X, W_Q, W_K, W_V per head, W_O, the additive score's w and a
// learned encoding, with buttons that re-initialise the shown matrix from the seed.

#include "modeledit.h"
#include "sessionedit.h"

#include <QWidget>
#include <optional>

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
    /// With a model open: every matrix of every block (modeledit.h), shown by this.
    void showModelMatrix(attn::ModelMatrixRef ref);
    std::optional<attn::ModelMatrixRef> currentModelMatrix() const { return m_modelCurrent; }

private:
    void rebuildChoices();
    void rebuildModelChoices();
    void showValues();
    void showModelValues();

    Document* m_document;
    QComboBox* m_choice;
    MatrixEditor* m_editor;
    QWidget* m_reinitialise; ///< the re-initialise buttons, for v1 sessions
    attn::MatrixRef m_current;
    std::optional<attn::ModelMatrixRef> m_modelCurrent; ///< set while a model is open
    int m_choiceHeads = 0; ///< the heads m_choice lists matrices for
    std::size_t m_choiceCount = 0; ///< how many model matrices m_choice lists (0: v1's)
};

} // namespace av

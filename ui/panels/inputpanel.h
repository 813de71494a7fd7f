#pragma once
// The sentence and every setting of the session. "UI → document" slots only call the
// document's setters; "document → UI" only sets widgets, under a guard against echoes.

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace av {

class Document;

class InputPanel : public QWidget
{
    Q_OBJECT

public:
    explicit InputPanel(Document* document, QWidget* parent = nullptr);

    QLineEdit* sentenceEdit() const { return m_sentence; }
    QSpinBox* headsSpin() const { return m_heads; }
    QSpinBox* dModelSpin() const { return m_dModel; }
    QSpinBox* seedSpin() const { return m_seed; }
    QDoubleSpinBox* positionalBaseSpin() const { return m_peBase; }
    QDoubleSpinBox* temperatureSpin() const { return m_temperature; }
    QSpinBox* maskRadiusSpin() const { return m_radius; }

signals:
    /// A lesson preset was chosen (resource path).
    void lessonRequested(const QString& path);

private:
    void showDocument();
    void showProblem(const QString& message);
    void sentenceEdited(const QString& text);

    Document* m_document;
    bool m_updating = false; ///< set while the panel shows the document, to ignore echoes
    int m_typingGesture = 0;
    QComboBox* m_lessons;
    QLineEdit* m_sentence;
    QListWidget* m_tokenList;
    QSpinBox* m_dModel;
    QSpinBox* m_heads;
    QSpinBox* m_seed;
    QComboBox* m_pe;
    QDoubleSpinBox* m_peBase;
    QComboBox* m_score;
    QDoubleSpinBox* m_temperature;
    QComboBox* m_mask;
    QSpinBox* m_radius;
    QComboBox* m_normalizer;
    QLabel* m_tokenCount; ///< a model folder's token count and limit
    QLabel* m_problem;
};

} // namespace av

#pragma once
// The most probable next tokens after one token of the open model, as ranked bars with
// their probabilities: what the model would write next, and how sure it is.

#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;

namespace av {

class Document;
class ExportController;
class RankingPlot;

class PredictionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PredictionsPanel(Document* document, QWidget* parent = nullptr);

    RankingPlot* chart() const { return m_chart; }
    /// The token whose predictions are shown, 0-based (−1 without predictions).
    int currentToken() const;
    void setCurrentToken(int token);
    bool showsHint() const;
    void setExportController(ExportController* controller);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showDocument();
    void showPredictions();

    Document* m_document;
    QComboBox* m_token;
    QStackedWidget* m_stack;
    QLabel* m_hint;
    RankingPlot* m_chart;
    bool m_followLast = true; ///< the last token is shown until another is chosen
    bool m_stale = true;      ///< the document changed while the panel was hidden
};

} // namespace av

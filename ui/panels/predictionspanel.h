#pragma once
// The most probable next tokens after one token of the open model, as ranked bars with
// their probabilities: what the model would write next, and how sure it is.

#include "modelpanel.h"

class QComboBox;

namespace av {

class Document;
class ExportController;
class RankingPlot;

class PredictionsPanel : public ModelPanel
{
    Q_OBJECT

public:
    explicit PredictionsPanel(Document* document, QWidget* parent = nullptr);

    RankingPlot* chart() const { return m_chart; }
    /// The token whose predictions are shown, 0-based (−1 without predictions).
    int currentToken() const;
    void setCurrentToken(int token);
    void setExportController(ExportController* controller);

private:
    void showDocument() override;
    void showPredictions();

    QComboBox* m_token;
    RankingPlot* m_chart;
    bool m_followLast = true; ///< the last token is shown until another is chosen
};

} // namespace av

#pragma once
// Per head: how spread out its attention is (entropy) and how far it looks (mean |i − j|).

#include <QWidget>

namespace av {

class BarPlot;
class Document;
class ExportController;

class SummaryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SummaryPanel(Document* document, QWidget* parent = nullptr);

    BarPlot* chart() const { return m_chart; }
    void setExportController(ExportController* controller);

private:
    void showDocument();

    Document* m_document;
    BarPlot* m_chart;
};

} // namespace av

#pragma once
// What a layer costs (Vaswani et al. 2017, table 1): self-attention against convolution
// and recurrence, as a table at one n and as operation counts over n (log scales).

#include <QWidget>

class QSpinBox;
class QTableWidget;

namespace av {

class CurvePlot;
class Document;

class CostDemo : public QWidget
{
    Q_OBJECT

public:
    explicit CostDemo(Document* document, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    CurvePlot* curvePlot() const { return m_curves; }
    QSpinBox* lengthBox() const { return m_n; }
    QSpinBox* widthBox() const { return m_d; }
    QSpinBox* kernelBox() const { return m_k; }

private:
    void followDocument();
    void showCosts();

    Document* m_document;
    QSpinBox* m_n;
    QSpinBox* m_d;
    QSpinBox* m_k;
    QSpinBox* m_maxN;
    QTableWidget* m_table;
    CurvePlot* m_curves;
};

} // namespace av

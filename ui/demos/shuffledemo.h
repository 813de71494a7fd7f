#pragma once
// Why a positional encoding: without one, attention cannot tell the order of the tokens.
// Shuffling the tokens then only shuffles the rows and columns of A (A' = P A Pᵀ); with
// one, the pattern itself changes. Uses the document's session, mask off.

#include "computeddemo.h"
#include "demos.h"

#include <vector>

class QLabel;
class QPushButton;
class QSpinBox;

namespace av {

class HeatmapPlot;

class ShuffleDemo : public ComputedDemo
{
    Q_OBJECT

public:
    explicit ShuffleDemo(Document* document, QWidget* parent = nullptr);

    /// Entry i: the original position of the token now at position i.
    const std::vector<int>& permutation() const { return m_permutation; }
    /// max |A' − P A Pᵀ| without (positional false) or with the encoding.
    double maxError(bool positional) const { return m_maxError[positional ? 1 : 0]; }
    QString checkText(bool positional) const;
    /// Row 0 without, row 1 with the encoding; columns A, P A Pᵀ, A'.
    HeatmapPlot* plot(bool positional, int column) const
    {
        return m_plots[positional ? 1 : 0][column];
    }
    QPushButton* shuffleButton() const { return m_shuffle; }

public slots:
    void shuffle();

private:
    void request() override;
    void showResult() override;

    QPushButton* m_shuffle;
    QSpinBox* m_head;
    QLabel* m_order;
    QLabel* m_check[2];
    HeatmapPlot* m_plots[2][3];
    int m_step = 0;
    std::vector<int> m_permutation;
    double m_maxError[2] = {0, 0};
};

} // namespace av

#pragma once
// Horizontal bars ranked from the top, each labelled with its category on the left and its
// value at its end: the most probable next tokens. A pure view: it draws what it is given.

#include "plotview.h"

#include <QString>
#include <QStringList>
#include <QVector>

class QCPBars;
class QCPItemText;

namespace av {

class RankingPlot : public PlotView
{
    Q_OBJECT

public:
    explicit RankingPlot(QWidget* parent = nullptr);
    ~RankingPlot() override;

    /// labels[0] is drawn at the top; values in [0, 1] (probabilities) share the axis 0 … 1
    /// scaled to the largest; each value is printed with `decimals` decimals at its bar's end.
    void setData(const QString& title, const QStringList& labels, const QVector<double>& values,
                 const QString& valueAxisTitle, int decimals = 3);

    QStringList labels() const { return m_labels; }
    QVector<double> values() const { return m_values; }
    /// The texts printed at the bars' ends, top first.
    QStringList valueTexts() const;

    QSize sizeHint() const override;

private:
    void applyStyle() override;

    QCPBars* m_bars = nullptr;
    QVector<QCPItemText*> m_valueLabels; ///< one per bar, top first
    QStringList m_labels;
    QVector<double> m_values;
};

} // namespace av

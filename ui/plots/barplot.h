#pragma once
// Grouped bars: one group per category (a head), one bar per series (a summary such as
// mean entropy). A pure view: it draws the numbers it is given.

#include "figuredata.h"
#include "plotview.h"

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

class QCPBarsGroup;
class QCPItemText;

namespace av {

class BarPlot : public PlotView
{
    Q_OBJECT

public:
    using Series = BarSeries;

    explicit BarPlot(QWidget* parent = nullptr);
    ~BarPlot() override;

    /// e.g. categories "Head 1" … "Head h", series {"mean entropy (nats)", …},
    /// {"mean distance |i−j|", …}. Each bar has its value printed above it.
    void setData(const QString& title, const QStringList& categories,
                 const QVector<Series>& series);

    QSize sizeHint() const override;

private:
    void fitValueLabels();
    void applyStyle() override;

    QCPBarsGroup* m_group = nullptr;
    QVector<QCPItemText*> m_valueLabels; ///< series-major: series k, category i at k·n + i
};

} // namespace av

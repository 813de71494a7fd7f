#pragma once
// Several named curves against one x axis, e.g. positional-encoding dimensions against
// position. A pure view: it draws the points it is given.

#include "plotview.h"

#include <QString>
#include <QVector>

namespace av {

class CurvePlot : public PlotView
{
    Q_OBJECT

public:
    struct Curve
    {
        QString name;      ///< shown in the legend
        QVector<double> x; ///< same length as y
        QVector<double> y;
    };

    explicit CurvePlot(QWidget* parent = nullptr);
    ~CurvePlot() override;

    /// One line per curve, each with its own colour-blind-safe colour and dash style; the
    /// legend sits below the axes so that it never covers a curve. Keeps the graphs.
    void setData(const QString& title, const QString& xTitle, const QString& yTitle,
                 const QVector<Curve>& curves);

    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyStyle() override;
    void updateLegendWrap();
};

} // namespace av

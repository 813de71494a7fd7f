#pragma once
// Several named curves against one x axis, e.g. positional-encoding dimensions against
// position. A pure view: it draws the points it is given.

#include "figuredata.h"
#include "plotview.h"

#include <QString>
#include <QVector>

namespace av {

class CurvePlot : public PlotView
{
    Q_OBJECT

public:
    using Curve = av::Curve;

    explicit CurvePlot(QWidget* parent = nullptr);
    ~CurvePlot() override;

    /// One line per curve, each with its own colour-blind-safe colour and dash style; the
    /// legend sits below the axes so that it never covers a curve. Keeps the graphs.
    void setData(const QString& title, const QString& xTitle, const QString& yTitle,
                 const QVector<Curve>& curves);

    /// A logarithmic axis with a tick at each power of ten; powerNotation writes them as
    /// 10ⁿ (in every language: the plot's numbers use the C locale) rather than 1000.
    void setLogarithmic(Qt::Orientation axis, bool powerNotation = false);
    /// Fixed ranges instead of those setData() leaves; the plot is redrawn.
    void setRanges(double xLower, double xUpper, double yLower, double yUpper);

    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyStyle() override;
    void updateLegendWrap();
};

} // namespace av

#pragma once
// Several named curves against one x axis, e.g. positional-encoding dimensions against
// position. A pure view: it draws the points it is given.

#include <QString>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPItemText;
class QCPTextElement;

namespace av {

class CurvePlot : public QWidget
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
    /// Multiplies every font size and line width (presentation mode, export at high dpi).
    void setFontScale(double scale);

    QCustomPlot* plot() const { return m_plot; }
    QString title() const;

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QFont scaledFont(double factor) const;
    void wrapTitle();
    void applyStyle();
    void updateLegendWrap();

    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    QString m_titleText; ///< as given; drawn wrapped to the width
    QCPItemText* m_emptyMessage = nullptr;
    double m_fontScale = 1;
};

} // namespace av

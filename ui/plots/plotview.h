#pragma once
// What the curve and bar views share: a QCustomPlot with a title row above the axes and a
// centred legend row below them, a "Nothing to plot" message, and fonts that follow the
// widget's font times a scale (presentation mode, export at high dpi). A pure view.

#include <QString>
#include <QWidget>

class QCustomPlot;
class QCPItemText;
class QCPTextElement;

namespace av {

class PlotView : public QWidget
{
    Q_OBJECT

public:
    ~PlotView() override;

    /// Multiplies every font size (and, in the curve view, the line widths).
    void setFontScale(double scale);

    QCustomPlot* plot() const { return m_plot; }
    QString title() const { return m_titleText; }

    QSize minimumSizeHint() const override;

protected:
    explicit PlotView(QWidget* parent);

    /// Fonts, pens and sizes from m_fontScale; called on every change of font or scale.
    /// Overrides call applyTextStyle() first.
    virtual void applyStyle() = 0;
    /// The title, axis, legend and message fonts; legend icons iconWidth × the text height.
    void applyTextStyle(int iconWidth);
    /// The widget's font × m_fontScale × factor.
    QFont scaledFont(double factor) const;
    void setTitle(const QString& title);
    void wrapTitle();

    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

    QCustomPlot* m_plot;
    QCPItemText* m_emptyMessage = nullptr;
    double m_fontScale = 1;

private:
    QCPTextElement* m_title = nullptr;
    QString m_titleText; ///< as given; drawn wrapped to the width
};

} // namespace av

#pragma once
// Grouped bars: one group per category (a head), one bar per series (a summary such as
// mean entropy). A pure view: it draws the numbers it is given.

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPBarsGroup;
class QCPItemText;
class QCPTextElement;

namespace av {

class BarPlot : public QWidget
{
    Q_OBJECT

public:
    /// name, then one value per category (missing values are drawn as 0, extra ones dropped)
    using Series = QPair<QString, QVector<double>>;

    explicit BarPlot(QWidget* parent = nullptr);
    ~BarPlot() override;

    /// e.g. categories "Head 1" … "Head h", series {"mean entropy (nats)", …},
    /// {"mean distance |i−j|", …}. Each bar has its value printed above it.
    void setData(const QString& title, const QStringList& categories,
                 const QVector<Series>& series);
    /// Multiplies every font size (presentation mode, export at high dpi).
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
    void fitValueLabels();
    void applyStyle();

    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    QString m_titleText; ///< as given; drawn wrapped to the width
    QCPBarsGroup* m_group = nullptr;
    QCPItemText* m_emptyMessage = nullptr;
    QVector<QCPItemText*> m_valueLabels; ///< series-major: series k, category i at k·n + i
    double m_fontScale = 1;
};

} // namespace av

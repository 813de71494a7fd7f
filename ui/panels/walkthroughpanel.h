#pragma once
// The guided walk as a panel: one step of the pass at a time, its formula with the actual
// numbers, why it is done, and up to three matrices with the cells that produce the
// followed output number outlined. Shows walkSteps(), or walkBlockSteps() for the selected
// block of a model; computes nothing.

#include "walkthrough.h"

#include <QVector>
#include <QWidget>

class QBoxLayout;
class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace av {

class Document;
class HeatmapPlot;

class WalkthroughPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxPlots = 3;

    explicit WalkthroughPanel(Document* document, QWidget* parent = nullptr);

    int currentStep() const { return m_current; }
    /// Clamped to the steps there are.
    void setStep(int index);
    int stepCount() const { return static_cast<int>(steps().size()); }
    const WalkStep& step() const { return steps()[m_current]; }

    /// The followed number O(query, column), as resolved for the current session.
    WalkTarget target() const;
    void setTarget(WalkTarget target);

    /// The plots in order; those past step().matrices.size() are hidden.
    QVector<HeatmapPlot*> plots() const { return m_plots; }
    QLabel* formulaLabel() const { return m_formula; }
    QLabel* whyLabel() const { return m_why; }

public slots:
    void nextStep() { setStep(m_current + 1); }
    void previousStep() { setStep(m_current - 1); }

signals:
    void stepChanged(int index);

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    /// Rows of controls and the plots side by side where the width allows, else under each
    /// other: nothing is cut off in a narrow dock or at presentation font sizes.
    void arrange();
    void rebuild();
    void showStep();
    /// The steps of the document as it is now: computed when asked for after the panel
    /// was hidden (a tab behind another), where every edit would compute them for nothing.
    const QVector<WalkStep>& steps() const;
    QVector<WalkStep> computeSteps() const;

    Document* m_document;
    mutable QVector<WalkStep> m_steps;
    mutable bool m_stepsStale = false; ///< the document changed since m_steps was computed
    bool m_widgetsStale = false;       ///< ... since the widgets were filled
    int m_current = 0;
    WalkTarget m_target;     ///< as chosen: query −1 follows the last token whatever the length
    bool m_updating = false; ///< set while the widgets are filled from the steps: no echo

    QBoxLayout* m_bar = nullptr;    ///< [step box, ◀, ▶ | follow]
    QBoxLayout* m_follow = nullptr; ///< [Follow O[token N “…” | , column M]]
    QWidget* m_navigation = nullptr;
    QWidget* m_followTokenPart = nullptr;
    QWidget* m_followColumnPart = nullptr;
    QComboBox* m_stepBox;
    QPushButton* m_previous;
    QPushButton* m_next;
    QSpinBox* m_query;
    QSpinBox* m_column;
    QLabel* m_queryToken;
    QLabel* m_title;
    QLabel* m_formula;
    QLabel* m_why;
    QScrollArea* m_scroll = nullptr;
    QBoxLayout* m_plotRow; ///< the plots side by side (the scroll area takes a narrow dock)
    QVector<QLabel*> m_captions;
    QVector<HeatmapPlot*> m_plots;
};

} // namespace av

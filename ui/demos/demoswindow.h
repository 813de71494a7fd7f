#pragma once
// Demonstrations of *why* attention is built as it is, one tab each, in a window of its
// own beside the workspace (View ▸ Demonstrations). Each tab opens ready to show.

#include <QStringList>
#include <QWidget>

class QTabWidget;

namespace av {

class CompareDemo;
class CostDemo;
class Document;
class MasksDemo;
class RelativePositionDemo;
class ScalingDemo;
class ShuffleDemo;

class DemosWindow : public QWidget
{
    Q_OBJECT

public:
    explicit DemosWindow(Document* document, QWidget* parent = nullptr);

    /// The demonstrations' names for --demo, in the order of the tabs: scaling, shuffle,
    /// relative-position, masks, cost, compare.
    static QStringList demoNames();
    /// Brings the tab of demoNames()'s name to the front; false for a name not in it.
    bool showDemo(const QString& name);
    /// Blocks until the shown demonstrations' computations are done (headless rendering).
    void waitUntilComputed();

    QTabWidget* tabs() const { return m_tabs; }
    ScalingDemo* scalingDemo() const { return m_scaling; }
    ShuffleDemo* shuffleDemo() const { return m_shuffle; }
    RelativePositionDemo* relativePositionDemo() const { return m_relative; }
    MasksDemo* masksDemo() const { return m_masks; }
    CostDemo* costDemo() const { return m_cost; }
    CompareDemo* compareDemo() const { return m_compare; }

private:
    QTabWidget* m_tabs;
    ScalingDemo* m_scaling;
    ShuffleDemo* m_shuffle;
    RelativePositionDemo* m_relative;
    MasksDemo* m_masks;
    CostDemo* m_cost;
    CompareDemo* m_compare;
};

} // namespace av

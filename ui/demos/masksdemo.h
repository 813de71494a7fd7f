#pragma once
// Masks side by side on the document's session: full attention, causal attention as in
// GPT-2 (generating left to right, a token may not see the future), and a window as used
// for long speech input (each frame sees its neighbours only: cost n·(2r + 1), not n²).

#include <QWidget>

class QLabel;
class QSpinBox;

namespace av {

class DemoPass;
class Document;
class HeatmapPlot;

class MasksDemo : public QWidget
{
    Q_OBJECT

public:
    explicit MasksDemo(Document* document, QWidget* parent = nullptr);

    /// 0: full, 1: causal, 2: window.
    HeatmapPlot* plot(int index) const { return m_plots[index]; }
    QString captionText(int index) const;
    QSpinBox* radiusBox() const { return m_radius; }
    DemoPass* pass() const { return m_pass; }

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void request();
    void showResult();

    Document* m_document;
    QSpinBox* m_radius;
    QSpinBox* m_head;
    DemoPass* m_pass; ///< computes the three masks while the demonstration is shown
    HeatmapPlot* m_plots[3];
    QLabel* m_captions[3];
};

} // namespace av

#pragma once
// A demonstration whose numbers come from forward passes of its own: it asks its DemoPass
// (ui/model/demopass.h) on every change and draws what comes back, and it is active only
// while shown, so that a hidden demonstration computes nothing.

#include <QWidget>

namespace av {

class DemoPass;
class Document;

class ComputedDemo : public QWidget
{
    Q_OBJECT

public:
    DemoPass* pass() const { return m_pass; }

protected:
    /// The subclass connects its controls to request() and draws in showResult().
    ComputedDemo(Document* document, QWidget* parent);
    /// Asks the pass for the demonstration's numbers with the current settings.
    virtual void request() = 0;
    /// Draws the pass's result (called on DemoPass::ready).
    virtual void showResult() = 0;
    /// request() on every change of the document; call it once at the end of the subclass's
    /// constructor.
    void followDocument();

    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

    Document* m_document;
    DemoPass* m_pass;
};

} // namespace av

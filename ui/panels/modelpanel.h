#pragma once
// What the panels of a whole transformer's own views share (model view, predictions,
// rollout, head roles): a hint instead of the view while it has nothing to show, and a
// redraw when the document changes, or when next shown if it was hidden then, so that a
// hidden tab costs nothing on an edit.

#include <QWidget>

class QLabel;
class QStackedWidget;
class QVBoxLayout;

namespace av {

class Document;

class ModelPanel : public QWidget
{
    Q_OBJECT

public:
    /// True while the hint is shown instead of the view.
    bool showsHint() const;

protected:
    ModelPanel(Document* document, QWidget* parent);

    /// The page shown with a model, added once by the subclass's constructor; `above` (if
    /// any) goes above both the page and the hint.
    void setPage(QWidget* page, QLayout* above = nullptr);
    void showHint(const QString& text);
    void showPage();
    /// Draws the document: the page, or a hint. Called on a change while visible, and on
    /// the next show after a change while hidden.
    virtual void showDocument() = 0;
    /// Draws now (the end of a subclass's constructor).
    void refresh();

    void showEvent(QShowEvent* event) override;

    Document* m_document;

private:
    QStackedWidget* m_stack;
    QLabel* m_hint;
    QWidget* m_page = nullptr;
    QVBoxLayout* m_layout;
    bool m_stale = true; ///< the document changed while the panel was hidden
};

} // namespace av

#pragma once
// Every block × head of the open model ranked by what it does (as Dodrio does): a sortable
// table of previous-token, sink, prefix-matching (induction), distance and entropy scores.
// Each column's definition is its header's tool tip; a double-click shows the head.

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace av {

class Document;

class HeadRolesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HeadRolesPanel(Document* document, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    bool showsHint() const;

signals:
    /// A double-click on the row of head `head` (0-based) of block `block` (0-based).
    void headActivated(int block, int head);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showDocument();

    Document* m_document;
    QStackedWidget* m_stack;
    QLabel* m_hint;
    QTableWidget* m_table;
    bool m_stale = true; ///< the document changed while the panel was hidden
};

} // namespace av

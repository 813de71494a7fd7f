#pragma once
// Every block × head of the open model ranked by what it does (as Dodrio does): a sortable
// table of previous-token, sink, prefix-matching (induction), distance and entropy scores.
// Each column's definition is its header's tool tip; a double-click shows the head.

#include "modelpanel.h"

class QTableWidget;

namespace av {

class Document;

class HeadRolesPanel : public ModelPanel
{
    Q_OBJECT

public:
    explicit HeadRolesPanel(Document* document, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }

signals:
    /// A double-click on the row of head `head` (0-based) of block `block` (0-based).
    void headActivated(int block, int head);

private:
    void showDocument() override;

    QTableWidget* m_table;
};

} // namespace av

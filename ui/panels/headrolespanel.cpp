#include "headrolespanel.h"

#include "document.h"
#include "modelfigures.h"

#include <QHeaderView>
#include <QTableWidget>

namespace av {
namespace {

/// Sorts by the number it holds (Qt::UserRole), whatever its text.
class NumberItem : public QTableWidgetItem
{
public:
    NumberItem(double value, const QString& text) : QTableWidgetItem(text)
    {
        setData(Qt::UserRole, value);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    }
    bool operator<(const QTableWidgetItem& other) const override
    {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

} // namespace

HeadRolesPanel::HeadRolesPanel(Document* document, QWidget* parent)
    : ModelPanel(document, parent), m_table(new QTableWidget)
{
    m_table->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder); // blocks in order
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setToolTip(tr("Click a column's header to sort by it; double-click a row to show "
                           "that head in the attention view."));
    setPage(m_table);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        const QTableWidgetItem* block = m_table->item(row, 0);
        const QTableWidgetItem* head = m_table->item(row, 1);
        if (block && head)
            emit headActivated(block->data(Qt::UserRole).toInt() - 1,
                               head->data(Qt::UserRole).toInt() - 1);
    });
    // Drawn when first shown (ModelPanel): a hidden tab computes nothing.
}

void HeadRolesPanel::showDocument()
{
    if (!m_document->hasModel()) {
        showHint(tr("Open a version 2 session (a whole transformer) to rank its heads by what "
                    "they do: File ▸ Lessons, e.g. the small GPT-2 stack."));
        return;
    }
    const HeadRolesFigure f = headRolesFigure(m_document->model(), m_document->modelResult());
    // Rows are filled unsorted, then the chosen order is applied again.
    m_table->setSortingEnabled(false);
    m_table->clear();
    m_table->setColumnCount(f.columns.size());
    m_table->setRowCount(f.rows.size());
    for (int c = 0; c < f.columns.size(); ++c) {
        auto* header = new QTableWidgetItem(f.columns[c]);
        header->setToolTip(f.definitions.value(c));
        m_table->setHorizontalHeaderItem(c, header);
    }
    for (int r = 0; r < f.rows.size(); ++r)
        for (int c = 0; c < f.rows[r].size(); ++c) {
            const double value = f.rows[r][c];
            const bool missing = c == HeadRolesFigure::kPrefixColumn && !f.hasPrefixMatching[r];
            QString text = c < 2     ? QString::number(qRound(value))
                           : missing ? QStringLiteral("—")
                                     : QString::number(value, 'f', 3);
            if (c == 1 && f.ablated[r])
                text = tr("%1 (off)").arg(text);
            auto* item = new NumberItem(missing ? -1 : value, text);
            item->setToolTip(missing ? tr("No token of the input has an earlier copy with a "
                                          "token after it (before the token itself): type a "
                                          "sequence twice to see this score.")
                                     : f.definitions.value(c));
            m_table->setItem(r, c, item);
        }
    m_table->setSortingEnabled(true);
    showPage();
}

} // namespace av

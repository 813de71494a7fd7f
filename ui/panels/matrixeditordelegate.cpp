#include "matrixeditordelegate.h"

#include "numberparser.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPainter>
#include <QTableView>

namespace av {

bool isPlainEnter(const QKeyEvent* event)
{
    return (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
           (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

QFont MatrixEditorDelegate::cellFont(const QFont& surrounding)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (surrounding.pointSizeF() > 0)
        font.setPointSizeF(surrounding.pointSizeF());
    return font;
}

MatrixEditorDelegate::MatrixEditorDelegate(const QFont& cellFont, QObject* parent)
    : QStyledItemDelegate(parent), m_font(cellFont), m_metrics(cellFont)
{}

void MatrixEditorDelegate::sizeSections(QTableView* view) const
{
    QHeaderView* rows = view->verticalHeader();
    rows->setMinimumSectionSize(m_metrics.height() + 2);
    rows->setDefaultSectionSize(m_metrics.height() + 6);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* columns = view->horizontalHeader();
    columns->setMinimumSectionSize(m_metrics.horizontalAdvance(u'0') * 3);
    columns->setDefaultSectionSize(m_metrics.horizontalAdvance(QStringLiteral("-0.0001234")) +
                                   2 * kCellMargin + 2);
    columns->setSectionResizeMode(QHeaderView::Interactive);
}

QWidget* MatrixEditorDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& /*option*/,
                                            const QModelIndex& /*index*/) const
{
    auto* edit = new QLineEdit(parent);
    edit->setFrame(false);
    edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    edit->setFont(m_font);
    m_lineEdit = edit;
    if (m_hooks.clearError)
        m_hooks.clearError();
    return edit;
}

void MatrixEditorDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    // The document's echo of some other change must not overwrite what is being typed.
    auto* edit = static_cast<QLineEdit*>(editor);
    if (!edit->isModified())
        edit->setText(index.data(Qt::EditRole).toString());
}

void MatrixEditorDelegate::setModelData(QWidget* editor, QAbstractItemModel* /*model*/,
                                        const QModelIndex& index) const
{
    const ParsedNumber parsed = parseNumber(static_cast<QLineEdit*>(editor)->text());
    if (parsed.value) {
        if (m_hooks.commit)
            m_hooks.commit(index, *parsed.value);
    } else if (m_hooks.refuse) {
        m_hooks.refuse(parsed.error);
    }
}

void MatrixEditorDelegate::destroyEditor(QWidget* editor, const QModelIndex& index) const
{
    if (editor == m_lineEdit)
        m_lineEdit = nullptr;
    QStyledItemDelegate::destroyEditor(editor, index);
}

void MatrixEditorDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const
{
    const QRect cell = option.rect;
    painter->fillRect(cell, index.data(Qt::BackgroundRole).value<QColor>());
    if (option.state & (QStyle::State_Selected | QStyle::State_HasFocus)) {
        painter->save();
        QPen frame(option.palette.color(QPalette::Highlight),
                   option.state & QStyle::State_Selected ? 2 : 1);
        frame.setJoinStyle(Qt::MiterJoin);
        if (!(option.state & QStyle::State_Selected))
            frame.setStyle(Qt::DotLine); // current cell, not selected (Ctrl+arrows)
        painter->setPen(frame);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(cell).adjusted(1, 1, -1, -1));
        painter->restore();
    }
    const QRect textRect = cell.adjusted(kCellMargin, 0, -kCellMargin, 0);
    painter->setFont(m_font);
    painter->setPen(index.data(Qt::ForegroundRole).value<QColor>());
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter,
                      m_metrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight,
                                           textRect.width()));
}

bool MatrixEditorDelegate::eventFilter(QObject* object, QEvent* event)
{
    if (event->type() == QEvent::KeyPress && m_hooks.refuse) { // not while detached
        const auto* key = static_cast<QKeyEvent*>(event);
        const auto* edit = qobject_cast<QLineEdit*>(object);
        const bool commits =
            isPlainEnter(key) || key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab;
        if (edit && commits) {
            // Enter or Tab on a typo keeps the editor open, so it can be fixed in place.
            const ParsedNumber parsed = parseNumber(edit->text());
            if (!parsed.value) {
                if (m_hooks.refuse)
                    m_hooks.refuse(parsed.error);
                return true;
            }
        } else if (key->key() == Qt::Key_Escape && m_hooks.clearError) {
            m_hooks.clearError();
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

} // namespace av

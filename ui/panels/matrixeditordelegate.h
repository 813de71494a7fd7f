#pragma once
// The matrix editor's cells: painted here (tint, selection frame, digits) instead of through
// the style, which would paint the selection colour over the tint, and edited in a
// QLineEdit whose text must parse as a number (parseNumber) to be committed.

#include <QFont>
#include <QFontMetrics>
#include <QStyledItemDelegate>
#include <functional>

class QKeyEvent;
class QLineEdit;
class QTableView;

namespace av {

/// Enter or Return without modifiers (the keypad's counts).
bool isPlainEnter(const QKeyEvent* event);

class MatrixEditorDelegate : public QStyledItemDelegate
{
public:
    static constexpr int kCellMargin = 4; ///< px between the text and the cell's edges

    /// What the delegate tells the editor that owns it. Empty hooks do nothing.
    struct Hooks
    {
        std::function<void(const QModelIndex&, double)> commit; ///< a typed number
        std::function<void(const QString&)> refuse;             ///< why the typed text is no number
        std::function<void()> clearError;                       ///< an editor opened, or Escape
    };

    /// Fixed-pitch digits, which line up down a column, at the size of the surrounding text.
    static QFont cellFont(const QFont& surrounding);

    MatrixEditorDelegate(const QFont& cellFont, QObject* parent);

    /// Compact rows and columns wide enough for "-0.0001234" in the cell font. Fixed sizes:
    /// nothing is measured per cell, which keeps 768 × 64 matrices fast.
    void sizeSections(QTableView* view) const;

    /// Set by the owner; set empty hooks when it is being destroyed (its children may
    /// still commit an edit).
    void setHooks(Hooks hooks) { m_hooks = std::move(hooks); }
    bool isEditing() const { return m_lineEdit != nullptr; }
    QLineEdit* lineEdit() const { return m_lineEdit; }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
    void destroyEditor(QWidget* editor, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

protected:
    bool eventFilter(QObject* object, QEvent* event) override;

private:
    Hooks m_hooks;
    QFont m_font;
    QFontMetrics m_metrics;
    mutable QLineEdit* m_lineEdit = nullptr; ///< the open editor, if any
};

} // namespace av

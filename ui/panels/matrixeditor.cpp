#include "matrixeditor.h"

#include "matrixmodel.h"
#include "numberparser.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace av {
namespace {

constexpr int wheelPauseMs = 600; ///< a longer pause ends a wheel burst (one undo step)
constexpr int wheelNotch = 120;   ///< QWheelEvent::angleDelta of one notch, in 1/8°
constexpr int cellMargin = 4;     ///< px between the text and the cell's edges

/// Process-wide, so that gestures of different matrices never share an id.
int nextScrubId()
{
    static int last = 0;
    return ++last;
}

double stepFactor(Qt::KeyboardModifiers modifiers)
{
    double factor = 1;
    if (modifiers & Qt::ShiftModifier)
        factor *= 10;
    if (modifiers & Qt::ControlModifier)
        factor /= 10;
    return factor;
}

/// start + steps · step, rounded to 15 significant digits: decimal steps in binary leave
/// noise (0.1 + 0.01 is 0.11000000000000001) that the tooltip and the editor would show.
double offsetBy(double start, double steps, double step)
{
    const double raw = start + steps * step;
    const double clean = QString::number(raw, 'g', 15).toDouble();
    return std::isfinite(clean) ? clean : raw;
}

bool isModifierKey(int key)
{
    return key == Qt::Key_Shift || key == Qt::Key_Control || key == Qt::Key_Alt ||
           key == Qt::Key_Meta || key == Qt::Key_AltGr;
}

bool isEnter(const QKeyEvent* event)
{
    return (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
           (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

bool isDelete(const QKeyEvent* event)
{
    return (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) &&
           (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

} // namespace

// Paints the cells itself (tint, selection frame, digits) instead of through the style,
// which would paint the selection colour over the tint.
class MatrixEditor::Delegate : public QStyledItemDelegate
{
public:
    Delegate(MatrixEditor* owner, const QFont& cellFont, QObject* parent)
        : QStyledItemDelegate(parent), m_owner(owner), m_font(cellFont), m_metrics(cellFont)
    {}

    /// Called when the owner is being destroyed: its children may still commit an edit.
    void detach() { m_owner = nullptr; }
    bool isEditing() const { return m_lineEdit != nullptr; }
    QLineEdit* lineEdit() const { return m_lineEdit; }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& /*option*/,
                          const QModelIndex& /*index*/) const override
    {
        auto* edit = new QLineEdit(parent);
        edit->setFrame(false);
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        edit->setFont(m_font);
        m_lineEdit = edit;
        if (m_owner)
            m_owner->clearError();
        return edit;
    }

    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        // The document's echo of some other change must not overwrite what is being typed.
        auto* edit = static_cast<QLineEdit*>(editor);
        if (!edit->isModified())
            edit->setText(index.data(Qt::EditRole).toString());
    }

    void setModelData(QWidget* editor, QAbstractItemModel* /*model*/,
                      const QModelIndex& index) const override
    {
        if (!m_owner)
            return;
        const ParsedNumber parsed = parseNumber(static_cast<QLineEdit*>(editor)->text());
        if (parsed.value)
            m_owner->requestEdit(index, *parsed.value, 0);
        else
            m_owner->showError(parsed.error);
    }

    void destroyEditor(QWidget* editor, const QModelIndex& index) const override
    {
        if (editor == m_lineEdit)
            m_lineEdit = nullptr;
        QStyledItemDelegate::destroyEditor(editor, index);
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
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
        const QRect textRect = cell.adjusted(cellMargin, 0, -cellMargin, 0);
        painter->setFont(m_font);
        painter->setPen(index.data(Qt::ForegroundRole).value<QColor>());
        painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter,
                          m_metrics.elidedText(index.data(Qt::DisplayRole).toString(),
                                               Qt::ElideRight, textRect.width()));
    }

protected:
    bool eventFilter(QObject* object, QEvent* event) override
    {
        if (event->type() == QEvent::KeyPress && m_owner) {
            const auto* key = static_cast<QKeyEvent*>(event);
            const auto* edit = qobject_cast<QLineEdit*>(object);
            const bool commits =
                isEnter(key) || key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab;
            if (edit && commits) {
                // Enter or Tab on a typo keeps the editor open, so it can be fixed in place.
                const ParsedNumber parsed = parseNumber(edit->text());
                if (!parsed.value) {
                    m_owner->showError(parsed.error);
                    return true;
                }
            } else if (key->key() == Qt::Key_Escape) {
                m_owner->clearError();
            }
        }
        return QStyledItemDelegate::eventFilter(object, event);
    }

private:
    MatrixEditor* m_owner;
    QFont m_font;
    QFontMetrics m_metrics;
    mutable QLineEdit* m_lineEdit = nullptr; ///< the open editor, if any
};

MatrixEditor::MatrixEditor(QWidget* parent) : QWidget(parent)
{
    // Fixed-pitch digits line up down a column, at the size of the surrounding text.
    QFont cellFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (font().pointSizeF() > 0)
        cellFont.setPointSizeF(font().pointSizeF());
    const QFontMetrics metrics(cellFont);

    m_view = new QTableView(this);
    m_model = new MatrixModel(this);
    m_delegate = new Delegate(this, cellFont, m_view);
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    // Compact rows; columns wide enough for "-0.0001234". Fixed sizes: nothing is
    // measured per cell, which keeps 768 × 64 matrices fast.
    QHeaderView* rows = m_view->verticalHeader();
    rows->setMinimumSectionSize(metrics.height() + 2);
    rows->setDefaultSectionSize(metrics.height() + 6);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* columns = m_view->horizontalHeader();
    columns->setMinimumSectionSize(metrics.horizontalAdvance(u'0') * 3);
    columns->setDefaultSectionSize(metrics.horizontalAdvance(QStringLiteral("-0.0001234")) +
                                   2 * cellMargin + 2);
    columns->setSectionResizeMode(QHeaderView::Interactive);

    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MatrixEditor::updateStatus);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLine"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setContentsMargins(cellMargin, 0, cellMargin, 0);
    // Ignored width: a long message is clipped rather than widening the editor.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_status->setMinimumHeight(m_status->fontMetrics().height() + 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    m_wheelPause.setSingleShot(true);
    m_wheelPause.setInterval(wheelPauseMs);
    connect(&m_wheelPause, &QTimer::timeout, this, &MatrixEditor::finishWheel);
}

MatrixEditor::~MatrixEditor()
{
    // The children are destroyed after this body; keep them from calling back into it.
    m_delegate->detach();
    m_view->viewport()->removeEventFilter(this);
    m_view->removeEventFilter(this);
    disconnect(m_view->selectionModel(), nullptr, this, nullptr);
}

void MatrixEditor::setMatrix(const attn::Matrix& values, const QStringList& rowLabels,
                             const QStringList& colLabels)
{
    const QModelIndex current = m_view->currentIndex();
    const int row = current.row();
    const int col = current.column();
    const MatrixModel::Change change = m_model->setMatrix(values, rowLabels, colLabels);
    if (change == MatrixModel::Change::Reshape) {
        finishGestures();
        if (row >= 0 && row < values.rows() && col >= 0 && col < values.cols())
            m_view->setCurrentIndex(m_model->index(row, col));
    }
    // A gesture's cell changed by something other than its own requests (an undo, another
    // matrix of the same shape shown here): end the gesture, whose next step would
    // otherwise apply a value computed from the old one.
    if (m_wheelId != 0 && (!m_wheelCell.isValid() || valueAt(m_wheelCell) != m_wheelValue))
        finishWheel();
    if (m_drag == DragState::Scrubbing &&
        (!m_dragCell.isValid() || valueAt(m_dragCell) != m_dragLast)) {
        finishDrag();
        m_drag = DragState::Cancelled;
    }
    if (change != MatrixModel::Change::None)
        updateStatus();
}

void MatrixEditor::setReadOnly(bool readOnly)
{
    if (readOnly == m_model->isReadOnly())
        return;
    if (readOnly) {
        finishGestures();
        if (QLineEdit* edit = m_delegate->lineEdit()) // discard, do not commit
            emit m_delegate->closeEditor(edit, QAbstractItemDelegate::RevertModelCache);
    }
    m_model->setReadOnly(readOnly);
}

bool MatrixEditor::isReadOnly() const
{
    return m_model->isReadOnly();
}

void MatrixEditor::setStep(double step)
{
    if (std::isfinite(step) && step > 0)
        m_step = step;
}

bool MatrixEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport()) {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
            return mousePress(static_cast<QMouseEvent*>(event));
        case QEvent::MouseMove:
            return mouseMove(static_cast<QMouseEvent*>(event));
        case QEvent::MouseButtonRelease:
            return mouseRelease(static_cast<QMouseEvent*>(event));
        case QEvent::Wheel:
            return wheel(static_cast<QWheelEvent*>(event));
        default:
            break;
        }
    } else if (watched == m_view) {
        if (event->type() == QEvent::KeyPress)
            return keyPress(static_cast<QKeyEvent*>(event));
        // Keep the window's shortcuts (an Edit ▸ Copy action, say) from taking our keys.
        if (event->type() == QEvent::ShortcutOverride &&
            overridesShortcut(static_cast<QKeyEvent*>(event))) {
            event->accept();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// A press always reaches the view, which selects the cell; only a vertical move that
// follows turns it into a scrub. A horizontal move is left to the view (range selection).
bool MatrixEditor::mousePress(QMouseEvent* event)
{
    finishWheel();
    if (event->button() != Qt::LeftButton || m_model->isReadOnly())
        return false;
    const QModelIndex cell = m_view->indexAt(event->position().toPoint());
    if (!cell.isValid())
        return false;
    m_drag = DragState::Pressed;
    m_dragCell = cell;
    m_pressPos = event->position().toPoint();
    return false;
}

bool MatrixEditor::mouseMove(QMouseEvent* event)
{
    if (m_drag == DragState::Idle)
        return false;
    if (!(event->buttons() & Qt::LeftButton)) { // the release went elsewhere
        if (m_drag == DragState::Scrubbing)
            finishDrag();
        m_drag = DragState::Idle;
        return false;
    }
    if (m_drag == DragState::Cancelled)
        return true;

    const QPoint pos = event->position().toPoint();
    if (m_drag == DragState::Pressed) {
        const QPoint moved = pos - m_pressPos;
        const int threshold = QApplication::startDragDistance();
        if (std::abs(moved.x()) < threshold && std::abs(moved.y()) < threshold)
            return true; // still a click
        if (std::abs(moved.x()) >= std::abs(moved.y()) || !m_dragCell.isValid()) {
            m_drag = DragState::Idle;
            return false;
        }
        m_drag = DragState::Scrubbing;
        m_dragId = nextScrubId();
        m_dragSent = false;
        m_dragOriginal = m_dragStart = m_dragLast = valueAt(m_dragCell);
        m_dragFactor = stepFactor(event->modifiers());
        m_originY = pos.y();
        m_view->viewport()->setCursor(Qt::SizeVerCursor);
        return true;
    }

    const double factor = stepFactor(event->modifiers());
    if (factor != m_dragFactor) { // Shift or Ctrl changed: go on from here at the new rate
        m_dragFactor = factor;
        m_dragStart = m_dragLast;
        m_originY = pos.y();
    }
    const double value = offsetBy(m_dragStart, m_originY - pos.y(), m_step * m_dragFactor);
    if (std::isfinite(value) && value != m_dragLast && m_dragCell.isValid()) {
        m_dragLast = value;
        m_dragSent = true;
        clearError();
        emit cellEditRequested(m_dragCell.row(), m_dragCell.column(), value, m_dragId);
    }
    return true;
}

bool MatrixEditor::mouseRelease(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_drag == DragState::Idle)
        return false;
    const bool scrubbed = m_drag != DragState::Pressed;
    if (m_drag == DragState::Scrubbing)
        finishDrag();
    m_drag = DragState::Idle;
    if (!scrubbed)
        return false;
    // The view saw the press: releasing where the pointer ended up would select the cell
    // there. Release where it was pressed instead, a plain click on the scrubbed cell.
    QMouseEvent release(QEvent::MouseButtonRelease, m_pressPos,
                        m_view->viewport()->mapToGlobal(m_pressPos), Qt::LeftButton,
                        event->buttons(), event->modifiers());
    QCoreApplication::sendEvent(m_view->viewport(), &release);
    return true;
}

// Over a cell the wheel edits, so the table does not scroll; Alt+wheel scrolls, as does the
// wheel over the scroll bars and the headers.
bool MatrixEditor::wheel(QWheelEvent* event)
{
    if (m_drag == DragState::Scrubbing) {
        event->accept();
        return true;
    }
    if (event->modifiers() & Qt::AltModifier) {
        scrollWith(event);
        event->accept();
        return true;
    }
    // From the global position: QHeaderView forwards its wheel events to this viewport
    // with header-relative positions, and those must scroll, not edit.
    QWidget* viewport = m_view->viewport();
    const QPoint pos = viewport->mapFromGlobal(event->globalPosition().toPoint());
    const QModelIndex cell = viewport->rect().contains(pos) ? m_view->indexAt(pos) : QModelIndex();
    if (!cell.isValid() || m_model->isReadOnly() || m_delegate->isEditing())
        return false;
    int delta = event->angleDelta().y();
    if (delta == 0 && (event->modifiers() & Qt::ShiftModifier))
        delta = event->angleDelta().x(); // macOS reports Shift+wheel as a sideways turn
    if (delta == 0)
        return false; // a sideways swipe scrolls
    if (event->inverted())
        delta = -delta; // follow the wheel, not the system's scrolling direction (as sliders do)

    if (m_wheelId == 0 || m_wheelCell != cell) {
        finishWheel();
        m_wheelId = nextScrubId();
        m_wheelSent = false;
        m_wheelCell = cell;
        m_wheelValue = valueAt(cell);
        m_wheelRemainder = 0;
    }
    m_wheelPause.start();
    m_wheelRemainder += delta;
    const int notches = m_wheelRemainder / wheelNotch;
    m_wheelRemainder -= notches * wheelNotch;
    if (notches != 0) {
        const double value =
            offsetBy(m_wheelValue, notches, m_step * stepFactor(event->modifiers()));
        if (std::isfinite(value) && value != m_wheelValue) {
            m_wheelValue = value;
            m_wheelSent = true;
            clearError();
            emit cellEditRequested(cell.row(), cell.column(), value, m_wheelId);
        }
    }
    event->accept();
    return true;
}

void MatrixEditor::scrollWith(QWheelEvent* event)
{
    // X11 reports Alt+wheel as a sideways turn: take whichever axis turned.
    const bool alongY = event->angleDelta().y() != 0;
    const int angle = alongY ? event->angleDelta().y() : event->angleDelta().x();
    const int pixels = alongY ? event->pixelDelta().y() : event->pixelDelta().x();
    QScrollBar* bar = (event->modifiers() & Qt::ShiftModifier) ? m_view->horizontalScrollBar()
                                                               : m_view->verticalScrollBar();
    QWheelEvent plain(event->position(), event->globalPosition(), QPoint(0, pixels),
                      QPoint(0, angle), event->buttons(), Qt::NoModifier, event->phase(),
                      event->inverted(), event->source());
    QCoreApplication::sendEvent(bar, &plain);
}

bool MatrixEditor::keyPress(QKeyEvent* event)
{
    if (isModifierKey(event->key())) // Shift or Ctrl mid-gesture changes its rate
        return false;
    finishWheel();
    if (m_drag == DragState::Scrubbing || m_drag == DragState::Cancelled) {
        if (event->key() == Qt::Key_Escape && m_drag == DragState::Scrubbing)
            cancelDrag();
        return true; // keys would act on other cells mid-drag
    }
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        return true;
    }
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || m_model->isReadOnly() || m_delegate->isEditing())
        return false;
    if (isEnter(event)) {
        m_view->edit(current);
        return true;
    }
    if (isDelete(event)) {
        requestEdit(current, 0.0, 0);
        return true;
    }
    return false;
}

bool MatrixEditor::overridesShortcut(QKeyEvent* event) const
{
    if (event->matches(QKeySequence::Copy))
        return true;
    if (event->key() == Qt::Key_Escape)
        return m_drag == DragState::Scrubbing;
    const bool editable =
        m_view->currentIndex().isValid() && !m_model->isReadOnly() && !m_delegate->isEditing();
    return editable && (isEnter(event) || isDelete(event));
}

void MatrixEditor::cancelDrag()
{
    if (m_dragSent && m_dragLast != m_dragOriginal && m_dragCell.isValid())
        emit cellEditRequested(m_dragCell.row(), m_dragCell.column(), m_dragOriginal, m_dragId);
    finishDrag();
    m_drag = DragState::Cancelled;
}

void MatrixEditor::finishDrag()
{
    m_view->viewport()->unsetCursor();
    const int id = m_dragId;
    const bool sent = m_dragSent;
    m_dragId = 0;
    m_dragSent = false;
    if (sent)
        emit gestureFinished(id);
}

void MatrixEditor::finishWheel()
{
    m_wheelPause.stop();
    const int id = m_wheelId;
    const bool sent = m_wheelSent;
    m_wheelId = 0;
    m_wheelSent = false;
    m_wheelCell = QPersistentModelIndex();
    if (sent)
        emit gestureFinished(id);
}

void MatrixEditor::finishGestures()
{
    finishWheel();
    if (m_drag == DragState::Scrubbing) {
        finishDrag();
        m_drag = DragState::Cancelled;
    } else if (m_drag == DragState::Pressed) {
        m_drag = DragState::Idle;
    }
}

void MatrixEditor::requestEdit(const QModelIndex& index, double value, int scrubId)
{
    clearError();
    if (scrubId == 0 && value == valueAt(index))
        return; // an unchanged value is no edit (and no undo step)
    emit cellEditRequested(index.row(), index.column(), value, scrubId);
}

void MatrixEditor::copySelection() const
{
    QModelIndexList cells = m_view->selectionModel()->selectedIndexes();
    if (cells.isEmpty() && m_view->currentIndex().isValid())
        cells.append(m_view->currentIndex());
    if (cells.isEmpty())
        return;
    int top = cells.front().row(), bottom = top;
    int left = cells.front().column(), right = left;
    for (const QModelIndex& cell : cells) {
        top = std::min(top, cell.row());
        bottom = std::max(bottom, cell.row());
        left = std::min(left, cell.column());
        right = std::max(right, cell.column());
    }
    // Full precision, '.' decimals: what spreadsheets and NumPy read back. Cells inside
    // the bounding box but outside the selection stay empty.
    QList<QStringList> grid(bottom - top + 1, QStringList(right - left + 1));
    for (const QModelIndex& cell : cells)
        grid[cell.row() - top][cell.column() - left] = formatExact(valueAt(cell));
    QStringList lines;
    lines.reserve(grid.size());
    for (const QStringList& row : grid)
        lines.append(row.join(u'\t'));
    QGuiApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
}

void MatrixEditor::showError(const QString& message)
{
    m_error = message;
    updateStatus();
}

void MatrixEditor::clearError()
{
    if (m_error.isEmpty())
        return;
    m_error.clear();
    updateStatus();
}

// The status line shows a refused input in red until the next edit (or Escape in the cell
// editor): clicking away from a typo closes the editor, and the reason must stay readable.
// Otherwise it shows the current cell at full precision.
void MatrixEditor::updateStatus()
{
    QPalette palette = m_status->palette();
    QString text;
    if (!m_error.isEmpty()) {
        text = m_error;
        palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    } else {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            text = tr("row %1, column %2: %3")
                       .arg(m_model->rowLabel(current.row()),
                            m_model->columnLabel(current.column()), formatExact(valueAt(current)));
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::PlaceholderText));
    }
    m_status->setPalette(palette);
    m_status->setText(text);
    m_status->setToolTip(text); // the line may be too narrow for the whole message
}

double MatrixEditor::valueAt(const QModelIndex& index) const
{
    return m_model->value(index.row(), index.column());
}

} // namespace av

#include "matrixeditor.h"

#include "matrixeditordelegate.h"
#include "matrixmodel.h"
#include "matrixselection.h"
#include "matrixstatusline.h"

#include <QApplication>
#include <QClipboard>
#include <QKeyEvent>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace av {
namespace {

constexpr int wheelPauseMs = 600; ///< a longer pause ends a wheel burst (one undo step)
constexpr int cellMargin = MatrixEditorDelegate::kCellMargin;

bool isModifierKey(int key)
{
    return key == Qt::Key_Shift || key == Qt::Key_Control || key == Qt::Key_Alt ||
           key == Qt::Key_Meta || key == Qt::Key_AltGr;
}

bool isDelete(const QKeyEvent* event)
{
    return (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) &&
           (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

} // namespace

MatrixEditor::MatrixEditor(std::function<int()> newGestureId, QWidget* parent)
    : QWidget(parent), m_newGestureId(std::move(newGestureId))
{
    m_view = new QTableView(this);
    m_model = new MatrixModel(this);
    m_status = new MatrixStatusLine(cellMargin, this);
    m_delegate = new MatrixEditorDelegate(MatrixEditorDelegate::cellFont(font()), m_view);
    m_delegate->setHooks(
        {[this](const QModelIndex& index, double value) { requestEdit(index, value, 0); },
         [this](const QString& message) { m_status->setError(message); },
         [this] { m_status->clearError(); }});
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    m_delegate->sizeSections(m_view);

    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MatrixEditor::updateStatus);

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
    m_delegate->setHooks({});
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
    if (m_wheelId != 0 && (!m_wheelCell.isValid() || valueAt(m_wheelCell) != m_wheel.value()))
        finishWheel();
    if (m_drag == DragState::Scrubbing &&
        (!m_dragCell.isValid() || valueAt(m_dragCell) != m_scrub.last())) {
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
        const PressMove kind =
            classifyPress(moved.x(), moved.y(), QApplication::startDragDistance());
        if (kind == PressMove::Click)
            return true;
        if (kind == PressMove::Other || !m_dragCell.isValid()) {
            m_drag = DragState::Idle;
            return false;
        }
        m_drag = DragState::Scrubbing;
        m_dragId = m_newGestureId();
        m_dragSent = false;
        m_scrub.begin(valueAt(m_dragCell), pos.y(), stepFactor(event->modifiers()));
        m_view->viewport()->setCursor(Qt::SizeVerCursor);
        return true;
    }
    if (!m_dragCell.isValid())
        return true;
    if (const auto value = m_scrub.moveTo(pos.y(), stepFactor(event->modifiers()), m_step)) {
        m_dragSent = true;
        m_status->clearError();
        emit cellEditRequested(m_dragCell.row(), m_dragCell.column(), *value, m_dragId);
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
        m_wheelId = m_newGestureId();
        m_wheelSent = false;
        m_wheelCell = cell;
        m_wheel.begin(valueAt(cell));
    }
    m_wheelPause.start();
    if (const auto value = m_wheel.turn(delta, m_step * stepFactor(event->modifiers()))) {
        m_wheelSent = true;
        m_status->clearError();
        emit cellEditRequested(cell.row(), cell.column(), *value, m_wheelId);
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
    if (isPlainEnter(event)) {
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
    return editable && (isPlainEnter(event) || isDelete(event));
}

void MatrixEditor::cancelDrag()
{
    if (m_dragSent && m_scrub.last() != m_scrub.original() && m_dragCell.isValid())
        emit cellEditRequested(m_dragCell.row(), m_dragCell.column(), m_scrub.original(), m_dragId);
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

void MatrixEditor::requestEdit(const QModelIndex& index, double value, int gestureId)
{
    m_status->clearError();
    if (gestureId == 0 && value == valueAt(index))
        return; // an unchanged value is no edit (and no undo step)
    emit cellEditRequested(index.row(), index.column(), value, gestureId);
}

void MatrixEditor::copySelection() const
{
    QModelIndexList cells = m_view->selectionModel()->selectedIndexes();
    if (cells.isEmpty() && m_view->currentIndex().isValid())
        cells.append(m_view->currentIndex());
    if (!cells.isEmpty())
        QGuiApplication::clipboard()->setText(
            tabSeparated(cells, [this](const QModelIndex& cell) { return valueAt(cell); }));
}

// The status line shows the current cell at full precision (unless it shows an error).
void MatrixEditor::updateStatus()
{
    const QModelIndex current = m_view->currentIndex();
    m_status->setInfo(current.isValid() ? tr("row %1, column %2: %3")
                                              .arg(m_model->rowLabel(current.row()),
                                                   m_model->columnLabel(current.column()),
                                                   formatExact(valueAt(current)))
                                        : QString());
}

double MatrixEditor::valueAt(const QModelIndex& index) const
{
    return m_model->value(index.row(), index.column());
}

} // namespace av

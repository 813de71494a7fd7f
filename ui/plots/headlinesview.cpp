#include "headlinesview.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace av {
namespace {

constexpr int kMinPitch = 3;  // px: 512 tokens in about 1500 px
constexpr int kMaxPitch = 60; // px: a few tokens filling a projector
constexpr double kZoomStep = 1.2;
/// The length of the lines drawn at most with nothing hovered (pixels, together), so that
/// an edit redraws in about 0.1 s even for a long, diffuse input; a hovered token's lines
/// are all drawn.
constexpr int kLineBudget = 6'000'000;

} // namespace

HeadLinesView::HeadLinesView(QWidget* parent) : QAbstractScrollArea(parent)
{
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(false);
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    relayout();
}

void HeadLinesView::setData(HeadLinesFigure figure)
{
    const int heads = figure.heads();
    m_drawing.setFigure(std::move(figure));
    if (m_shown.size() != heads)
        m_shown = QVector<bool>(heads, true);
    const HeadLinesFigure& f = m_drawing.figure();
    if (m_selection.token >= (m_selection.side == LineSide::Key ? f.keys() : f.n()))
        m_selection = {};
    relayout();
    updateGeometry();
}

void HeadLinesView::setShownHeads(const QVector<bool>& shown)
{
    if (shown.size() != m_drawing.figure().heads() || shown == m_shown)
        return;
    m_shown = shown;
    invalidate();
    emit shownHeadsChanged();
}

void HeadLinesView::soloHead(int head)
{
    const int heads = m_drawing.figure().heads();
    if (head < 0 || head >= heads)
        return;
    QVector<bool> alone(heads, false);
    alone[head] = true;
    setShownHeads(m_shown == alone ? QVector<bool>(heads, true) : alone);
}

void HeadLinesView::setSelection(const LineSelection& selection)
{
    if (selection == m_selection)
        return;
    m_selection = selection;
    viewport()->update();
    emit selectionChanged();
}

void HeadLinesView::setRowPitch(int pitch)
{
    pitch = std::clamp(pitch, kMinPitch, kMaxPitch);
    if (pitch == m_drawing.pitch() && m_pitch != 0)
        return;
    m_pitch = pitch;
    relayout();
}

QRect HeadLinesView::labelRectInViewport(LineSide side, int token) const
{
    return m_drawing.labelRect(side, token)
        .translated(0, m_drawing.headerHeight() - verticalScrollBar()->value());
}

QRect HeadLinesView::swatchRectInViewport(int head) const
{
    return m_drawing.swatchRect(head);
}

QSize HeadLinesView::sizeHint() const
{
    const int height = m_drawing.headerHeight() + m_drawing.bodyHeight();
    return {m_drawing.preferredWidth(font()), std::clamp(height, 300, 900)};
}

QSize HeadLinesView::minimumSizeHint() const
{
    // Both columns and the narrowest lines: the key column would be cut off otherwise.
    return {m_drawing.contentWidth() + verticalScrollBar()->sizeHint().width(), 200};
}

void HeadLinesView::relayout()
{
    int pitch = m_pitch;
    if (pitch <= 0) {
        // Unless zoomed: a short input's rows spread over the height (up to twice the
        // font's pitch, for a projector), a long one's at the font's pitch, scrolling.
        const int natural = HeadLinesDrawing::naturalPitch(font());
        m_drawing.layout(font(), viewport()->width(), natural);
        const int room = viewport()->height() - m_drawing.headerHeight() - 16;
        pitch = std::clamp(room / std::max(1, m_drawing.figure().rows()), natural, 2 * natural);
    }
    m_drawing.layout(font(), viewport()->width(), pitch);
    const int visible = std::max(0, viewport()->height() - m_drawing.headerHeight());
    QScrollBar* bar = verticalScrollBar();
    bar->setRange(0, std::max(0, m_drawing.bodyHeight() - visible));
    bar->setPageStep(std::max(1, visible));
    bar->setSingleStep(std::max(1, m_drawing.pitch()));
    invalidate();
}

void HeadLinesView::invalidate()
{
    m_cache = QImage();
    viewport()->update();
}

QPoint HeadLinesView::toBody(const QPoint& viewportPos) const
{
    return viewportPos + QPoint(0, verticalScrollBar()->value() - m_drawing.headerHeight());
}

void HeadLinesView::paintEvent(QPaintEvent*)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), Qt::white);
    const int header = m_drawing.headerHeight();
    const int scroll = verticalScrollBar()->value();
    const QSize bodySize(viewport()->width(), std::max(1, viewport()->height() - header));
    // The body is drawn into an image, where blendLines draws its lines fast. With nothing
    // selected the image spans half a screen above and below the view as well, and is kept
    // until the view changes or scrolls out of it: scrolling mostly copies.
    const bool selected = m_selection.side != LineSide::None;
    const qreal dpr = devicePixelRatioF();
    const int height = bodySize.height();
    if (selected) {
        // Only the selected token's lines: fast enough to draw at every move of the mouse.
        if (m_hover.size() != bodySize * dpr)
            m_hover = QImage(bodySize * dpr, QImage::Format_ARGB32_Premultiplied);
        m_hover.setDevicePixelRatio(dpr);
        m_hover.fill(Qt::white);
        QPainter body(&m_hover);
        body.translate(0, -scroll);
        m_drawing.paintBody(body, m_shown, m_selection, scroll, scroll + height);
        body.end();
        painter.drawImage(QPoint(0, header), m_hover);
    } else {
        // Compared in logical pixels: a fractional device pixel ratio rounds the image's size.
        const bool cached = !m_cache.isNull() && m_cacheWidth == bodySize.width() &&
                            m_cacheDpr == dpr && scroll >= m_cacheTop &&
                            scroll + height <= m_cacheBottom;
        if (!cached) {
            m_cacheTop = std::max(0, scroll - height / 2);
            m_cacheBottom = std::max(
                scroll + height, std::min(m_drawing.bodyHeight(), scroll + height + height / 2));
            m_cacheWidth = bodySize.width();
            m_cacheDpr = dpr;
            const int bottom = m_cacheBottom;
            m_cache = QImage(QSize(bodySize.width(), bottom - m_cacheTop) * dpr,
                             QImage::Format_ARGB32_Premultiplied);
            m_cache.setDevicePixelRatio(dpr);
            m_cache.fill(Qt::white);
            QPainter body(&m_cache);
            body.translate(0, -m_cacheTop);
            m_omitted =
                m_drawing.paintBody(body, m_shown, m_selection, m_cacheTop, bottom, kLineBudget);
        }
        painter.drawImage(
            QRectF(0, header, bodySize.width(), height), m_cache,
            QRectF(0, (scroll - m_cacheTop) * dpr, bodySize.width() * dpr, height * dpr));
    }
    painter.fillRect(QRect(0, 0, viewport()->width(), header), Qt::white);
    m_drawing.paintHeader(painter, m_shown);
    if (m_omitted > 0 && !selected) {
        // Over the lines, in the view's bottom right corner, on white.
        const QString note = tr("%1 faintest lines near the view left out; hover a token for "
                                "all its lines")
                                 .arg(m_omitted);
        QRect box = painter.fontMetrics().boundingRect(note).adjusted(-6, -3, 6, 3);
        box.moveBottomRight(viewport()->rect().bottomRight() - QPoint(4, 4));
        painter.fillRect(box, QColor(255, 255, 255, 230));
        painter.setPen(QColor(150, 60, 0));
        painter.drawText(box, Qt::AlignCenter, note);
    }
    painter.setPen(QColor(210, 210, 210));
    painter.drawLine(0, header - 1, viewport()->width(), header - 1);
}

void HeadLinesView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    relayout();
}

void HeadLinesView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void HeadLinesView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_selection.locked)
        return;
    const QPoint pos = event->position().toPoint();
    LineSelection hovered;
    if (pos.y() >= m_drawing.headerHeight()) {
        const auto [side, token] = m_drawing.tokenAt(toBody(pos));
        hovered = {side, token, false};
    }
    setSelection(hovered);
}

void HeadLinesView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    const QPoint pos = event->position().toPoint();
    if (pos.y() < m_drawing.headerHeight()) {
        if (const int head = m_drawing.swatchAt(pos); head >= 0) {
            QVector<bool> shown = m_shown;
            shown[head] = !shown[head];
            setShownHeads(shown);
        }
        return;
    }
    const auto [side, token] = m_drawing.tokenAt(toBody(pos));
    if (side == LineSide::None ||
        (m_selection.locked && m_selection.side == side && m_selection.token == token))
        setSelection({side, token, false}); // let go: hovering again
    else
        setSelection({side, token, true});
}

void HeadLinesView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton && pos.y() < m_drawing.headerHeight()) {
        if (const int head = m_drawing.swatchAt(pos); head >= 0) {
            // The first click of the two hid or showed it; alone means alone whatever it was.
            QVector<bool> alone(m_shown.size(), false);
            alone[head] = true;
            setShownHeads(alone);
        }
        return;
    }
    // On a token the first click already kept its lines; a second would let them go.
}

void HeadLinesView::leaveEvent(QEvent* event)
{
    if (!m_selection.locked)
        setSelection({});
    QAbstractScrollArea::leaveEvent(event);
}

void HeadLinesView::zoomBy(double factor, int anchorY)
{
    // The row under the anchor stays under it.
    const int header = m_drawing.headerHeight();
    const double before =
        (verticalScrollBar()->value() + anchorY - header) / double(std::max(1, m_drawing.pitch()));
    int pitch = int(std::lround(m_drawing.pitch() * factor));
    if (pitch == m_drawing.pitch()) // small rows: at least one pixel a step
        pitch += factor > 1 ? 1 : -1;
    setRowPitch(pitch);
    verticalScrollBar()->setValue(int(std::lround(before * m_drawing.pitch())) - anchorY + header);
}

void HeadLinesView::wheelEvent(QWheelEvent* event)
{
    if (!(event->modifiers() & Qt::ControlModifier))
        return QAbstractScrollArea::wheelEvent(event);
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(kZoomStep, steps), int(event->position().y()));
    event->accept();
}

void HeadLinesView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && m_selection.side != LineSide::None) {
        setSelection({});
        return;
    }
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal)
            return zoomBy(kZoomStep, viewport()->height() / 2);
        if (event->key() == Qt::Key_Minus)
            return zoomBy(1 / kZoomStep, viewport()->height() / 2);
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void HeadLinesView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange) {
        m_pitch = 0; // the new font's own pitch
        relayout();
        updateGeometry();
    }
    QAbstractScrollArea::changeEvent(event);
}

bool HeadLinesView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QPoint pos = help->pos();
        const HeadLinesFigure& f = m_drawing.figure();
        QString text;
        if (pos.y() < m_drawing.headerHeight()) {
            if (const int head = m_drawing.swatchAt(pos); head >= 0)
                text = (f.ablated.value(head) ? tr("%1 (switched off: its output Z is 0, its "
                                                   "lines are dashed)")
                                              : QStringLiteral("%1"))
                           .arg(f.headLabels.value(head)) +
                       QLatin1Char('\n') +
                       tr("Click: hide or show. Double-click: this head alone.");
        } else if (const auto [side, token] = m_drawing.tokenAt(toBody(pos)); token >= 0) {
            text = (side == LineSide::Query ? tr("Query %1: “%2”. Hover: only its lines and, "
                                                 "right, each head's weight on every key; "
                                                 "click to keep them.")
                                            : tr("Key %1: “%2”. Hover: only the lines to it "
                                                 "and, left, each head's weight from every "
                                                 "query; click to keep them."))
                       .arg(token + 1)
                       .arg((side == LineSide::Query ? f.tokens : f.keyLabels()).value(token));
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace av

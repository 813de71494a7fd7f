#include "heatmapplot.h"

#include "heatmapscale.h"
#include "numberformat.h"
#include "plottitle.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <qcustomplot.h>
#include <tuple>
#include <utility>

namespace av {
namespace {

constexpr int kMaxLabelledSide = 24;    // more cells than this per side: colour only
constexpr double kMaxCellAspect = 1.25; // cell width / height: square-ish
constexpr int kMaxLabelChars = 14;      // longer token labels are elided
const QString kValueLabelName = QStringLiteral("cellValue");

/// The colour map's cell-centre range: 0 … n−1, so that cell i spans i ± 0.5. A single
/// cell gets −0.5 … 0.5 because QCPColorMap draws a lone cell with zero size otherwise.
QCPRange centreRange(int n)
{
    return n > 1 ? QCPRange(0, n - 1) : QCPRange(-0.5, 0.5);
}

} // namespace

HeatmapPlot::HeatmapPlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    // A small fixed minimum: QCustomPlot's own hint counts the square-cell margins of the
    // last layout, so a plot once laid out wide could never be narrowed again. Small, as the
    // pipeline's steps are fixed heights below this widget's own minimumSizeHint().
    m_plot->setMinimumSize(60, 60);
    m_plot->setAntialiasedElements(QCP::aeAll);
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);

    // Title on top of a grid [matrix | colour bar], so that the title spans both.
    QCPAxisRect* rect = m_plot->axisRect();
    m_plot->plotLayout()->take(rect);
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString());
    m_plot->plotLayout()->addElement(0, 0, m_title);
    m_body = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 0, m_body);
    m_body->addElement(0, 0, rect);
    m_colorScale = new QCPColorScale(m_plot);
    m_colorScale->setType(QCPAxis::atRight);
    m_body->addElement(0, 1, m_colorScale);
    auto* group = new QCPMarginGroup(m_plot);
    rect->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    m_colorScale->setMarginGroup(QCP::msTop | QCP::msBottom, group);

    // Column labels on top like a table header; row 0 at the top like a matrix.
    m_plot->xAxis->setVisible(false);
    m_plot->yAxis2->setVisible(false);
    m_plot->xAxis2->setVisible(true);
    m_plot->yAxis->setRangeReversed(true);
    for (QCPAxis* axis : {m_plot->xAxis2, m_plot->yAxis}) {
        axis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
        axis->setSubTicks(false);
        axis->setTickLengthIn(0);
        axis->setTickLengthOut(4);
        axis->setBasePen(Qt::NoPen);
        axis->setTickPen(QPen(QColor(120, 120, 120)));
        axis->grid()->setVisible(false);
    }

    // The hatch lies under the map on the grid layer, mapped like the map: the axis rect's
    // own background would show as a dotted line at the edge (QRect::bottom() is y + h − 1).
    m_maskHatch = new QCPItemRect(m_plot);
    m_maskHatch->setLayer(QStringLiteral("grid"));
    m_maskHatch->setPen(Qt::NoPen);
    m_maskHatch->setBrush(maskHatchBrush());
    m_maskHatch->setSelectable(false);
    for (QCPItemPosition* corner : {m_maskHatch->topLeft, m_maskHatch->bottomRight})
        corner->setAxes(m_plot->xAxis2, m_plot->yAxis);
    m_maskHatch->topLeft->setCoords(-0.5, -0.5);

    m_map = new QCPColorMap(m_plot->xAxis2, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_map->setColorScale(m_colorScale);

    m_emptyMessage = new QCPItemText(m_plot);
    m_emptyMessage->setObjectName(QStringLiteral("emptyMessage"));
    m_emptyMessage->position->setType(QCPItemPosition::ptViewportRatio);
    m_emptyMessage->position->setCoords(0.5, 0.5);
    m_emptyMessage->setText(tr("No tokens — type a sentence"));
    m_emptyMessage->setColor(QColor(100, 100, 100));
    m_emptyMessage->setSelectable(false);

    m_plot->addLayer(QStringLiteral("highlights"), m_plot->layer("main"), QCustomPlot::limAbove);

    connect(m_plot, &QCustomPlot::afterLayout, this, &HeatmapPlot::fitToAxisRect);
    connect(m_plot, &QCustomPlot::mouseMove, this, &HeatmapPlot::onMouseMove);
    connect(m_plot, &QCustomPlot::mousePress, this, &HeatmapPlot::onMousePress);

    applyFonts();
    setEmpty(true);
}

HeatmapPlot::~HeatmapPlot()
{
    if (!m_colorBarShown) // out of the layout, which deletes only what it holds
        delete m_colorScale;
}

void HeatmapPlot::setColorBarVisible(bool visible)
{
    if (visible == m_colorBarShown)
        return;
    m_colorBarShown = visible;
    if (visible) {
        m_body->addElement(0, 1, m_colorScale);
    } else {
        m_body->take(m_colorScale);
        m_body->simplify();
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapPlot::wrapTitle()
{
    m_title->setText(wrappedTitle(m_titleText, m_title->font(), m_plot->width() - 16));
}

void HeatmapPlot::setData(const HeatmapData& data)
{
    const int rows = int(data.values.rows());
    const int cols = int(data.values.cols());
    const bool shapeChanged = rows != m_rows || cols != m_cols;
    const bool empty = rows == 0 || cols == 0;
    m_rows = rows;
    m_cols = cols;
    QStringList rowTicks = tickTexts(data.rowLabels, rows, kMaxLabelChars);
    QStringList colTicks = tickTexts(data.colLabels, cols, kMaxLabelChars);
    // Fonts and label widths are measured again only when the labels change: most edits
    // change numbers only, and measuring every label of every plot is most of a frame.
    const bool labelsChanged = shapeChanged || rowTicks != m_rowTicks || colTicks != m_colTicks ||
                               data.title != m_title->text();
    m_rowTicks = std::move(rowTicks);
    m_colTicks = std::move(colTicks);
    m_colTokens = !data.colLabels.isEmpty();
    m_diverging = data.diverging;
    m_titleText = data.title;
    wrapTitle();
    m_squareCells = data.squareCells;
    m_plot->yAxis->setLabel(empty ? QString() : data.rowAxisTitle);
    m_plot->xAxis2->setLabel(empty ? QString() : data.colAxisTitle);
    setEmpty(empty);
    if (!empty) {
        if (shapeChanged) {
            m_map->data()->setSize(cols, rows);
            m_map->data()->setRange(centreRange(cols), centreRange(rows));
            m_maskHatch->bottomRight->setCoords(cols - 0.5, rows - 0.5);
            m_plot->xAxis2->setRange(-0.5, cols - 0.5);
            m_plot->yAxis->setRange(-0.5, rows - 0.5);
        }
        applyColorRange(data, copyCells(data));
    }
    if (shapeChanged) {
        rebuildValueLabels();
        syncHighlights();
    }
    if (labelsChanged)
        applyFonts(); // measures the new labels; colours and fills the value labels
    else
        applyGradient(); // colours and fills the value labels
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool HeatmapPlot::copyCells(const HeatmapData& data)
{
    // Row by row: QCPColorMapData is row-major (value index = row), so writes are in memory
    // order; a row-major copy of the matrix first would cost more than the strided reads.
    QCPColorMapData* cells = m_map->data();
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    for (int r = 0; r < m_rows; ++r)
        for (int c = 0; c < m_cols; ++c)
            cells->setCell(c, r, std::isfinite(data.values(r, c)) ? data.values(r, c) : kNaN);

    const bool masked = data.masked.rows() == m_rows && data.masked.cols() == m_cols &&
                        (data.masked.array() == 0).any();
    if (masked) {
        for (int r = 0; r < m_rows; ++r)
            for (int c = 0; c < m_cols; ++c)
                cells->setAlpha(c, r, data.masked(r, c) ? 255 : 0);
    } else {
        cells->clearAlpha();
    }
    m_maskHatch->setVisible(masked);
    return masked;
}

void HeatmapPlot::rebuildValueLabels()
{
    for (QCPItemText* label : std::as_const(m_valueLabels))
        m_plot->removeItem(label);
    m_valueLabels.clear();
    if (m_rows > kMaxLabelledSide || m_cols > kMaxLabelledSide)
        return;
    m_valueLabels.reserve(m_rows * m_cols);
    for (int r = 0; r < m_rows; ++r) {
        for (int c = 0; c < m_cols; ++c) {
            auto* label = new QCPItemText(m_plot);
            label->setObjectName(kValueLabelName);
            label->position->setAxes(m_plot->xAxis2, m_plot->yAxis);
            label->position->setCoords(c, r);
            label->setClipAxisRect(m_plot->axisRect());
            label->setPositionAlignment(Qt::AlignCenter);
            label->setPadding(QMargins());
            label->setSelectable(false);
            m_valueLabels.append(label);
        }
    }
}

void HeatmapPlot::setValueFontScale(double scale)
{
    m_valueFontScale = scale;
    applyFonts();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapPlot::setFontScale(double scale)
{
    m_fontScale = scale;
    applyFonts();
    syncHighlights(); // the outline's width follows the font scale
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapPlot::setColorMapKind(ColorMapKind kind)
{
    m_kind = kind;
    applyGradient();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapPlot::setToolTipProvider(std::function<QString(int row, int col)> provider)
{
    m_toolTipProvider = std::move(provider);
}

double HeatmapPlot::cellValue(int row, int col) const
{
    if (row < 0 || col < 0 || row >= m_rows || col >= m_cols)
        return std::numeric_limits<double>::quiet_NaN();
    return m_map->data()->cell(col, row);
}

QString HeatmapPlot::title() const
{
    return m_titleText;
}

QSize HeatmapPlot::minimumSizeHint() const
{
    return QSize(260, 220);
}

QSize HeatmapPlot::sizeHint() const
{
    return QSize(640, 540);
}

void HeatmapPlot::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        applyFonts();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

bool HeatmapPlot::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && event->type() == QEvent::Leave)
        setHoveredCell(-1, -1);
    if (watched == m_plot && event->type() == QEvent::Resize)
        wrapTitle();
    return QWidget::eventFilter(watched, event);
}

QFont HeatmapPlot::scaledFont(double factor) const
{
    return av::scaledFont(font(), m_fontScale * factor);
}

void HeatmapPlot::applyFonts()
{
    QFont titleFont = scaledFont(1.25);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    wrapTitle();
    for (QCPAxis* axis : {m_plot->xAxis2, m_plot->yAxis, m_colorScale->axis()}) {
        axis->setTickLabelFont(scaledFont(1));
        axis->setLabelFont(scaledFont(1.1));
    }
    m_colorScale->setBarWidth(int(std::lround(16 * m_fontScale)));
    m_emptyMessage->setFont(scaledFont(1.3));
    const QFont valueFont = scaledFont(m_valueFontScale);
    for (QCPItemText* label : std::as_const(m_valueLabels))
        label->setFont(valueFont);
    m_valueShrink = 1;

    const QFontMetricsF metrics(scaledFont(1));
    m_colTickWidth = 0;
    for (const QString& text : std::as_const(m_colTicks))
        m_colTickWidth = std::max(m_colTickWidth, metrics.horizontalAdvance(text));
    applyGradient();
}

void HeatmapPlot::applyGradient()
{
    m_map->setGradient(m_diverging ? divergingGradient() : gradient(m_kind));
    syncValueLabels();
}

void HeatmapPlot::applyColorRange(const HeatmapData& data, bool masked)
{
    const auto [lower, upper] = colorRange(data, masked);
    m_rangeLower = lower;
    m_rangeUpper = upper;
    m_map->setDataRange(QCPRange(lower, upper));
}

void HeatmapPlot::syncValueLabels()
{
    if (m_valueLabels.size() != m_rows * m_cols) {
        m_valueTextWidth = 0;
        return;
    }
    QCPColorMapData* cells = m_map->data();
    QCPColorGradient gradient = m_map->gradient();
    const QCPRange range(m_rangeLower, m_rangeUpper);
    const QFontMetricsF metrics(scaledFont(m_valueFontScale));
    double widest = 0;
    for (int r = 0; r < m_rows; ++r) {
        for (int c = 0; c < m_cols; ++c) {
            QCPItemText* label = m_valueLabels[r * m_cols + c];
            const double v = cells->cell(c, r);
            const bool shown = std::isfinite(v) && cells->alpha(c, r) > 0;
            label->setText(shown ? formatCell(v) : QString());
            if (shown) {
                label->setColor(contrastingTextColor(gradient.color(v, range)));
                widest = std::max(widest, metrics.horizontalAdvance(label->text()));
            }
            label->setVisible(shown && m_valuesFit);
        }
    }
    m_valueTextWidth = int(std::ceil(widest));
}

void HeatmapPlot::setEmpty(bool empty)
{
    m_map->setVisible(!empty);
    m_colorScale->setVisible(!empty);
    m_emptyMessage->setVisible(empty);
    for (QCPAxis* axis : {m_plot->xAxis2, m_plot->yAxis}) {
        axis->setTicks(!empty);
        axis->setTickLabels(!empty);
    }
    if (empty)
        m_maskHatch->setVisible(false);
}

void HeatmapPlot::relayout()
{
    // QCPColorScale keeps its last margins as the floor of its next ones; reset them so
    // that the margins set below can shrink again.
    m_colorScale->setMargins(QMargins());
    m_plot->plotLayout()->update(QCPLayoutElement::upPreparation);
    m_plot->plotLayout()->update(QCPLayoutElement::upMargins);
    m_plot->plotLayout()->update(QCPLayoutElement::upLayout);
}

void HeatmapPlot::fitToAxisRect()
{
    if (m_rows == 0 || m_cols == 0)
        return;
    // Runs between QCustomPlot's layout and its drawing; each decision below needs the
    // cell size in pixels, which is known only now.
    QCPAxisRect* rect = m_plot->axisRect();
    const int pad = int(std::lround(8 * m_fontScale)); // room for edge highlights
    const QMargins baseScale(pad, 0, pad, 0);
    // Reset before the size is checked: the square-cell margins of a wider layout can leave
    // no room in a narrower one (a scroll bar appearing), and returning then would keep
    // them, and a matrix of negative width, for good.
    rect->setMinimumMargins(QMargins(pad, pad, pad, pad));
    m_colorScale->setMinimumMargins(baseScale);
    relayout();
    if (rect->width() <= 0 || rect->height() <= 0)
        return;

    auto updateLabels = [this, rect] {
        const bool x = updateTickLabels(true, rect->width() / double(m_cols));
        const bool y = updateTickLabels(false, rect->height() / double(m_rows));
        return x || y;
    };
    if (updateLabels())
        relayout();

    // Square-ish cells: shrink the longer side; matrix and colour bar stay centred.
    const double cw = rect->width() / double(m_cols);
    const double ch = rect->height() / double(m_rows);
    const QMargins m = rect->margins();
    if (!m_squareCells) {
        // e.g. positions × dimensions: the matrix fills the plot whatever its proportions
    } else if (cw > kMaxCellAspect * ch) {
        const int extra = rect->width() - int(std::floor(kMaxCellAspect * ch * m_cols));
        rect->setMinimumMargins(QMargins(m.left() + extra / 2, pad, m.right(), pad));
        m_colorScale->setMinimumMargins(baseScale + QMargins(0, 0, extra - extra / 2, 0));
        relayout();
    } else if (ch > kMaxCellAspect * cw) {
        // A third above, two below: the matrix stays near its title and column labels.
        const int extra = rect->height() - int(std::floor(kMaxCellAspect * cw * m_rows));
        rect->setMinimumMargins(
            QMargins(pad, m.top() + extra / 3, pad, m.bottom() + extra - extra / 3));
        relayout();
    }
    if (updateLabels())
        relayout();

    const double shrink =
        valueShrink(rect->width() / double(m_cols), rect->height() / double(m_rows),
                    m_valueTextWidth, QFontMetricsF(scaledFont(m_valueFontScale)).height());
    m_valuesFit = shrink > 0;
    if (m_valuesFit && shrink != m_valueShrink) {
        m_valueShrink = shrink;
        const QFont valueFont = scaledFont(m_valueFontScale * shrink);
        for (QCPItemText* label : std::as_const(m_valueLabels))
            label->setFont(valueFont);
    }
    for (QCPItemText* label : std::as_const(m_valueLabels))
        label->setVisible(m_valuesFit && !label->text().isEmpty());
}

bool HeatmapPlot::updateTickLabels(bool columns, double cellPixels)
{
    QCPAxis* axis = columns ? m_plot->xAxis2 : m_plot->yAxis;
    const QStringList& texts = columns ? m_colTicks : m_rowTicks;
    const double lineHeight = QFontMetricsF(axis->tickLabelFont()).height();
    // Every label is shown when they fit edge to edge, thinned ones get more air between
    // them. Token labels are turned by 45° when that shows more of them.
    const int flatStep = tickStep(columns ? m_colTickWidth + 8 : lineHeight, cellPixels);
    const int turnedStep = tickStep(lineHeight * 1.3, cellPixels);
    const bool rotate = columns && m_colTokens && turnedStep < flatStep;
    QMap<double, QString> ticks;
    for (const int i : thinnedTicks(texts, rotate ? turnedStep : flatStep))
        ticks.insert(i, texts[i]);
    const double rotation = rotate ? -45 : 0;
    auto ticker = axis->ticker().staticCast<QCPAxisTickerText>();
    if (ticker->ticks() == ticks && axis->tickLabelRotation() == rotation)
        return false;
    ticker->setTicks(ticks);
    axis->setTickLabelRotation(rotation);
    return true;
}

void HeatmapPlot::setViewportToSizeHint()
{
    m_plot->setViewport(QRect(QPoint(0, 0), sizeHint()));
}

} // namespace av

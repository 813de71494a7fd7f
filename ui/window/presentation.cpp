#include "presentation.h"

#include "document.h"
#include "heatmapplot.h"
#include "plottitle.h"
#include "plotview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QShortcut>
#include <QTimer>
#include <cmath>

namespace av {
namespace {

/// Black on white with a dark, saturated selection: the contrast that survives a washed-out
/// projector. Disabled text stays dark grey rather than the usual faint one.
QPalette highContrastPalette()
{
    QPalette p;
    const QColor black(Qt::black), white(Qt::white);
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool disabled = group == QPalette::Disabled;
        const QColor text = disabled ? QColor(0x55, 0x55, 0x55) : black;
        p.setColor(group, QPalette::Window, white);
        p.setColor(group, QPalette::WindowText, text);
        p.setColor(group, QPalette::Base, white);
        p.setColor(group, QPalette::AlternateBase, QColor(0xee, 0xee, 0xee));
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::Button, QColor(0xe8, 0xe8, 0xe8));
        p.setColor(group, QPalette::ButtonText, text);
        p.setColor(group, QPalette::BrightText, white);
        p.setColor(group, QPalette::Highlight, QColor(0x00, 0x3c, 0xa0));
        p.setColor(group, QPalette::HighlightedText, white);
        p.setColor(group, QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe0));
        p.setColor(group, QPalette::ToolTipText, black);
        p.setColor(group, QPalette::PlaceholderText, QColor(0x44, 0x44, 0x44));
        p.setColor(group, QPalette::Link, QColor(0x00, 0x3c, 0xa0));
        p.setColor(group, QPalette::Light, white);
        p.setColor(group, QPalette::Midlight, QColor(0xcc, 0xcc, 0xcc));
        p.setColor(group, QPalette::Mid, QColor(0x66, 0x66, 0x66));
        p.setColor(group, QPalette::Dark, QColor(0x33, 0x33, 0x33));
        p.setColor(group, QPalette::Shadow, black);
    }
    return p;
}

constexpr const char* kScaleProperty = "av_presentationFontScale";
constexpr const char* kColorMapProperty = "av_presentationColorMap";
constexpr const char* kLargerProperty = kLargerWhilePresentingProperty;
constexpr const char* kEnlargedProperty = "av_presentationEnlarged";
static_assert(static_cast<int>(ColorMapKind::Viridis) == 0);

/// Widgets with a style sheet keep the font they had when the sheet was applied: apply
/// it again, so that they get the new application font too.
void repolishStyleSheets(QWidget* root)
{
    for (QWidget* widget : root->findChildren<QWidget*>())
        if (!widget->styleSheet().isEmpty())
            widget->setStyleSheet(widget->styleSheet());
}

/// A dock draws its own title in the font the application had when the dock was made, so
/// it would stay small while presenting: a label with the dock's title stands in for it.
/// (No float and close buttons: a lesson does not rearrange docks; View ▸ shows and hides them.)
void setLargeTitleBars(QMainWindow* window, bool large)
{
    for (QDockWidget* dock : window->findChildren<QDockWidget*>()) {
        QWidget* old = dock->titleBarWidget();
        if (large) {
            auto* title =
                new QLabel(QStringLiteral("<b>%1</b>").arg(dock->windowTitle().toHtmlEscaped()));
            title->setContentsMargins(6, 2, 6, 2);
            dock->setTitleBarWidget(title);
        } else {
            dock->setTitleBarWidget(nullptr);
        }
        delete old;
    }
}

} // namespace

QStringList Presentation::hiddenDocks()
{
    return {QStringLiteral("WeightsDock"), QStringLiteral("PipelineDock"),
            QStringLiteral("PositionalDock"), QStringLiteral("SummaryDock")};
}

Presentation::Presentation(QMainWindow* window, Document* document)
    : QObject(window), m_window(window), m_present(new QAction(tr("&Present"), this)),
      m_colorMaps(new QActionGroup(this)),
      m_escape(new QShortcut(QKeySequence(Qt::Key_Escape), window))
{
    m_present->setCheckable(true);
    m_present->setShortcut(QKeySequence(Qt::Key_F5));
    m_present->setToolTip(tr("Full screen with large fonts for a projector (F5; Esc leaves)"));
    // On the window as well as in the menu: the shortcut works wherever the menu is.
    window->addAction(m_present);
    connect(m_present, &QAction::toggled, this, &Presentation::setActive);

    const std::pair<ColorMapKind, QString> maps[] = {
        {ColorMapKind::Viridis, tr("&Viridis (default)")},
        {ColorMapKind::Cividis, tr("&Cividis (colour-blind safe)")},
        {ColorMapKind::Gray, tr("&Grey (for printing)")},
    };
    for (const auto& [kind, name] : maps) {
        QAction* action = m_colorMaps->addAction(name);
        action->setCheckable(true);
        action->setChecked(kind == m_colorMap);
        action->setData(static_cast<int>(kind));
        connect(action, &QAction::triggered, this, [this, kind = kind] { setColorMap(kind); });
    }

    m_escape->setContext(Qt::WindowShortcut);
    m_escape->setEnabled(false);
    connect(m_escape, &QShortcut::activated, this, [this] { setActive(false); });
    if (document)
        connect(document, &Document::changed, this, &Presentation::applyToWidgets);
    window->installEventFilter(this);
}

Presentation::~Presentation()
{
    // The font and palette are the application's: they outlive the window.
    if (m_active) {
        QApplication::setFont(m_savedFont);
        QApplication::setPalette(m_savedPalette);
    }
}

QList<QAction*> Presentation::actions() const
{
    QList<QAction*> all{m_present};
    all += m_colorMaps->actions();
    return all;
}

void Presentation::addToMenu(QMenu* view)
{
    view->addSeparator();
    view->addAction(m_present);
    QMenu* maps = view->addMenu(tr("&Colour map"));
    maps->addActions(m_colorMaps->actions());
}

void Presentation::addWindow(QWidget* window)
{
    m_windows << window;
    window->addAction(m_present);
    auto* closer = new QShortcut(QKeySequence(Qt::Key_Escape), window);
    closer->setContext(Qt::WindowShortcut);
    closer->setEnabled(m_active);
    connect(closer, &QShortcut::activated, window, &QWidget::close);
    m_closers << closer;
    connect(window, &QObject::destroyed, this, [this, window, closer] {
        m_windows.removeAll(window);
        m_closers.removeAll(closer);
    });
    applyToWidgets();
}

void Presentation::showWindow(QWidget* window)
{
    if (m_active)
        window->showFullScreen();
    else
        window->show();
    window->raise();
    window->activateWindow();
}

void Presentation::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active) {
        m_savedGeometry = m_window->saveGeometry();
        m_savedState = m_window->saveState();
        m_savedWindowState = m_window->windowState();
        m_savedFont = QApplication::font();
        m_savedPalette = QApplication::palette();
        QApplication::setPalette(highContrastPalette());
        QApplication::setFont(scaledFont(m_savedFont, kFontFactor));
        const QStringList hidden = hiddenDocks();
        for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
            if (hidden.contains(dock->objectName()))
                dock->hide();
        setLargeTitleBars(m_window, true);
        m_hiddenWidgets.clear();
        for (QWidget* widget : m_window->findChildren<QWidget*>())
            if (widget->property("av_hideWhilePresenting").toBool() && !widget->isHidden()) {
                widget->hide();
                m_hiddenWidgets << widget;
            }
        m_window->showFullScreen();
        // A demonstration open when presenting starts stays in front of the main window.
        for (QWidget* window : std::as_const(m_windows))
            if (window->isVisible()) {
                window->showFullScreen();
                window->raise();
            }
    } else {
        QApplication::setFont(m_savedFont);
        QApplication::setPalette(m_savedPalette);
        setLargeTitleBars(m_window, false);
        for (const QPointer<QWidget>& widget : std::as_const(m_hiddenWidgets))
            if (widget)
                widget->show();
        m_hiddenWidgets.clear();
    }
    // Qt delivers the new font and palette to the widgets through posted events: deliver them
    // now, so that every widget has its final font before anyone looks at it.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::ApplicationFontChange);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::ApplicationPaletteChange);
    repolishStyleSheets(m_window);
    applyToWidgets();
    if (active)
        arrangeDocks();
    if (!active) {
        m_window->setWindowState(m_savedWindowState);
        m_window->restoreState(m_savedState);
        m_window->restoreGeometry(m_savedGeometry);
        // Window systems leave full screen asynchronously, and the minimum sizes of the larger
        // fonts shrink only when the layouts run: insist once the event loop has run.
        QTimer::singleShot(0, this, [this] {
            if (!m_active) {
                m_window->restoreGeometry(m_savedGeometry);
                m_window->restoreState(m_savedState);
            }
        });
    }
    if (!active)
        for (QWidget* window : std::as_const(m_windows))
            if (window->isFullScreen())
                window->showNormal();
    m_escape->setEnabled(active);
    for (QShortcut* closer : std::as_const(m_closers))
        closer->setEnabled(active);
    m_present->setChecked(active); // when left by Esc; toggled() then finds nothing to do
    emit activeChanged(active);
}

bool Presentation::eventFilter(QObject* watched, QEvent* event)
{
    // Going full screen resizes the window after setActive() (at once off screen, later on
    // a window system): the docks get their share of the final width.
    if (watched == m_window && event->type() == QEvent::Resize && m_active)
        QTimer::singleShot(0, this, [this] {
            if (m_active)
                arrangeDocks();
        });
    return QObject::eventFilter(watched, event);
}

void Presentation::arrangeDocks()
{
    auto* input = m_window->findChild<QDockWidget*>(QStringLiteral("InputDock"));
    auto* walk = m_window->findChild<QDockWidget*>(QStringLiteral("WalkthroughDock"));
    if (!input || !walk)
        return;
    const int width = m_window->width();
    m_window->resizeDocks({input, walk}, {int(width * kInputShare), int(width * kWalkthroughShare)},
                          Qt::Horizontal);
}

void Presentation::setColorMap(ColorMapKind kind)
{
    m_colorMap = kind;
    for (QAction* action : m_colorMaps->actions())
        action->setChecked(action->data().toInt() == static_cast<int>(kind));
    applyToWidgets();
    emit colorMapChanged(kind);
}

void Presentation::applyToWidgets()
{
    // Called after every edit: a plot is only touched when its setting differs, which the
    // plot remembers in a property (a setFontScale() lays the whole plot out again).
    const double scale = m_active ? kPlotFontScale : 1.0;
    const auto scaleOnce = [scale](auto* plot) {
        const QVariant current = plot->property(kScaleProperty);
        if ((current.isValid() ? current.toDouble() : 1.0) != scale) {
            plot->setFontScale(scale);
            plot->setProperty(kScaleProperty, scale);
        }
    };
    const int kind = static_cast<int>(m_colorMap);
    for (HeatmapPlot* plot : m_window->findChildren<HeatmapPlot*>()) {
        scaleOnce(plot);
        if (plot->property(kColorMapProperty).toInt() !=
            kind) { // absent: 0, Viridis, the plots' default
            plot->setColorMapKind(m_colorMap);
            plot->setProperty(kColorMapProperty, kind);
        }
    }
    for (PlotView* plot : m_window->findChildren<PlotView*>())
        scaleOnce(plot);
    // Explicit fonts while presenting; an empty QFont() afterwards inherits the window's again.
    for (QWidget* widget : m_window->findChildren<QWidget*>()) {
        const double factor = widget->property(kLargerProperty).toDouble();
        if (factor <= 0 || widget->property(kEnlargedProperty).toBool() == m_active)
            continue;
        widget->setFont(m_active ? scaledFont(QApplication::font(), factor) : QFont());
        widget->setProperty(kEnlargedProperty, m_active);
    }
}

} // namespace av

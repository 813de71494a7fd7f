#pragma once
// Presentation mode and the colour map of the window's heatmaps. Presenting: full screen,
// the application font ×kFontFactor, every plot's fonts and lines ×kPlotFontScale, a
// high-contrast palette, and only the panels a lesson needs: Input, the attention view and
// the Walkthrough, which gets half the width for its matrices. Hidden: Weights (rows of
// small editable numbers, unreadable from the back of a room), Pipeline (a column of
// fixed-height plots, too small at projector font sizes; the walk shows the same steps
// large) and the bottom row, Positional encoding and Head summary, whose plots would leave
// the attention view and the walk a quarter less height; View ▸ brings any back while
// presenting. Widgets with the property av_hideWhilePresenting (hints about using the
// mouse) are hidden too; those with av_largerWhilePresenting (a factor: the demonstrations'
// explanations and tables, which have room to spare) get text that many times larger still.
// Esc or F5 leaves and restores all of it exactly.

#include "colormaps.h"
#include "presentationhints.h"

#include <QByteArray>
#include <QFont>
#include <QList>
#include <QObject>
#include <QPalette>
#include <QPointer>
#include <QStringList>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;
class QShortcut;

namespace av {

class Document;

class Presentation : public QObject
{
    Q_OBJECT

public:
    /// Relative to the font in use before presenting.
    static constexpr double kFontFactor = 1.6;
    /// Passed to setFontScale() of every plot, on top of the larger application font
    /// (their fonts follow it): their labels end up ×kFontFactor·kPlotFontScale.
    static constexpr double kPlotFontScale = 1.25;
    /// The usual factor in the property av_largerWhilePresenting.
    static constexpr double kLargerTextFactor = av::kLargerTextFactor;
    /// Shares of the screen's width for the Input and Walkthrough docks while presenting;
    /// the attention view gets the rest. The walk shows up to three matrices side by side
    /// with their numbers, so it gets the most.
    static constexpr double kInputShare = 0.25;
    static constexpr double kWalkthroughShare = 0.48;
    /// Object names of the docks hidden while presenting.
    static QStringList hiddenDocks();

    /// document: plots created after an edit (a head added) get the scale and colour map
    /// too. May be null: then only the plots present when a setting changes get it.
    explicit Presentation(QMainWindow* window, Document* document = nullptr);
    ~Presentation() override;

    bool isActive() const { return m_active; }
    ColorMapKind colorMap() const { return m_colorMap; }

    /// "Present" (F5, checkable) and the colour-map actions, in menu order.
    QList<QAction*> actions() const;
    QAction* presentAction() const { return m_present; }
    /// Adds a separator, Present and a "Colour map" submenu to view.
    void addToMenu(QMenu* view);

    /// A window of its own beside the main one (the demonstrations), a child of it: while
    /// presenting it is shown full screen over the main window, its plots are scaled, Esc
    /// closes it (back to the main window) and F5 works in it too.
    void addWindow(QWidget* window);
    /// Shows a window given to addWindow(): full screen while presenting, as it was if not.
    void showWindow(QWidget* window);

public slots:
    void setActive(bool active);
    /// For every heatmap of the window, now and later; signed data stays diverging.
    void setColorMap(av::ColorMapKind kind);

signals:
    void activeChanged(bool active);
    void colorMapChanged(av::ColorMapKind kind);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// The plots' scale and colour map, and the larger text, where they differ from what
    /// they should be (after every edit: widgets come and go).
    void applyToWidgets();
    void arrangeDocks();

    QMainWindow* m_window;
    bool m_active = false;
    ColorMapKind m_colorMap = ColorMapKind::Viridis;
    QAction* m_present;
    QActionGroup* m_colorMaps;
    QShortcut* m_escape;
    QList<QWidget*> m_windows;   ///< from addWindow()
    QList<QShortcut*> m_closers; ///< Esc in each of m_windows
    /// Widgets with the property av_hideWhilePresenting (hints about the mouse), hidden.
    QList<QPointer<QWidget>> m_hiddenWidgets;

    // What presenting changed, to be put back exactly.
    QByteArray m_savedGeometry;
    QByteArray m_savedState;
    Qt::WindowStates m_savedWindowState;
    QFont m_savedFont;
    QPalette m_savedPalette;
};

} // namespace av

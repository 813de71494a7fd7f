#pragma once
// Presentation mode and the colour map of the window's heatmaps. Presenting: full screen,
// the application font ×kFontFactor, every plot's fonts and lines ×kPlotFontScale, a
// high-contrast palette, and only the panels a lesson needs (Input, the attention view,
// Pipeline, Walkthrough). Hidden: Weights (rows of small editable numbers, unreadable from
// the back of a room) and the bottom row, Positional encoding and Head summary, whose
// plots at projector font sizes would leave the attention view and the walk a quarter
// less height; View ▸ brings either back while presenting. Esc or F5 leaves and
// restores all of it exactly.

#include "colormaps.h"

#include <QByteArray>
#include <QFont>
#include <QList>
#include <QObject>
#include <QPalette>
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

public slots:
    void setActive(bool active);
    /// For every heatmap of the window, now and later; signed data stays diverging.
    void setColorMap(av::ColorMapKind kind);

signals:
    void activeChanged(bool active);

private:
    void applyToPlots();

    QMainWindow* m_window;
    bool m_active = false;
    ColorMapKind m_colorMap = ColorMapKind::Viridis;
    QAction* m_present;
    QActionGroup* m_colorMaps;
    QShortcut* m_escape;

    // What presenting changed, to be put back exactly.
    QByteArray m_savedGeometry;
    QByteArray m_savedState;
    Qt::WindowStates m_savedWindowState;
    QFont m_savedFont;
    QPalette m_savedPalette;
};

} // namespace av

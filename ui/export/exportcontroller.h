#pragma once
// Export from the window: File ▸ Export, each figure's context menu, Export all with a
// progress bar, the clipboard, and CSV of any matrix. The drawing is exporter.h's.

#include "exporter.h"

#include <QObject>
#include <functional>

class QWidget;

namespace av {

class Document;

class ExportController : public QObject
{
    Q_OBJECT

public:
    ExportController(Document* document, QWidget* window);

    /// Asks for a file (PNG, SVG or PDF by its extension) and the PNG options, then writes.
    void exportFigure(const QString& name);
    /// A figure only its view can draw (the picture view's): file(options) gives its bytes in
    /// options.format. Asked for and written as exportFigure(name) does; name is the suggestion.
    using FigureFile = std::function<QByteArray(const ExportOptions&)>;
    void exportFigure(const QString& name, const FigureFile& file);
    /// Asks for a folder and options, then writes every figure with a progress dialog.
    void exportAll();
    void copyFigure(const QString& name);
    void copyFigure(const FigureFile& file);
    void exportCsv(const attn::Matrix& values, const QStringList& rowLabels,
                   const QStringList& colLabels, const QString& suggestedName);

    /// Gives plotWidget a context menu: export the figure figureName() names, copy it,
    /// and export the numbers numbers() gives as CSV.
    struct Numbers
    {
        attn::Matrix values;
        QStringList rowLabels, colLabels;
        QString name;
    };
    void attachMenu(QWidget* plotWidget, std::function<QString()> figureName,
                    std::function<Numbers()> numbers = {});

    /// The colour map of every figure exported, copied or written from now on: the one
    /// View ▸ Colour map shows (the window connects it).
    void setColorMap(ColorMapKind kind) { m_colorMap = kind; }
    ColorMapKind colorMap() const { return m_colorMap; }

private:
    bool askOptions(ExportOptions& options, bool chooseFormat);
    /// The figure's file in options.format, of the model when it is one of the model's.
    QByteArray figureBytes(const QString& name, const ExportOptions& options) const;

    Document* m_document;
    QWidget* m_window;
    ExportOptions m_last; ///< the options chosen last, offered again
    ColorMapKind m_colorMap = ColorMapKind::Viridis;
};

} // namespace av

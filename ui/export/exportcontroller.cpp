#include "exportcontroller.h"

#include "document.h"
#include "figurecanvas.h"
#include "sessionfile.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSpinBox>

namespace av {

ExportController::ExportController(Document* document, QWidget* window)
    : QObject(window), m_document(document), m_window(window)
{}

bool ExportController::askOptions(ExportOptions& options, bool chooseFormat)
{
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Export options"));
    auto* format = new QComboBox;
    format->addItem(tr("PNG image"), "png");
    format->addItem(tr("SVG (vector)"), "svg");
    format->addItem(tr("PDF (vector)"), "pdf");
    format->setCurrentIndex(format->findData(options.format));
    auto* dpi = new QSpinBox;
    dpi->setRange(72, 600);
    dpi->setSuffix(tr(" dpi"));
    dpi->setValue(options.dpi);
    auto* width = new QDoubleSpinBox;
    width->setRange(0, 40);
    width->setDecimals(1);
    width->setSingleStep(0.5);
    width->setSuffix(tr(" in"));
    width->setSpecialValueText(tr("the figure's own"));
    width->setValue(options.widthInches);
    width->setToolTip(tr(
        "Width of the figure; the height keeps its proportions. Text keeps its size in points."));
    auto* transparent = new QCheckBox(tr("Transparent background"));
    transparent->setChecked(options.transparent);
    auto* form = new QFormLayout(&dialog);
    if (chooseFormat)
        form->addRow(tr("Format"), format);
    form->addRow(tr("Width"), width);
    form->addRow(tr("PNG resolution"), dpi);
    form->addRow(QString(), transparent);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    const auto enable = [&] {
        const bool png = !chooseFormat || format->currentData() == "png";
        dpi->setEnabled(png);
        transparent->setEnabled(png);
    };
    connect(format, &QComboBox::currentIndexChanged, &dialog, enable);
    enable();
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (chooseFormat)
        options.format = format->currentData().toString();
    options.dpi = dpi->value();
    options.widthInches = width->value();
    options.transparent = transparent->isChecked();
    return true;
}

void ExportController::exportFigure(const QString& name)
{
    exportFigure(name,
                 [this, name](const ExportOptions& options) { return figureBytes(name, options); });
}

void ExportController::exportFigure(const QString& name, const FigureFile& file)
{
    QString selected;
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export figure"), name + QStringLiteral(".png"),
        tr("PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)"), &selected);
    if (path.isEmpty())
        return;
    QString suffix = QFileInfo(path).suffix().toLower();
    if (!QStringList{"png", "svg", "pdf"}.contains(suffix)) {
        suffix = selected.contains("svg") ? "svg" : selected.contains("pdf") ? "pdf" : "png";
        path += QLatin1Char('.') + suffix;
    }
    ExportOptions options = m_last;
    options.format = suffix;
    options.colorMap = m_colorMap;
    if (suffix == QLatin1String("png") && !askOptions(options, false))
        return;
    m_last = options;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QByteArray bytes = file(options);
    const QString error = bytes.isEmpty() ? tr("%1: the figure could not be drawn").arg(path)
                                          : writeFileAtomically(path, bytes);
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty())
        QMessageBox::critical(m_window, tr("Export failed"), error);
}

void ExportController::exportAll()
{
    ExportOptions options = m_last;
    options.colorMap = m_colorMap;
    if (!askOptions(options, true))
        return;
    const QString dir = QFileDialog::getExistingDirectory(m_window, tr("Export all figures into"));
    if (dir.isEmpty())
        return;
    m_last = options;
    const bool model = m_document->hasModel();
    QProgressDialog progress(tr("Exporting figures…"), tr("Cancel"), 0, 1, m_window);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400); // shown only when it takes more than a moment
    const QString error = av::exportAll(
        m_document->session(), m_document->result(), dir, options,
        [&progress](int done, int total) {
            progress.setMaximum(total);
            progress.setValue(done);
            return !progress.wasCanceled();
        },
        model ? &m_document->model() : nullptr, model ? &m_document->modelResult() : nullptr);
    progress.reset();
    if (!error.isEmpty())
        QMessageBox::warning(m_window, tr("Export"), error);
}

QByteArray ExportController::figureBytes(const QString& name, const ExportOptions& options) const
{
    // The figures of a whole transformer are drawn from the model; the others from the
    // selected block's attention, which session() and result() are while a model is open.
    if (m_document->hasModel() && isModelFigure(name))
        return modelFigureFile(m_document->model(), m_document->modelResult(), name, options);
    return figureFile(m_document->session(), m_document->result(), name, options);
}

void ExportController::copyFigure(const QString& name)
{
    ExportOptions options;
    options.dpi = 144;
    options.colorMap = m_colorMap;
    const QImage image =
        m_document->hasModel() && isModelFigure(name)
            ? renderModelFigure(m_document->model(), m_document->modelResult(), name, options)
            : renderFigure(m_document->session(), m_document->result(), name, options);
    if (!image.isNull())
        QApplication::clipboard()->setImage(image);
}

void ExportController::copyFigure(const FigureFile& file)
{
    ExportOptions options;
    options.format = QStringLiteral("png");
    options.dpi = 144;
    options.colorMap = m_colorMap;
    const QImage image = QImage::fromData(file(options), "PNG");
    if (!image.isNull())
        QApplication::clipboard()->setImage(image);
}

void ExportController::exportCsv(const attn::Matrix& values, const QStringList& rowLabels,
                                 const QStringList& colLabels, const QString& suggestedName)
{
    QString path =
        QFileDialog::getSaveFileName(m_window, tr("Export numbers as CSV"),
                                     suggestedName + QStringLiteral(".csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString error = writeFileAtomically(path, matrixCsv(values, rowLabels, colLabels));
        !error.isEmpty())
        QMessageBox::critical(m_window, tr("Export failed"), error);
}

void ExportController::attachMenu(QWidget* plotWidget, std::function<QString()> figureName,
                                  std::function<Numbers()> numbers)
{
    // The right click lands on the plot inside the view widget.
    QWidget* target = FigureCanvas::mouseTarget(plotWidget);
    target->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(target, &QWidget::customContextMenuRequested, this, [=, this](const QPoint& pos) {
        QMenu menu;
        const QString name = figureName();
        menu.addAction(tr("Export figure…"), this, [=, this] { exportFigure(name); });
        menu.addAction(tr("Copy figure"), this, [=, this] { copyFigure(name); });
        if (numbers)
            menu.addAction(tr("Export numbers as CSV…"), this, [=, this] {
                const Numbers n = numbers();
                exportCsv(n.values, n.rowLabels, n.colLabels, n.name);
            });
        menu.addSeparator();
        menu.addAction(tr("Export all figures…"), this, &ExportController::exportAll);
        menu.exec(target->mapToGlobal(pos));
    });
}

} // namespace av

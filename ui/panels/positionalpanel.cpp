#include "positionalpanel.h"

#include "curveplot.h"
#include "document.h"
#include "exportcontroller.h"
#include "figures.h"
#include "heatmapplot.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace av {
namespace {

/// "7 8 9 10", "7-10" or "1, 3, 5": the dimensions to draw, as typed from 1; returned from 0.
/// Empty when nothing parses.
QVector<int> parseDimensions(const QString& text)
{
    QVector<int> dims;
    for (const QString& part :
         text.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts)) {
        const QStringList range = part.split(QLatin1Char('-'));
        bool ok1 = false, ok2 = false;
        const int a = range.value(0).toInt(&ok1);
        const int b = range.size() == 2 ? range[1].toInt(&ok2) : a;
        if (!ok1 || (range.size() == 2 && !ok2) || range.size() > 2)
            continue;
        for (int d = std::max(1, std::min(a, b)); d <= std::max(a, b) && dims.size() < 16; ++d)
            dims << d - 1;
    }
    return dims;
}

} // namespace

PositionalPanel::PositionalPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_positions(new QSpinBox), m_dimensions(new QLineEdit),
      m_curves(new CurvePlot), m_heatmap(new HeatmapPlot)
{
    m_positions->setRange(1, 2048);
    m_positions->setValue(100);
    m_positions->setToolTip(
        tr("How many positions the figures show (the sentence may have fewer)"));
    m_dimensions->setPlaceholderText(tr("e.g. 7-10 or 1 3 5"));
    m_dimensions->setToolTip(
        tr("Dimensions to draw, counted from 1: odd ones (1, 3, …) are sines, even ones cosines"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Positions")));
    bar->addWidget(m_positions);
    bar->addWidget(new QLabel(tr("Dimensions")));
    bar->addWidget(m_dimensions, 1);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_curves);
    split->addWidget(m_heatmap);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    connect(m_positions, &QSpinBox::valueChanged, this, &PositionalPanel::showDocument);
    connect(m_dimensions, &QLineEdit::textChanged, this, &PositionalPanel::showDocument);
    connect(m_document, &Document::changed, this, [this](Document::Changes changes) {
        if (Document::redraws(changes))
            showDocument();
    });
    showDocument();
}

void PositionalPanel::setExportController(ExportController* controller)
{
    controller->attachMenu(m_curves, [] { return QStringLiteral("positional-encoding-curves"); });
    controller->attachMenu(
        m_heatmap, [] { return QStringLiteral("positional-encoding-heatmap"); },
        [this] {
            const HeatmapData d =
                encodingHeatmapFigure(m_document->encodingPreview(m_positions->value()));
            return ExportController::Numbers{d.values, d.rowLabels, d.colLabels,
                                             QStringLiteral("positional-encoding")};
        });
}

void PositionalPanel::showDocument()
{
    const attn::Session& s = m_document->session();
    const attn::Matrix encoding = m_document->encodingPreview(m_positions->value());
    QVector<int> dims = parseDimensions(m_dimensions->text());
    if (dims.isEmpty())
        dims = defaultEncodingDimensions(s.dModel);
    const QString title = s.positional.kind == attn::PeKind::Learned
                              ? tr("Learned positional encoding, d_model = %1 (its first %2 rows)")
                                    .arg(s.dModel)
                                    .arg(encoding.rows())
                              : tr("Positional encoding, d_model = %1, base = %2")
                                    .arg(s.dModel)
                                    .arg(s.positional.base);
    m_curves->setData(title, encodingPositionAxisTitle(), tr("value"),
                      encodingCurves(encoding, dims, s.positional.kind != attn::PeKind::Learned));
    m_heatmap->setData(encodingHeatmapFigure(encoding));
}

} // namespace av

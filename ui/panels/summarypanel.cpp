#include "summarypanel.h"

#include "barplot.h"
#include "document.h"
#include "exportcontroller.h"
#include "figures.h"

#include <QVBoxLayout>

namespace av {

SummaryPanel::SummaryPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_chart(new BarPlot)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_chart);
    m_chart->setToolTip(
        tr("Entropy: 0 when a query looks at one key, ln n when it spreads evenly.\n"
           "Distance: how many positions away a query looks, on average."));
    connect(m_document, &Document::changed, this, [this](Document::Changes changes) {
        if (Document::redraws(changes))
            showDocument();
    });
    showDocument();
}

void SummaryPanel::setExportController(ExportController* controller)
{
    controller->attachMenu(m_chart, [this] {
        return m_document->hasModel()
                   ? QStringLiteral("head-summary-layer-%1").arg(m_document->block() + 1)
                   : QStringLiteral("head-summary");
    });
}

void SummaryPanel::showDocument()
{
    SummaryFigure figure = summaryFigure(m_document->session(), m_document->result());
    if (m_document->hasModel())
        figure.title = tr("Block %1 · %2").arg(m_document->block() + 1).arg(figure.title);
    m_chart->setData(figure.title, figure.categories, figure.series);
}

} // namespace av

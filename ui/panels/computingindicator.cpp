#include "computingindicator.h"

#include "document.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>

namespace av {

ComputingIndicator::ComputingIndicator(Document* document, QWidget* parent)
    : QWidget(parent), m_delay(new QTimer(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("Computing…"), this);
    auto* bar = new QProgressBar(this);
    bar->setRange(0, 0); // busy: a pass has no meaningful percentage
    bar->setMaximumWidth(120);
    bar->setMaximumHeight(label->sizeHint().height());
    layout->addWidget(label);
    layout->addWidget(bar);
    setToolTip(tr("The views show the previous numbers until the new pass is computed."));
    hide();
    m_delay->setSingleShot(true);
    m_delay->setInterval(kDelayMs);
    connect(m_delay, &QTimer::timeout, this, &QWidget::show);
    connect(document, &Document::computingChanged, this, &ComputingIndicator::computingChanged);
}

void ComputingIndicator::computingChanged(bool computing)
{
    if (computing) {
        m_delay->start();
    } else {
        m_delay->stop();
        hide();
    }
}

} // namespace av

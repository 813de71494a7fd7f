#include "computeddemo.h"

#include "demopass.h"
#include "document.h"

namespace av {

ComputedDemo::ComputedDemo(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_pass(new DemoPass(document, this))
{}

void ComputedDemo::followDocument()
{
    connect(m_document, &Document::changed, this, [this](Document::Changes changes) {
        if (Document::redraws(changes))
            request();
    });
    connect(m_pass, &DemoPass::ready, this, &ComputedDemo::showResult);
    request();
}

void ComputedDemo::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_pass->setActive(true);
}

void ComputedDemo::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_pass->setActive(false);
}

} // namespace av

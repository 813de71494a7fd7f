#include "modelpanel.h"

#include "document.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace av {

ModelPanel::ModelPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_stack(new QStackedWidget), m_hint(new QLabel),
      m_layout(new QVBoxLayout(this))
{
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setMargin(16);
    m_stack->addWidget(m_hint);
    m_layout->setContentsMargins(4, 4, 4, 4);
    m_layout->addWidget(m_stack, 1);
    connect(m_document, &Document::changed, this, [this](Document::Changes changes) {
        if (!Document::redraws(changes))
            return;
        m_stale = true;
        if (isVisible())
            refresh();
    });
}

bool ModelPanel::showsHint() const
{
    return m_stack->currentWidget() == m_hint;
}

void ModelPanel::setPage(QWidget* page, QLayout* above)
{
    m_page = page;
    m_stack->addWidget(page);
    if (above)
        m_layout->insertLayout(0, above);
}

void ModelPanel::showHint(const QString& text)
{
    m_hint->setText(text);
    m_stack->setCurrentWidget(m_hint);
}

void ModelPanel::showPage()
{
    if (m_page)
        m_stack->setCurrentWidget(m_page);
}

void ModelPanel::refresh()
{
    m_stale = false;
    showDocument();
}

void ModelPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

} // namespace av

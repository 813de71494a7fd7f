#include "imagepanel.h"

#include "document.h"
#include "imageattentionview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace av {

ImagePanel::ImagePanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_head(new QSpinBox), m_stack(new QStackedWidget),
      m_hint(new QLabel), m_view(new ImageAttentionView)
{
    m_head->setPrefix(tr("Head "));
    m_head->setRange(1, 1);
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setText(tr("File ▸ Open Image… makes a session whose tokens are an image's patches; "
                       "this view then shows the image, and a click on a patch its attention."));
    m_stack->addWidget(m_hint);
    m_stack->addWidget(m_view);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_head);
    bar->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    connect(m_head, &QSpinBox::valueChanged, this, &ImagePanel::showDocument);
    connect(m_view, &ImageAttentionView::patchClicked, this, [this](int patch) {
        m_query = patch;
        showDocument();
    });
    connect(m_document, &Document::changed, this, &ImagePanel::showDocument);
    showDocument();
}

void ImagePanel::setImage(ImageSession image, int query)
{
    m_query = query >= 0 ? query : image.tokens.middle();
    m_image = std::make_shared<const ImageSession>(std::move(image));
    showDocument();
}

bool ImagePanel::hasImage() const
{
    return m_image && !m_document->hasModel() &&
           m_document->session().tokens == m_image->tokens.tokens;
}

void ImagePanel::showDocument()
{
    // Editing the tokens (or opening another session) leaves the image behind.
    if (!hasImage()) {
        m_stack->setCurrentWidget(m_hint);
        m_head->setEnabled(false);
        return;
    }
    const attn::Session& s = m_document->session();
    m_head->setEnabled(true);
    m_head->setRange(1, std::max(1, s.heads));
    ImageAttentionFigure f =
        imageAttentionFigure(s, m_document->result(), m_image->image, m_image->tokens, m_query);
    const int h = m_head->value() - 1;
    if (h < f.weights.size()) { // the chosen head alone, as large as the view
        f.weights = {f.weights[h]};
        f.headTitles = {f.headTitles[h]};
    }
    m_view->setData(std::move(f));
    m_stack->setCurrentWidget(m_view);
}

} // namespace av

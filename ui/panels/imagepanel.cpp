#include "imagepanel.h"

#include "document.h"
#include "exportcontroller.h"
#include "imageattentionview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
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
    connect(m_document, &Document::changed, this, [this](Document::Changes changes) {
        if (Document::redraws(changes))
            showDocument();
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu popup;
        fillMenu(&popup);
        if (!popup.isEmpty())
            popup.exec(m_view->mapToGlobal(pos));
    });
    showDocument();
}

void ImagePanel::setExportController(ExportController* controller)
{
    m_export = controller;
}

ImageAttentionFigure ImagePanel::figure(bool everyHead) const
{
    ImageAttentionFigure f = imageAttentionFigure(m_document->session(), m_document->result(),
                                                  m_image->image, m_image->tokens, m_query);
    const int h = m_head->value() - 1;
    if (!everyHead && h < f.weights.size()) {
        f.weights = {f.weights[h]};
        f.headTitles = {f.headTitles[h]};
    }
    return f;
}

QString ImagePanel::figureName(bool everyHead) const
{
    return everyHead ? QStringLiteral("image-attention")
                     : QStringLiteral("image-attention-head-%1").arg(m_head->value());
}

void ImagePanel::fillMenu(QMenu* menu)
{
    if (!m_export || !hasImage())
        return;
    for (const bool every : {false, true}) {
        // Drawn when chosen, from the pass and head of that moment.
        const auto file = [this, every](const ExportOptions& options) {
            return imageAttentionFile(figure(every), options);
        };
        menu->addAction(every ? tr("Export every head's picture…") : tr("Export this picture…"),
                        m_export,
                        [this, every, file] { m_export->exportFigure(figureName(every), file); });
        menu->addAction(every ? tr("Copy every head's picture") : tr("Copy this picture"), m_export,
                        [this, file] { m_export->copyFigure(file); });
    }
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
    m_head->setEnabled(true);
    m_head->setRange(1, std::max(1, m_document->session().heads));
    m_view->setData(figure(false)); // the chosen head alone, as large as the view
    m_stack->setCurrentWidget(m_view);
}

} // namespace av

#include "inputpanel.h"

#include "document.h"
#include "kindcombo.h"
#include "modeloptionsbox.h"
#include "names.h"
#include "sessionfile.h"
#include "sessionio.h"
#include "spingesture.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace av {
namespace {

QString sentenceOf(const attn::Session& s)
{
    return tokenLabels(s).join(QLatin1Char(' '));
}

} // namespace

InputPanel::InputPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_lessons(new QComboBox), m_sentence(new QLineEdit),
      m_tokenList(new QListWidget), m_dModel(new QSpinBox), m_heads(new QSpinBox),
      m_seed(new QSpinBox), m_pe(new QComboBox), m_peBase(new QDoubleSpinBox),
      m_score(new QComboBox), m_temperature(new QDoubleSpinBox), m_mask(new QComboBox),
      m_radius(new QSpinBox), m_normalizer(new QComboBox), m_tokenCount(new QLabel),
      m_problem(new QLabel)
{
    for (const QString& path : lessonPaths()) {
        QString title = QFileInfo(path).completeBaseName();
        try {
            title = QString::fromStdString(sessionTitle(readAnySessionFile(path)));
        } catch (...) {
        }
        m_lessons->addItem(title, path);
    }
    // The combo boxes may be narrower than their longest entry (the lesson titles, the
    // score names): the dock stays usable at presentation font sizes on a 1080p screen.
    for (QComboBox* box : {m_lessons, m_pe, m_score, m_mask, m_normalizer}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
    }
    m_lessons->setPlaceholderText(tr("Choose a lesson…"));
    m_sentence->setPlaceholderText(tr("Type a sentence; tokens are split on spaces"));
    m_sentence->setClearButtonEnabled(true);
    m_tokenList->setFlow(QListView::LeftToRight);
    m_tokenList->setWrapping(true);
    m_tokenList->setMaximumHeight(84);
    m_tokenList->setSpacing(2);
    m_tokenList->setSelectionMode(QAbstractItemView::NoSelection);
    m_tokenList->setFocusPolicy(Qt::NoFocus);
    m_tokenList->setStyleSheet(QStringLiteral("QListWidget::item { border: 1px solid palette(mid); "
                                              "border-radius: 4px; padding: 1px 5px; }"));
    m_tokenList->setToolTip(tr("The tokens, in order; each becomes one row of X"));
    m_dModel->setRange(1, attn::kMaxDModel);
    m_heads->setRange(1, attn::kMaxDModel);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_dModel->setKeyboardTracking(false);
    m_heads->setKeyboardTracking(false);
    m_seed->setKeyboardTracking(false);
    m_dModel->setToolTip(tr("Width of each embedding; must be divisible by the number of heads"));
    m_heads->setToolTip(tr("Number of heads; each has width d_k = d_model / heads"));
    m_seed->setToolTip(
        tr("Seed for the derived embeddings and weights; changing it derives them again"));
    fillKinds(m_pe, {attn::PeKind::None, attn::PeKind::Sinusoidal, attn::PeKind::Learned});
    m_peBase->setRange(1.0001, 1e9);
    m_peBase->setDecimals(1);
    m_peBase->setKeyboardTracking(false);
    fillKinds(m_score, {attn::ScoreKind::ScaledDot, attn::ScoreKind::Dot, attn::ScoreKind::Cosine,
                        attn::ScoreKind::Additive});
    m_temperature->setRange(0.01, 100);
    m_temperature->setDecimals(3);
    m_temperature->setSingleStep(0.05);
    m_temperature->setKeyboardTracking(false);
    m_temperature->setToolTip(
        tr("S = score / temperature: below 1 sharpens the weights, above 1 flattens them"));
    fillKinds(m_mask, {attn::MaskKind::None, attn::MaskKind::Causal, attn::MaskKind::Window,
                       attn::MaskKind::CausalWindow, attn::MaskKind::Custom});
    m_mask->setToolTip(tr("Custom: click cells of the attention heatmap to allow or block them"));
    m_radius->setRange(0, attn::kMaxTokens);
    m_radius->setKeyboardTracking(false);
    m_radius->setToolTip(tr("Window radius r: query i sees keys j with |i − j| ≤ r"));
    fillKinds(m_normalizer, {attn::NormalizerKind::Softmax, attn::NormalizerKind::Relu});
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Lesson"), m_lessons);
    form->addRow(tr("Sentence"), m_sentence);
    form->addRow(tr("Tokens"), m_tokenList);
    form->addRow(QString(), m_tokenCount);
    form->addRow(tr("d_model"), m_dModel);
    form->addRow(tr("Heads"), m_heads);
    form->addRow(tr("Seed"), m_seed);
    auto* peRow = new QHBoxLayout;
    peRow->addWidget(m_pe, 1);
    peRow->addWidget(new QLabel(tr("base")));
    peRow->addWidget(m_peBase);
    form->addRow(tr("Positions"), peRow);
    form->addRow(tr("Score"), m_score);
    form->addRow(tr("Temperature"), m_temperature);
    auto* maskRow = new QHBoxLayout;
    maskRow->addWidget(m_mask, 1);
    maskRow->addWidget(new QLabel(tr("r")));
    maskRow->addWidget(m_radius);
    form->addRow(tr("Mask"), maskRow);
    form->addRow(tr("Normalizer"), m_normalizer);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new ModelOptionsBox(document));
    layout->addWidget(m_problem);
    layout->addStretch();

    connect(m_lessons, &QComboBox::activated, this,
            [this](int index) { emit lessonRequested(m_lessons->itemData(index).toString()); });
    connect(m_sentence, &QLineEdit::textEdited, this, &InputPanel::sentenceEdited);
    connect(m_sentence, &QLineEdit::editingFinished, this, [this] { m_typingGesture = 0; });
    // Each spin box's held arrow, wheel burst or typed number is one undo step.
    const auto newGestureId = [document] { return document->newGestureId(); };
    auto* dModelGesture = new SpinGesture(m_dModel, newGestureId);
    auto* headsGesture = new SpinGesture(m_heads, newGestureId);
    auto* seedGesture = new SpinGesture(m_seed, newGestureId);
    auto* peBaseGesture = new SpinGesture(m_peBase, newGestureId);
    auto* temperatureGesture = new SpinGesture(m_temperature, newGestureId);
    auto* radiusGesture = new SpinGesture(m_radius, newGestureId);
    // A refused size is explained, and the box goes back to the size in use.
    connect(m_dModel, &QSpinBox::valueChanged, this, [this, dModelGesture](int value) {
        if (m_updating)
            return;
        showProblem(m_document->setDModel(value, dModelGesture->id()));
        showDocument();
    });
    connect(m_heads, &QSpinBox::valueChanged, this, [this, headsGesture](int value) {
        if (m_updating)
            return;
        showProblem(m_document->setHeads(value, headsGesture->id()));
        showDocument();
    });
    connect(m_seed, &QSpinBox::valueChanged, this, [this, seedGesture](int value) {
        if (!m_updating)
            m_document->setSeed(static_cast<std::uint64_t>(value), seedGesture->id());
    });
    connect(m_pe, &QComboBox::activated, this,
            [this] { m_document->setPositional(currentKind<attn::PeKind>(m_pe)); });
    connect(m_peBase, &QDoubleSpinBox::valueChanged, this, [this, peBaseGesture](double value) {
        if (!m_updating)
            m_document->setPositionalBase(value, peBaseGesture->id());
    });
    connect(m_score, &QComboBox::activated, this,
            [this] { m_document->setScore(currentKind<attn::ScoreKind>(m_score)); });
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this,
            [this, temperatureGesture](double value) {
                if (!m_updating)
                    m_document->setTemperature(value, temperatureGesture->id());
            });
    connect(m_mask, &QComboBox::activated, this,
            [this] { m_document->setMaskKind(currentKind<attn::MaskKind>(m_mask)); });
    connect(m_radius, &QSpinBox::valueChanged, this, [this, radiusGesture](int value) {
        if (!m_updating)
            m_document->setMaskRadius(value, radiusGesture->id());
    });
    connect(m_normalizer, &QComboBox::activated, this,
            [this] { m_document->setNormalizer(currentKind<attn::NormalizerKind>(m_normalizer)); });
    // An edit the open model cannot take (a word not in its vocabulary) says why.
    connect(m_document, &Document::refused, this, &InputPanel::showProblem);
    // The settings are the latest edits even while their pass still computes.
    connect(m_document, &Document::edited, this, &InputPanel::showDocument);
    showDocument();
}

void InputPanel::sentenceEdited(const QString& text)
{
    // One undo step per stretch of typing: the gesture ends when the field is left.
    if (!m_typingGesture)
        m_typingGesture = m_document->newGestureId();
    if (m_document->hasModelFolder()) {
        const bool whole = m_document->setText(text, m_typingGesture);
        if (!whole)
            showProblem(tr("The model reads at most %1 tokens: the rest of the text is left out.")
                            .arg(m_document->maxTokens()));
        else if (m_document->latestSession().n() > 0)
            showProblem(QString());
        return;
    }
    m_document->setTokens(attn::splitTokens(text.toStdString()), m_typingGesture);
    const int n = m_document->latestSession().n();
    showProblem(n == 0 ? tr("No tokens: type a sentence to see its attention.")
                : attn::splitTokens(text.toStdString()).size() > static_cast<std::size_t>(n)
                    ? tr("Only the first %1 tokens are used.").arg(n)
                    : QString());
}

void InputPanel::showProblem(const QString& message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void InputPanel::showDocument()
{
    const attn::Session& s = m_document->latestSession();
    m_updating = true;
    // Typing must not be disturbed: the field is only rewritten when its tokens differ.
    const bool folder = m_document->hasModelFolder();
    if (folder) {
        const QString text = QString::fromStdString(m_document->model().text);
        if (m_sentence->text() != text)
            m_sentence->setText(text);
    } else if (attn::splitTokens(m_sentence->text().toStdString()) != s.tokens) {
        m_sentence->setText(sentenceOf(s));
    }
    m_sentence->setPlaceholderText(folder ? tr("Type a text; GPT-2's tokeniser splits it")
                                             : tr("Type a sentence; tokens are split on spaces"));
    // GPT-2's tokens: how many of the model's positions the text takes.
    m_tokenCount->setVisible(folder);
    if (folder)
        m_tokenCount->setText(tr("%1 tokens of at most %2 (GPT-2's tokeniser; ␣ is a space)")
                                  .arg(s.n())
                                  .arg(m_document->maxTokens()));
    const QStringList labels = tokenLabels(s);
    m_tokenList->clear();
    // Long sentences list the first tokens only: the list is a reminder, not an editor.
    for (int i = 0; i < std::min<int>(labels.size(), 200); ++i) {
        auto* item = new QListWidgetItem(labels[i], m_tokenList);
        item->setToolTip(tr("Token %1: row %1 of X").arg(i + 1));
    }
    // The lesson box names the lesson the session came from, if any.
    m_lessons->setCurrentIndex(m_lessons->findText(QString::fromStdString(s.title)));
    // A whole transformer's sizes and seed are its weights': set on the command line.
    for (QSpinBox* box : {m_dModel, m_heads, m_seed})
        box->setEnabled(!m_document->hasModel());
    m_dModel->setValue(s.dModel);
    m_dModel->setSingleStep(s.heads); // the arrows step through sizes the heads divide
    m_heads->setValue(s.heads);
    m_seed->setValue(
        static_cast<int>(std::min<std::uint64_t>(s.seed, std::numeric_limits<int>::max())));
    selectKind(m_pe, s.positional.kind);
    m_peBase->setValue(s.positional.base);
    m_peBase->setEnabled(s.positional.kind == attn::PeKind::Sinusoidal);
    selectKind(m_score, s.score);
    m_temperature->setValue(s.temperature);
    selectKind(m_mask, s.mask.kind);
    m_radius->setValue(s.mask.radius);
    m_radius->setEnabled(s.mask.kind == attn::MaskKind::Window ||
                         s.mask.kind == attn::MaskKind::CausalWindow);
    selectKind(m_normalizer, s.normalizer);
    // A GPT-2 folder fixes how it computes; its session records only text, ablations and
    // weight edits.
    for (QWidget* box : std::initializer_list<QWidget*>{m_pe, m_score, m_temperature, m_mask,
                                                        m_normalizer})
        box->setEnabled(!folder);
    if (folder)
        for (QWidget* box : std::initializer_list<QWidget*>{m_peBase, m_radius})
            box->setEnabled(false);
    m_updating = false;
    if (s.n() == 0)
        showProblem(tr("No tokens: type a sentence to see its attention."));
}

} // namespace av

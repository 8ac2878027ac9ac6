#include "panels/prompts_panel.h"

#include "clip/backbone_info.h"
#include "studio/studio_session.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSaveFile>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace vaclip::studio {

namespace {
// Re-score once typing pauses this long. Short: a re-scoring to plot takes ~40 ms on a 4,000-frame
// test set (bench/bench_rescore) and the engine coalesces requests, so keystroke to plot stays
// under 100 ms; 120 ms made it 167 ms.
constexpr int kDebounceMs = 40;
constexpr int kMaxTokens = vaclip::clip::kContextLength - 2;

QToolButton* toolButton(const QString& icon, const QString& tip, QWidget* parent)
{
    auto* b = new QToolButton(parent);
    b->setIcon(QIcon(icon));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}
} // namespace

PromptsPanel::PromptsPanel(StudioSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_edit(new QLineEdit(this)), m_note(new QLabel(this)),
      m_list(new QListWidget(this)), m_status(new QLabel(this)), m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("promptsPanel"));
    m_edit->setObjectName(QStringLiteral("promptEdit"));
    m_edit->setPlaceholderText(tr("Type a prompt, e.g. \"a person riding a bicycle\""));
    m_edit->setClearButtonEnabled(true);
    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("promptNote"));
    m_note->hide();
    m_list->setObjectName(QStringLiteral("promptList"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_status->setObjectName(QStringLiteral("promptStatus"));
    m_status->setWordWrap(true);

    auto* add = toolButton(QStringLiteral(":/icons/add.svg"), tr("Add the typed prompt (Enter)"), this);
    auto* remove = toolButton(QStringLiteral(":/icons/remove.svg"), tr("Remove the selected prompts (Delete)"), this);
    auto* save = toolButton(QStringLiteral(":/icons/save.svg"), tr("Save the prompt set..."), this);
    auto* load = toolButton(QStringLiteral(":/icons/open.svg"), tr("Load a prompt set..."), this);
    auto* top = new QHBoxLayout;
    top->addWidget(m_edit, 1);
    top->addWidget(add);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(load);
    buttons->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_note);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, [this] { m_session->setPrompts(activePrompts()); });
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        refreshFlags();
        scheduleRescore();
    });
    connect(m_edit, &QLineEdit::returnPressed, this, &PromptsPanel::addTypedPrompt);
    connect(add, &QToolButton::clicked, this, &PromptsPanel::addTypedPrompt);
    connect(remove, &QToolButton::clicked, this, &PromptsPanel::removeSelected);
    connect(save, &QToolButton::clicked, this, &PromptsPanel::savePromptSetAs);
    connect(load, &QToolButton::clicked, this, &PromptsPanel::loadPromptSetFrom);
    auto* del = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &PromptsPanel::removeSelected);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (m_updating)
            return;
        refreshItem(item);
        scheduleRescore();
    });

    connect(session, &StudioSession::configChanged, this, [this] {
        setListPrompts(m_session->prompts());
        loadTokenizer();
    });
    connect(session, &StudioSession::loadingStarted, this, [this] { m_status->setText(tr("Loading the test set...")); });
    connect(session, &StudioSession::loadFailed, this, [this](const QString& m) { m_status->setText(tr("Not loaded: %1").arg(m)); });
    connect(session, &StudioSession::scoresChanged, this, [this](ScoreUpdatePtr u) {
        const int frames = int(u->scores.scores.size());
        m_status->setText(tr("%1 scored over %2 in %3 ms (evaluated in %4 ms)")
                              .arg(tr("%n prompt(s)", nullptr, int(u->prompts.size())),
                                   tr("%Ln frame(s)", nullptr, frames),
                                   QLocale().toString(u->rescoreMs, 'f', 1), QLocale().toString(u->evaluateMs, 'f', 1)));
    });
    connect(&m_tokenizerWatcher, &QFutureWatcher<std::shared_ptr<vaclip::clip::Tokenizer>>::finished, this, [this] {
        auto tok = m_tokenizerWatcher.result();
        if (tok)
            m_tokenizer = *tok;
        refreshFlags();
        emit tokenizerLoaded();
    });
    if (session->hasConfig()) {
        setListPrompts(session->prompts());
        loadTokenizer();
    }
}

PromptsPanel::~PromptsPanel()
{
    m_tokenizerWatcher.waitForFinished();
}

void PromptsPanel::loadTokenizer()
{
    const QString path = QString::fromStdString(m_session->config().backbone.path);
    if (path == m_tokenizerFor || path.isEmpty())
        return;
    m_tokenizerFor = path;
    m_tokenizer.reset();
    m_tokenizerWatcher.setFuture(QtConcurrent::run([p = path.toStdString()]() -> std::shared_ptr<vaclip::clip::Tokenizer> {
        try {
            return std::make_shared<vaclip::clip::Tokenizer>(vaclip::clip::loadTokenizerFor(p));
        } catch (const std::exception&) {
            return nullptr;  // no flags without a vocabulary; scoring reports the real problem
        }
    }));
}

QStringList PromptsPanel::listPrompts() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

QStringList PromptsPanel::activePrompts() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem* it = m_list->item(i);
        if (it->checkState() == Qt::Checked && !it->text().trimmed().isEmpty())
            out << it->text().trimmed();
    }
    const QString typed = m_edit->text().trimmed();
    if (!typed.isEmpty() && !out.contains(typed))
        out << typed;
    return out;
}

void PromptsPanel::setListPrompts(const QStringList& prompts)
{
    m_updating = true;
    m_list->clear();
    for (const QString& p : prompts) {
        auto* it = new QListWidgetItem(p, m_list);
        it->setFlags(it->flags() | Qt::ItemIsEditable | Qt::ItemIsUserCheckable);
        it->setCheckState(Qt::Checked);
        refreshItem(it);
    }
    m_updating = false;
}

QVector<QPair<QString, bool>> PromptsPanel::promptEntries() const
{
    QVector<QPair<QString, bool>> out;
    for (int i = 0; i < m_list->count(); ++i)
        out.append({m_list->item(i)->text(), m_list->item(i)->checkState() == Qt::Checked});
    return out;
}

void PromptsPanel::setPromptEntries(const QVector<QPair<QString, bool>>& entries)
{
    m_updating = true;
    m_list->clear();
    for (const auto& [text, enabled] : entries) {
        auto* it = new QListWidgetItem(text, m_list);
        it->setFlags(it->flags() | Qt::ItemIsEditable | Qt::ItemIsUserCheckable);
        it->setCheckState(enabled ? Qt::Checked : Qt::Unchecked);
        refreshItem(it);
    }
    m_updating = false;
    scheduleRescore();
}

void PromptsPanel::setPromptText(const QString& text)
{
    m_edit->setText(text);
}

QString PromptsPanel::issuesOf(const QString& prompt) const
{
    if (!m_tokenizer || prompt.trimmed().isEmpty())
        return {};
    QStringList issues;
    const std::string text = prompt.toStdString();
    const vaclip::clip::TokenizeResult r = m_tokenizer->tokenize(text);
    if (r.truncated)
        issues << tr("too long: %1 tokens, CLIP reads the first %2 (the last %n are ignored)", nullptr, int(r.droppedTokens))
                      .arg(r.tokenCount).arg(kMaxTokens);
    QStringList unknown;
    for (const std::string& w : m_tokenizer->unknownWords(text))
        unknown << QString::fromStdString(w);
    if (!unknown.isEmpty())
        issues << tr("not in CLIP's vocabulary as whole words (spelled out in pieces): %1")
                      .arg(unknown.join(QStringLiteral(", ")));
    return issues.join(QStringLiteral("; "));
}

void PromptsPanel::refreshItem(QListWidgetItem* item)
{
    const QString issues = issuesOf(item->text());
    const bool was = m_updating;
    m_updating = true;
    item->setIcon(issues.isEmpty() ? QIcon() : QIcon(QStringLiteral(":/icons/warning.svg")));
    item->setToolTip(issues);
    m_updating = was;
}

void PromptsPanel::refreshFlags()
{
    const QString issues = issuesOf(m_edit->text());
    m_note->setText(issues.isEmpty() ? QString() : tr("\u26A0 %1").arg(issues));
    m_note->setVisible(!issues.isEmpty());
    for (int i = 0; i < m_list->count(); ++i)
        refreshItem(m_list->item(i));
}

void PromptsPanel::scheduleRescore()
{
    m_debounce->start();
}

void PromptsPanel::addTypedPrompt()
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty())
        return;
    if (!listPrompts().contains(text)) {
        m_updating = true;
        auto* it = new QListWidgetItem(text, m_list);
        it->setFlags(it->flags() | Qt::ItemIsEditable | Qt::ItemIsUserCheckable);
        it->setCheckState(Qt::Checked);
        refreshItem(it);
        m_updating = false;
    }
    m_edit->clear();
    scheduleRescore();
}

void PromptsPanel::removeSelected()
{
    const auto selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    for (QListWidgetItem* it : selected)
        delete it;
    scheduleRescore();
}

bool PromptsPanel::savePromptSet(const QString& path, QString* error) const
{
    QJsonArray prompts;
    for (int i = 0; i < m_list->count(); ++i)
        prompts.append(QJsonObject{{QStringLiteral("text"), m_list->item(i)->text()},
                                   {QStringLiteral("enabled"), m_list->item(i)->checkState() == Qt::Checked}});
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("vaclip-prompt-set")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("prompts"), prompts}};
    QSaveFile f(path);  // temporary file + rename
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(root).toJson()) < 0 || !f.commit()) {
        if (error)
            *error = tr("'%1': cannot write the prompt set: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

bool PromptsPanel::loadPromptSet(const QString& path, QString* error)
{
    QFile f(path);
    auto fail = [&](const QString& why) {
        if (error)
            *error = tr("'%1': %2").arg(path, why);
        return false;
    };
    if (!f.open(QIODevice::ReadOnly))
        return fail(f.errorString());
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (doc.isNull())
        return fail(tr("not JSON (%1 at byte %2)").arg(pe.errorString()).arg(pe.offset));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QStringLiteral("vaclip-prompt-set"))
        return fail(tr("not a prompt set (\"format\" is not \"vaclip-prompt-set\")"));
    const QJsonArray prompts = root.value(QStringLiteral("prompts")).toArray();
    m_updating = true;
    m_list->clear();
    for (const QJsonValue& v : prompts) {
        const QString text = v.toObject().value(QStringLiteral("text")).toString().trimmed();
        if (text.isEmpty())
            continue;
        auto* it = new QListWidgetItem(text, m_list);
        it->setFlags(it->flags() | Qt::ItemIsEditable | Qt::ItemIsUserCheckable);
        it->setCheckState(v.toObject().value(QStringLiteral("enabled")).toBool(true) ? Qt::Checked : Qt::Unchecked);
        refreshItem(it);
    }
    m_updating = false;
    scheduleRescore();
    return true;
}

void PromptsPanel::savePromptSetAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save prompt set"), QString(), tr("Prompt sets (*.json)"));
    QString error;
    if (!path.isEmpty() && !savePromptSet(path, &error))
        QMessageBox::warning(this, tr("Save prompt set"), error);
}

void PromptsPanel::loadPromptSetFrom()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load prompt set"), QString(), tr("Prompt sets (*.json)"));
    QString error;
    if (!path.isEmpty() && !loadPromptSet(path, &error))
        QMessageBox::warning(this, tr("Load prompt set"), error);
}

} // namespace vaclip::studio

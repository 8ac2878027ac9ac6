#pragma once
// The prompts panel: the semantic prompts the test set is scored against. A line at the top
// ("type a prompt") is scored live with the enabled prompts while the user types (debounced);
// Enter adds it to the list. List items can be enabled (check box), edited (double click or F2)
// and removed (Delete). Words CLIP's vocabulary does not hold whole, and prompts longer than the
// 77-token context, are flagged inline (warning icon, tooltip, and a note under the line edit).
// Prompt sets are saved and loaded as JSON ({"format": "vaclip-prompt-set", "prompts": [...]}).
//
//   PromptsPanel panel(&session);      // session: studio/studio_session.h
//   panel.setPromptText("a person riding a bicycle");   // as if typed
//   panel.savePromptSet("prompts.json");
//
// Re-scoring runs on the session's engine thread (ScoringEngine), never here; the tokenizer used
// for the flags is loaded on a worker when the backbone changes. Thread affinity: GUI thread.

#include "clip/tokenizer.h"

#include <QFutureWatcher>
#include <QPair>
#include <QVector>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTimer;

namespace vaclip::studio {

class StudioSession;

class PromptsPanel : public QWidget {
    Q_OBJECT
public:
    explicit PromptsPanel(StudioSession* session, QWidget* parent = nullptr);
    ~PromptsPanel() override;

    /// The enabled list prompts plus the typed one (when not empty), in order.
    QStringList activePrompts() const;
    QStringList listPrompts() const;
    void setListPrompts(const QStringList& prompts);
    /// The list with each prompt's check box (enabled), in order; for workspaces.
    QVector<QPair<QString, bool>> promptEntries() const;
    /// Replaces the list (texts and check boxes) and re-scores with the enabled ones.
    void setPromptEntries(const QVector<QPair<QString, bool>>& entries);
    void setPromptText(const QString& text);
    QLineEdit* promptEdit() const { return m_edit; }
    QListWidget* list() const { return m_list; }
    /// Flags of one prompt ("" = fine). Uses the backbone's tokenizer once loaded.
    QString issuesOf(const QString& prompt) const;
    bool tokenizerReady() const { return m_tokenizer.has_value(); }

    bool savePromptSet(const QString& path, QString* error = nullptr) const;
    bool loadPromptSet(const QString& path, QString* error = nullptr);

public slots:
    void addTypedPrompt();
    void removeSelected();
    void savePromptSetAs();
    void loadPromptSetFrom();

signals:
    void tokenizerLoaded();

private:
    void scheduleRescore();
    void refreshFlags();
    void refreshItem(QListWidgetItem* item);
    void loadTokenizer();

    StudioSession* m_session;
    QLineEdit* m_edit;
    QLabel* m_note;
    QListWidget* m_list;
    QLabel* m_status;
    QTimer* m_debounce;
    std::optional<vaclip::clip::Tokenizer> m_tokenizer;
    QString m_tokenizerFor;
    QFutureWatcher<std::shared_ptr<vaclip::clip::Tokenizer>> m_tokenizerWatcher;
    bool m_updating = false;
};

} // namespace vaclip::studio

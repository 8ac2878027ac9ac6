#pragma once
// The backbone chooser: pick CLIP weights (OpenAI .pt, safetensors, or a Hugging Face folder),
// load them on a worker (a BackboneInfoJob on the session's queue) and show what was loaded:
// format, architecture, embedding and vision/text dimensions, parameters, tokenizer and the
// backbone id that keys the feature cache. "Use for the session" switches the configuration's
// backbone (its features must be extracted for it).
//
//   BackbonePanel panel(&session);      // shows the configuration's backbone
//   panel.describe("/models/ViT-B-16.pt");
//
// Thread affinity: GUI thread.

#include "jobs/engine_jobs.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vaclip::studio {

class StudioSession;

class BackbonePanel : public QWidget {
    Q_OBJECT
public:
    explicit BackbonePanel(StudioSession* session, QWidget* parent = nullptr);

    void describe(const QString& path);
    /// The last description (empty path until one succeeded).
    const BackboneDescription& description() const { return m_description; }

signals:
    void described();
    void errorOccurred(const QString& title, const QString& message);

private:
    void showDescription(const BackboneDescription& d);

    StudioSession* m_session;
    QLineEdit* m_path;
    QPushButton* m_use;
    QLabel* m_status;
    QFormLayout* m_form;
    QList<QLabel*> m_values;
    BackboneDescription m_description;
    QString m_describedFor;
};

} // namespace vaclip::studio

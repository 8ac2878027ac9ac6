#pragma once
// The training panel: a form over the training settings with the whole YAML beside it (both
// editable, kept in step), Start / Cancel / Resume, a progress bar with ETA, live loss and
// validation-AUC curves and the job's log. Training runs as a TrainJob on the session's JobQueue.
//
//   TrainingPanel panel(&session);
//   panel.loadConfigFile("build/run/campus.yaml");   // or follows session.trainingConfigPath()
//   panel.start();                                    // same as clicking Start
//   panel.cancel();                                   // the job stops within one step
//
// When a run succeeds the session reloads its test set, so a new checkpoint is used at once.
// Thread affinity: GUI thread; the job's signals arrive queued.

#include "config/config.h"
#include "jobs/engine_jobs.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace vaclip::studio {

class StudioSession;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPanel(StudioSession* session, QWidget* parent = nullptr);
    ~TrainingPanel() override;

    bool loadConfigFile(const QString& path, QString* error = nullptr);
    /// The config the form and YAML describe; false + message when the YAML does not parse.
    bool currentConfig(vaclip::Config* config, QString* error = nullptr) const;
    std::shared_ptr<TrainJob> job() const { return m_job; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPlainTextEdit* yamlEdit() const { return m_yaml; }
    /// The training file shown ("" = none) and the YAML as edited (kept in workspaces).
    QString configPath() const { return m_path; }
    QString yamlText() const;
    /// Replaces the YAML (e.g. restored from a workspace); the form follows at once.
    void setYamlText(const QString& yaml);
    QString etaText() const;

public slots:
    void start();
    void resume();
    void cancel();

signals:
    void trainingFinished(bool succeeded);

private:
    void startJob(TrainJob::Mode mode);
    void formToYaml();
    void yamlToForm();
    void setForm(const vaclip::Config& c);
    void onTick(const TrainTick& t);
    void onFinished(Job::State state, const QString& error);
    void updateButtons();

    StudioSession* m_session;
    QString m_path;
    QLabel* m_pathLabel;
    QSpinBox *m_epochs, *m_batch, *m_nCtx, *m_threads, *m_checkpointEvery;
    QDoubleSpinBox* m_lr;
    QComboBox* m_supervision;
    QLineEdit* m_checkpointDir;
    QPlainTextEdit* m_yaml;
    QLabel* m_yamlStatus;
    QPushButton *m_start, *m_resume, *m_cancel;
    QProgressBar* m_progress;
    QLabel* m_eta;
    QCustomPlot* m_plot;
    QPlainTextEdit* m_log;
    std::shared_ptr<TrainJob> m_job;
    bool m_syncing = false;
    double m_etaSeconds = -1;
};

} // namespace vaclip::studio

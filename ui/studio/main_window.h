#pragma once
// The studio's main window: the viewer (video, transport, timeline) in the centre; datasets,
// backbone, prompts, metrics, training and jobs as dock widgets; menus, a toolbar with the
// project's SVG icons, keyboard shortcuts, a status bar (frame, time, score at the playhead),
// settings, remembered layout, error dialogs, and files dropped on the window.
//
//   StudioSession session;
//   MainWindow window(&session);
//   window.show();
//   window.openConfig("build/run/walkway.yaml");     // or File > Open configuration (Ctrl+O)
//
// The window owns no engine state: everything lives in the session it is given.
// Thread affinity: GUI thread.

#include "studio/studio_settings.h"

#include "studio/run_history.h"

#include <QMainWindow>
#include <QMessageBox>

#include <functional>
#include <memory>
#include <optional>

class QDockWidget;
class QLabel;
class QMenu;
class QTimer;
class QToolButton;
namespace vaclip {
struct Config;
}

namespace vaclip::studio {

class BackbonePanel;
class DatasetsPanel;
class JobPanel;
class MetricsPanel;
class PromptsPanel;
class RunsPanel;
class StudioSession;
class TestJob;
class TrainingPanel;
class ViewerWidget;
class AnnotationModel;
class AnnotationPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(StudioSession* session, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a configuration (applies the settings' cache folder); errors go to a dialog unless
    /// `quiet`, and to the return value.
    /// `adjust` changes the configuration after reading (e.g. a workspace's backbone).
    bool openConfig(const QString& path, bool quiet = false, const std::function<void(vaclip::Config&)>& adjust = {});
    /// Which dock to raise: "datasets", "backbone", "prompts", "metrics", "training", "jobs", "runs";
    /// "plugins" and "about" open those Help dialogs (once the event loop runs).
    void showPanel(const QString& name);

    ViewerWidget* viewer() const { return m_viewer; }
    PromptsPanel* prompts() const { return m_prompts; }
    MetricsPanel* metrics() const { return m_metrics; }
    TrainingPanel* training() const { return m_training; }
    DatasetsPanel* datasets() const { return m_datasets; }
    QString statusText() const;
    /// Workspaces (core/workspace/workspace.h; main_window_workspace.cpp). Saving writes the
    /// session in one transaction (all or nothing): the configurations, the datasets, the prompts
    /// (check boxes and the typed line), the open video, frame and threshold, every annotation,
    /// and the current scores as the workspace's last run. Opening reads everything first — a
    /// damaged, foreign or missing file gives an error naming it and changes nothing (neither
    /// the file nor the session) — then restores it; the video, frame and the last run's scores
    /// once the test set has loaded. Errors go to a dialog unless `quiet`, and to `error`.
    bool saveWorkspace(const QString& path, bool quiet = false, QString* error = nullptr);
    bool openWorkspace(const QString& path, bool quiet = false, QString* error = nullptr);
    /// The workspace the session was last opened from or saved to ("" = none).
    QString workspacePath() const { return m_workspacePath; }

    /// Run history and unsaved changes (main_window_runs.cpp). Every run kept in the session —
    /// a training job evaluated on the test set, a test pass (Run > Reload test set), a "Keep as
    /// run" snapshot — is in runs() and is written to the workspace on save.
    RunHistory* runs() const { return m_runs; }
    RunsPanel* runsPanel() const { return m_runsPanel; }
    /// The current scores (prompts, metrics, one track per test video) as a run of the history;
    /// its key, or 0 when nothing is scored yet. `name` "" = the prompts.
    qint64 keepCurrentAsRun(const QString& name = {});
    /// Overlays the run's track of the shown video on the timeline (and raises nothing else).
    void showRunInTimeline(qint64 key);
    /// Unsaved changes: the title shows "*"; set by edits, cleared by saving or opening.
    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    /// Asks Save / Discard / Cancel when there are unsaved changes (through the prompt hook, a
    /// QMessageBox by default); Save saves (asking for a file when there is none). True = go on
    /// (saved, discarded or nothing to save), false = stay.
    bool maybeSaveChanges();
    using SavePromptHook = std::function<QMessageBox::StandardButton(const QString& question)>;
    void setSavePromptHook(SavePromptHook hook) { m_savePrompt = std::move(hook); }
    /// Autosave (every autosaveInterval() ms while modified): into the open workspace file
    /// (transactional; clears the modified state), or when there is none into recoveryPath(),
    /// which the next start offers to restore. False + a status message on failure.
    bool autosaveNow();
    void setAutosaveInterval(int ms);
    int autosaveInterval() const;
    /// <AppDataLocation>/recovery.vaclip
    static QString recoveryPath();
    /// Restores the recovery file as an unsaved session (no workspace file, modified).
    bool restoreRecovery(bool quiet = false, QString* error = nullptr);
    static constexpr int kDefaultAutosaveMs = 2 * 60 * 1000;
    vaclip::studio::AnnotationModel* annotations() const { return m_annotations; }
    /// The About dialog's text (rich text): version, git revision, LibTorch, Qt, FFmpeg, BLAS.
    QString aboutText() const;

    /// File > Export, without a dialog (main_window_export.cpp). Each writes `path` atomically in
    /// the format its suffix names; errors go to a dialog naming the file unless `quiet`, and to
    /// the return value; success to the status bar. Existing data only: nothing is scored here.
    /// Scores: every test video's current scores (.npy concatenated / .csv / .json, with labels).
    bool exportScoresTo(const QString& path, bool quiet = false);
    /// The timeline, ROC or PR plot as PNG / PDF / SVG.
    bool exportTimelineTo(const QString& path, bool quiet = false);
    bool exportRocTo(const QString& path, bool quiet = false);
    bool exportPrTo(const QString& path, bool quiet = false);
    /// The current frame at native resolution with its overlays (PNG).
    bool exportFrameTo(const QString& path, bool quiet = false);
    /// The one-page run report of the current evaluation (PDF).
    bool exportReportTo(const QString& path, bool quiet = false);

public slots:
    void openConfigDialog();
    void openWorkspaceDialog();
    /// Saves to the current workspace, or asks for a file when there is none.
    void saveWorkspaceNow();
    /// False when cancelled or failed.
    bool saveWorkspaceAsDialog();
    /// Forgets the workspace file and the run history (after asking about unsaved changes); the
    /// open configuration, prompts, datasets and annotations stay for the new workspace.
    void newWorkspace();
    /// At start: offers to restore an unsaved session from the recovery file.
    void offerRecovery();
    /// Run > Reload test set: loads the test set again and keeps its first evaluation as a test
    /// run (a finished training job does the same with its new checkpoint, as a training run).
    void reloadAsTestRun();
    /// Run > Test set (job): `vaclip test` on the job queue (jobs/test_job.h) with the current
    /// prompts and checkpoint, into outDir ("" = <output_dir>/tests/test-<UTC time>); when it
    /// succeeds it is recorded as a test run. Returns the job (null without a configuration).
    std::shared_ptr<TestJob> runTestSetJob(const QString& outDir = {});
    void extractFeatures();
    void showSettings();
    void about();
    /// Help > Plugins: the dataset-format plugins found, loaded or failed (panels/plugin_dialogs.h).
    void showPlugins();
    void exportScoresDialog();
    void exportTimelineDialog();
    void exportRocDialog();
    void exportPrDialog();
    void exportFrameDialog();
    void exportReportDialog();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    bool saveWorkspaceFile(const QString& path, bool recovery, bool quiet, QString* error);
    bool openWorkspaceFile(const QString& path, bool recovery, bool quiet, QString* error);
    void connectRunsAndChanges();
    void markModified();
    void markModifiedIfPromptsChanged();
    void updateTitle();
    void onScoresForRuns();
    QDockWidget* addPanel(QWidget* panel, const QString& title, const QString& name, Qt::DockWidgetArea area);
    void createMenus();
    void updateRecentMenu();
    void updateRecentWorkspaceMenu();
    void updatePluginProblems();
    void updateStatus();
    void showError(const QString& title, const QString& message);
    void onLoadFailed(const QString& message);
    void connectAnnotations();
    void createExportMenu(QMenu* parent);
    /// Runs `write` (which throws vaclip::Error); reports failure or success for `path`.
    bool runExport(const QString& path, bool quiet, const std::function<void()>& write);
    /// A save dialog starting in the last export folder; "" when cancelled. Adds the suffix of
    /// the chosen filter when the name has none.
    QString askExportPath(const QString& title, const QString& fileName, const QString& filter);

    StudioSession* m_session;
    StudioSettings m_settings;
    ViewerWidget* m_viewer;
    DatasetsPanel* m_datasets;
    BackbonePanel* m_backbone;
    PromptsPanel* m_prompts;
    MetricsPanel* m_metrics;
    TrainingPanel* m_training;
    JobPanel* m_jobs;
    vaclip::studio::AnnotationModel* m_annotations;
    vaclip::studio::AnnotationPanel* m_annotationPanel;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_recentWorkspaceMenu = nullptr;
    QString m_workspacePath;
    QMenu* m_viewMenu = nullptr;
    QString m_exportDir;  ///< folder of the last export ("" = the configuration's)
    QLabel* m_statusConfig;
    QLabel* m_statusFrame;
    QLabel* m_statusJobs;
    QToolButton* m_pluginProblems;  ///< status bar: shown while the plugin registry has problems
    RunHistory* m_runs;
    RunsPanel* m_runsPanel;
    QTimer* m_autosave;
    SavePromptHook m_savePrompt;
    bool m_modified = false;
    int m_restoring = 0;            ///< > 0 while a workspace is being restored (no modified marks)
    /// A run to record from the first evaluation after the next test-set load (test, training).
    struct ArmedRun {
        RunKind kind = RunKind::Test;
        QString name, configYaml, checkpoint;
        bool loaded = false;        ///< the test set has loaded since arming
    };
    std::optional<ArmedRun> m_armedRun;
    qint64 m_overlayRun = 0;        ///< the run shown on the timeline (0 = none)
    /// The prompts when the session was last clean: rescoring, tokenizer flags and restores
    /// touch the prompt widgets without changing them, so they are compared, not just signalled.
    QVector<QPair<QString, bool>> m_cleanPromptEntries;
    QString m_cleanTypedPrompt;
};

} // namespace vaclip::studio

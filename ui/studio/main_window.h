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

#include <QMainWindow>

class BackbonePanel;
class DatasetsPanel;
class JobPanel;
class MetricsPanel;
class PromptsPanel;
class QDockWidget;
class QLabel;
class QMenu;
class StudioSession;
class TrainingPanel;
class ViewerWidget;
namespace vaclip::ui {
class AnnotationModel;
class AnnotationPanel;
} // namespace vaclip::ui

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(StudioSession* session, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a configuration (applies the settings' cache folder); errors go to a dialog unless
    /// `quiet`, and to the return value.
    bool openConfig(const QString& path, bool quiet = false);
    /// Which dock to raise: "datasets", "backbone", "prompts", "metrics", "training", "jobs".
    void showPanel(const QString& name);

    ViewerWidget* viewer() const { return m_viewer; }
    PromptsPanel* prompts() const { return m_prompts; }
    MetricsPanel* metrics() const { return m_metrics; }
    TrainingPanel* training() const { return m_training; }
    DatasetsPanel* datasets() const { return m_datasets; }
    QString statusText() const;

public slots:
    void openConfigDialog();
    void extractFeatures();
    void showSettings();
    void about();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QDockWidget* addPanel(QWidget* panel, const QString& title, const QString& name, Qt::DockWidgetArea area);
    void createMenus();
    void updateRecentMenu();
    void updateStatus();
    void showError(const QString& title, const QString& message);
    void onLoadFailed(const QString& message);
    void connectAnnotations();

    StudioSession* m_session;
    StudioSettings m_settings;
    ViewerWidget* m_viewer;
    DatasetsPanel* m_datasets;
    BackbonePanel* m_backbone;
    PromptsPanel* m_prompts;
    MetricsPanel* m_metrics;
    TrainingPanel* m_training;
    JobPanel* m_jobs;
    vaclip::ui::AnnotationModel* m_annotations;
    vaclip::ui::AnnotationPanel* m_annotationPanel;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QLabel* m_statusConfig;
    QLabel* m_statusFrame;
    QLabel* m_statusJobs;
};

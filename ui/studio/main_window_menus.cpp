// MainWindow's menus, toolbar and keyboard shortcuts.
#include "studio/main_window.h"
#include "studio/studio_language.h"

#include "annotate/annotation_model.h"
#include "annotate/annotation_panel.h"
#include "panels/datasets_panel.h"
#include "panels/prompts_panel.h"
#include "panels/training_panel.h"
#include "player/player_controller.h"
#include "player/video_view.h"
#include "studio/studio_session.h"
#include "studio/viewer_widget.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenuBar>
#include <QToolBar>
#include <QUndoGroup>

namespace vaclip::studio {

using vaclip::studio::PlayerController;

namespace {
QIcon icon(const char* name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
} // namespace

void MainWindow::createMenus()
{
    PlayerController* player = m_viewer->player();

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(icon("open"), tr("&Open configuration..."), this, &MainWindow::openConfigDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    updateRecentMenu();
    file->addSeparator();
    QAction* newWs = file->addAction(tr("&New workspace"), this, &MainWindow::newWorkspace);
    newWs->setShortcut(QKeySequence::New);
    QAction* openWs = file->addAction(icon("open"), tr("Open &workspace..."), this, &MainWindow::openWorkspaceDialog);
    openWs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recentWorkspaceMenu = file->addMenu(tr("Recent wor&kspaces"));
    m_recentWorkspaceMenu->setObjectName(QStringLiteral("recentWorkspacesMenu"));
    updateRecentWorkspaceMenu();
    QAction* saveWs = file->addAction(icon("save"), tr("Sa&ve workspace"), this, &MainWindow::saveWorkspaceNow);
    saveWs->setShortcut(QKeySequence::Save);
    QAction* saveWsAs = file->addAction(tr("Save workspace &as..."), this, &MainWindow::saveWorkspaceAsDialog);
    saveWsAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    file->addAction(icon("dataset"), tr("Open &dataset..."), m_datasets, &DatasetsPanel::openMetaDialog);
    file->addAction(tr("&Import dataset folder..."), m_datasets, &DatasetsPanel::importFolderDialog);
    file->addSeparator();
    file->addAction(tr("&Save prompt set..."), m_prompts, &PromptsPanel::savePromptSetAs);
    file->addAction(tr("&Load prompt set..."), m_prompts, &PromptsPanel::loadPromptSetFrom);
    file->addSeparator();
    createExportMenu(file);
    file->addSeparator();
    QAction* settings = file->addAction(icon("settings"), tr("Se&ttings..."), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    QAction* quit = file->addAction(icon("quit"), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_annotations->undoGroup()->createUndoAction(this, tr("&Undo"));  // the shown video's edits
    undo->setShortcut(QKeySequence::Undo);
    edit->addAction(undo);
    QAction* redo = m_annotations->undoGroup()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(redo);
    edit->addSeparator();
    QAction* markIn = edit->addAction(tr("Mark &in at the playhead"), m_annotationPanel, &vaclip::studio::AnnotationPanel::markIn);
    markIn->setShortcut(QKeySequence(Qt::Key_I));
    QAction* markOut = edit->addAction(tr("Mark &out (adds the interval)"), m_annotationPanel, &vaclip::studio::AnnotationPanel::markOut);
    markOut->setShortcut(QKeySequence(Qt::Key_O));

    QMenu* playback = menuBar()->addMenu(tr("&Playback"));
    QAction* play = playback->addAction(icon("play"), tr("&Play / pause"), player, &PlayerController::togglePlay);
    play->setShortcut(Qt::Key_Space);
    auto add = [&](const QString& text, QKeySequence key, auto slot) {
        QAction* a = playback->addAction(text, player, slot);
        a->setShortcut(key);
        return a;
    };
    add(tr("Step &forward"), QKeySequence(Qt::Key_Right), &PlayerController::stepForward);
    add(tr("Step &backward"), QKeySequence(Qt::Key_Left), &PlayerController::stepBackward);
    add(tr("Step forward (large)"), QKeySequence(Qt::SHIFT | Qt::Key_Right), &PlayerController::stepForwardLarge);
    add(tr("Step backward (large)"), QKeySequence(Qt::SHIFT | Qt::Key_Left), &PlayerController::stepBackwardLarge);
    add(tr("Go to &start"), QKeySequence(Qt::Key_Home), &PlayerController::goToStart);
    add(tr("Go to &end"), QKeySequence(Qt::Key_End), &PlayerController::goToEnd);
    playback->addSeparator();
    add(tr("&Next anomalous segment"), QKeySequence(Qt::Key_N), &PlayerController::nextPredictedSegment);
    add(tr("P&revious anomalous segment"), QKeySequence(Qt::SHIFT | Qt::Key_N), &PlayerController::previousPredictedSegment);
    add(tr("Next &ground-truth segment"), QKeySequence(Qt::Key_G), &PlayerController::nextGroundTruthSegment);
    add(tr("Previous ground-truth segment"), QKeySequence(Qt::SHIFT | Qt::Key_G), &PlayerController::previousGroundTruthSegment);
    playback->addSeparator();
    QAction* next = playback->addAction(tr("Next &video"), this, [this] {
        if (m_session->currentVideo() + 1 < m_session->videoCount())
            m_session->setCurrentVideo(m_session->currentVideo() + 1);
    });
    next->setShortcut(QKeySequence(Qt::Key_PageDown));
    QAction* prev = playback->addAction(tr("Previous v&ideo"), this, [this] {
        if (m_session->currentVideo() > 0)
            m_session->setCurrentVideo(m_session->currentVideo() - 1);
    });
    prev->setShortcut(QKeySequence(Qt::Key_PageUp));

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    QAction* extract = run->addAction(icon("video"), tr("&Extract features"), this, &MainWindow::extractFeatures);
    QAction* train = run->addAction(icon("train"), tr("&Train"), m_training, &TrainingPanel::start);
    run->addAction(icon("resume"), tr("Res&ume training"), m_training, &TrainingPanel::resume);
    QAction* reload = run->addAction(icon("refresh"), tr("Re&load test set"), this, &MainWindow::reloadAsTestRun);
    run->addAction(icon("video"), tr("Test &set (job)..."), this, [this] { runTestSetJob(); });
    reload->setShortcut(QKeySequence::Refresh);
    reload->setToolTip(tr("Load the test set again and keep its evaluation as a test run"));
    QAction* keep = run->addAction(icon("save"), tr("&Keep scores as run"), this, [this] { keepCurrentAsRun(); });
    keep->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    run->addSeparator();
    QAction* cancel = run->addAction(icon("cancel"), tr("&Cancel all jobs"), m_session->jobs(), &JobQueue::cancelAll);
    cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    QAction* fit = m_viewMenu->addAction(tr("&Fit video to window"), m_viewer->view(), &vaclip::studio::VideoView::fitToWindow);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QMenu* theme = m_viewMenu->addMenu(tr("&Theme"));
    const std::pair<QString, StudioSettings::Theme> themes[] = {{tr("System"), StudioSettings::Theme::System},
                                                               {tr("Light"), StudioSettings::Theme::Light},
                                                               {tr("Dark"), StudioSettings::Theme::Dark}};
    for (const auto& [name, value] : themes)
        theme->addAction(name, this, [this, value = value] {
            m_settings.theme = value;
            m_settings.save();
            applyTheme(value);
        });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(icon("dataset"), tr("&Plugins..."), this, &MainWindow::showPlugins);
    help->addSeparator();
    help->addAction(icon("app"), tr("&About VideoAnomalyCLIP Studio"), this, &MainWindow::about);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(open);
    bar->addAction(reload);
    bar->addSeparator();
    bar->addAction(play);
    bar->addSeparator();
    bar->addAction(extract);
    bar->addAction(train);
    bar->addAction(cancel);
    bar->addSeparator();
    bar->addAction(settings);
    for (QAction* a : bar->actions())  // menu "打开配置(&O)...", button "打开配置" (studio_language.h)
        a->setIconText(withoutAccelerator(a->text()));
    connect(player, &PlayerController::playingChanged, play, [play](bool playing) {
        play->setIcon(icon(playing ? "pause" : "play"));
    });
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    for (const QString& p : m_settings.recentConfigs)
        m_recentMenu->addAction(QFileInfo(p).fileName() + QStringLiteral("  (") + QFileInfo(p).absolutePath() + QStringLiteral(")"),
                                this, [this, p] { openConfig(p); });
    m_recentMenu->setEnabled(!m_settings.recentConfigs.isEmpty());
}

} // namespace vaclip::studio

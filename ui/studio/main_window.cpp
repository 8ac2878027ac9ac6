#include "studio/main_window.h"

#include "annotate/annotation_model.h"
#include "annotate/annotation_panel.h"
#include "jobs/engine_jobs.h"
#include "jobs/job_panel.h"
#include "panels/backbone_panel.h"
#include "panels/datasets_panel.h"
#include "panels/metrics_panel.h"
#include "panels/prompts_panel.h"
#include "panels/runs_panel.h"
#include "panels/training_panel.h"
#include "player/player_controller.h"
#include "dataset_plugin_registry.h"
#include "panels/plugin_dialogs.h"
#include "runtime/torch_runtime.h"
#include "runtime/version_info.h"
#include "studio/studio_session.h"
#include "studio/viewer_widget.h"
#include "timeline/timeline_plot.h"
#include "widgets/display_format.h"

#include <QApplication>
#include <cmath>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

namespace vaclip::studio {

MainWindow::MainWindow(StudioSession* session, QWidget* parent)
    : QMainWindow(parent), m_session(session), m_settings(StudioSettings::load()),
      m_viewer(new ViewerWidget(session, this)), m_datasets(new DatasetsPanel(session, this)),
      m_backbone(new BackbonePanel(session, this)), m_prompts(new PromptsPanel(session, this)),
      m_metrics(new MetricsPanel(session, this)), m_training(new TrainingPanel(session, this)),
      m_jobs(new JobPanel(session->jobs(), this)), m_annotations(new vaclip::studio::AnnotationModel(this)),
      m_annotationPanel(new vaclip::studio::AnnotationPanel(m_annotations, this)), m_statusConfig(new QLabel(this)), m_statusFrame(new QLabel(this)),
      m_statusJobs(new QLabel(this)), m_pluginProblems(new QToolButton(this)), m_runs(new RunHistory(this)),
      m_runsPanel(new RunsPanel(m_runs, this)), m_autosave(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    updateTitle();
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    setCentralWidget(m_viewer);
    session->engine()->setBootstrapSamples(m_settings.bootstrapSamples);
    // Pixel metrics: the setting, which the metrics panel's switch changes too.
    session->engine()->setPixelMetricsMode(m_settings.pixelMetrics);
    connect(session->engine(), &ScoringEngine::pixelMetricsModeChanged, this, [this](PixelMetricsMode mode) {
        if (m_settings.pixelMetrics != mode) {
            m_settings.pixelMetrics = mode;
            m_settings.save();
        }
    });

    // Left: datasets (tabbed with the backbone) above the prompts; right: metrics, training and
    // jobs as tabs, so the viewer in the centre keeps the full height.
    QDockWidget* datasets = addPanel(m_datasets, tr("Datasets"), QStringLiteral("datasets"), Qt::LeftDockWidgetArea);
    QDockWidget* prompts = addPanel(m_prompts, tr("Prompts"), QStringLiteral("prompts"), Qt::LeftDockWidgetArea);
    splitDockWidget(datasets, prompts, Qt::Vertical);
    QDockWidget* backbone = addPanel(m_backbone, tr("Backbone"), QStringLiteral("backbone"), Qt::LeftDockWidgetArea);
    tabifyDockWidget(datasets, backbone);
    datasets->raise();
    QDockWidget* metrics = addPanel(m_metrics, tr("Metrics"), QStringLiteral("metrics"), Qt::RightDockWidgetArea);
    QDockWidget* training = addPanel(m_training, tr("Training"), QStringLiteral("training"), Qt::RightDockWidgetArea);
    QDockWidget* jobs = addPanel(m_jobs, tr("Jobs"), QStringLiteral("jobs"), Qt::RightDockWidgetArea);
    tabifyDockWidget(metrics, training);
    tabifyDockWidget(metrics, jobs);
    QDockWidget* annotations = addPanel(m_annotationPanel, tr("Annotations"), QStringLiteral("annotations"), Qt::RightDockWidgetArea);
    tabifyDockWidget(metrics, annotations);
    QDockWidget* runs = addPanel(m_runsPanel, tr("Runs"), QStringLiteral("runs"), Qt::RightDockWidgetArea);
    tabifyDockWidget(metrics, runs);
    metrics->raise();
    resizeDocks({datasets, prompts}, {420, 330}, Qt::Vertical);
    resizeDocks({datasets, metrics}, {360, 560}, Qt::Horizontal);

    statusBar()->addWidget(m_statusConfig, 1);
    statusBar()->addPermanentWidget(m_statusFrame);
    statusBar()->addPermanentWidget(m_statusJobs);
    createMenus();
    connectAnnotations();
    connectRunsAndChanges();

    connect(session, &StudioSession::loadingStarted, this, &MainWindow::updateStatus);
    connect(session, &StudioSession::testSetLoaded, this, &MainWindow::updateStatus);
    connect(session, &StudioSession::loadFailed, this, &MainWindow::onLoadFailed);
    connect(session, &StudioSession::scoreFailed, this, [this](const QString& m) { showError(tr("Scoring failed"), m); });
    connect(session, &StudioSession::currentFrameChanged, this, &MainWindow::updateStatus);
    connect(session, &StudioSession::scoresChanged, this, &MainWindow::updateStatus);
    connect(session->jobs(), &JobQueue::jobAdded, this, &MainWindow::updateStatus);
    connect(session->jobs(), &JobQueue::jobFinished, this, [this](Job* job) {
        updateStatus();
        if (job->state() == Job::State::Failed)
            showError(tr("%1 failed").arg(job->title()), job->errorMessage());
    });
    connect(m_viewer, &ViewerWidget::message, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(m_datasets, &DatasetsPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_backbone, &BackbonePanel::errorOccurred, this, &MainWindow::showError);

    QSettings s(QStringLiteral("VideoAnomalyCLIP"), QStringLiteral("vaclip-studio"));
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        const QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry() : QRect(0, 0, 1600, 1000);
        resize(std::min(1600, screen.width()), std::min(1000, screen.height()));
    }
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    updateStatus();
    // Plugins that were skipped or failed: a button in the status bar that opens Help > Plugins.
    m_pluginProblems->setObjectName(QStringLiteral("pluginProblemsButton"));
    m_pluginProblems->setAutoRaise(true);
    m_pluginProblems->setIcon(QIcon(QStringLiteral(":/icons/warning.svg")));
    m_pluginProblems->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    statusBar()->addPermanentWidget(m_pluginProblems);
    connect(m_pluginProblems, &QToolButton::clicked, this, &MainWindow::showPlugins);
    connect(m_datasets, &DatasetsPanel::pluginsUsed, this, &MainWindow::updatePluginProblems);
    updatePluginProblems();
}

void MainWindow::updatePluginProblems()
{
    const int problems = int(m_datasets->registry()->problems().size());
    m_pluginProblems->setText(tr("%n dataset plugin(s) could not be used: Help > Plugins", nullptr, problems));
    m_pluginProblems->setToolTip(tr("Show the dataset-format plugins and why some could not be used"));
    m_pluginProblems->setVisible(problems > 0);
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addPanel(QWidget* panel, const QString& title, const QString& name, Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name + QStringLiteral("Dock"));
    dock->setWidget(panel);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::connectAnnotations()
{
    using vaclip::studio::PlayerController;
    using vaclip::studio::TimelinePlot;
    auto* player = m_viewer->player();
    auto* timeline = m_viewer->timeline();
    auto showIntervals = [this, timeline] {
        QVector<vaclip::studio::TimelineInterval> shown;
        for (const auto& a : m_annotations->intervals())
            shown.append({int(a.begin), int(a.end), a.category});
        timeline->setAnnotations(shown);
    };
    connect(m_session, &StudioSession::currentVideoChanged, this, [this, showIntervals](int index) {
        if (index >= 0 && m_session->testSet())
            m_annotations->setVideo(m_session->videoName(index), m_session->testSet()->frames[std::size_t(index)]);
        showIntervals();
    });
    connect(m_annotations, &vaclip::studio::AnnotationModel::intervalsChanged, this, showIntervals);
    connect(player, &PlayerController::playheadChanged, m_annotationPanel, [this](int f) { m_annotationPanel->setPlayhead(f); });
    connect(m_annotationPanel, &vaclip::studio::AnnotationPanel::jumpRequested, player, [player](qint64 f) { player->seek(int(f)); });
    connect(timeline, &TimelinePlot::intervalDrawn, m_annotations, [this](int b, int e) { m_annotations->addDrawnInterval(b, e); });
}

void MainWindow::showPanel(const QString& name)
{
    // The two Help dialogs, once the event loop runs (vaclip-studio --show plugins|about).
    if (name == QStringLiteral("plugins") || name == QStringLiteral("about")) {
        QTimer::singleShot(0, this, name == QStringLiteral("about") ? &MainWindow::about : &MainWindow::showPlugins);
        return;
    }
    if (auto* dock = findChild<QDockWidget*>(name + QStringLiteral("Dock"))) {
        dock->show();
        dock->raise();
    }
}

bool MainWindow::openConfig(const QString& path, bool quiet, const std::function<void(vaclip::Config&)>& adjust)
{
    QString error;
    bool ok = false;
    try {
        vaclip::Config c = vaclip::loadConfig(QFileInfo(path).absoluteFilePath().toStdString());
        if (!m_settings.cacheFolder.isEmpty())
            c.features.cacheDir = m_settings.cacheFolder.toStdString();
        if (adjust)
            adjust(c);
        ok = m_session->setConfig(c, QFileInfo(path).absoluteFilePath(), &error);
    } catch (const std::exception& e) {
        error = QString::fromStdString(e.what());
    }
    if (!ok) {
        if (!quiet)
            showError(tr("Cannot open the configuration"), error);
        return false;
    }
    m_settings.addRecent(QFileInfo(path).absoluteFilePath());
    m_settings.save();
    updateRecentMenu();
    updateTitle();
    return true;
}

void MainWindow::openConfigDialog()
{
    const QString p = QFileDialog::getOpenFileName(this, tr("Open configuration"), QString(), tr("Configurations (*.yaml *.yml)"));
    if (!p.isEmpty())
        openConfig(p);
}

void MainWindow::extractFeatures()
{
    if (!m_session->hasConfig()) {
        showError(tr("Extract features"), tr("Open a configuration first."));
        return;
    }
    auto job = std::make_shared<ExtractJob>(m_session->config(), QStringLiteral("all"));
    connect(job.get(), &Job::finished, this, [this](Job::State s, const QString&) {
        if (s == Job::State::Succeeded)
            m_session->reload();
    });
    m_session->jobs()->enqueue(job);
    showPanel(QStringLiteral("jobs"));
}

void MainWindow::onLoadFailed(const QString& message)
{
    updateStatus();
    if (!message.contains(QStringLiteral("vaclip extract"))) {
        showError(tr("Cannot load the test set"), message);
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Features are not extracted yet"),
                    tr("The test set's CLIP features are not in the feature cache yet."), QMessageBox::NoButton, this);
    box.setInformativeText(tr("Extract them now? This runs as a job; the test set loads when it is done."));
    box.setDetailedText(message);
    QPushButton* extract = box.addButton(tr("Extract features"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == extract)
        extractFeatures();
}

void MainWindow::showError(const QString& title, const QString& message)
{
    QMessageBox box(QMessageBox::Critical, title, message.section(QLatin1Char('\n'), 0, 0), QMessageBox::Ok, this);
    if (message.contains(QLatin1Char('\n')))
        box.setDetailedText(message);
    box.exec();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const StudioSettings before = m_settings;
    m_settings = dialog.settings();
    m_settings.save();
    if (m_settings.theme != before.theme)
        applyTheme(m_settings.theme);
    if (m_settings.threads != before.threads)
        vaclip::setComputeThreads(m_settings.threads);
    m_session->engine()->setBootstrapSamples(m_settings.bootstrapSamples);
    m_session->engine()->setPixelMetricsMode(m_settings.pixelMetrics);
    if (m_settings.cacheFolder != before.cacheFolder && m_session->hasConfig())
        openConfig(m_session->configPath());
    else if (m_settings.bootstrapSamples != before.bootstrapSamples)
        m_session->setPrompts(m_prompts->activePrompts());
}

QString MainWindow::aboutText() const
{
    // The same lines as `vaclip --version` (version, git revision, LibTorch, Qt, FFmpeg, BLAS).
    const QString versions = QString::fromStdString(vaclip::formatVersionInfo(vaclip::versionInfo())).trimmed();
    return tr("<b>VideoAnomalyCLIP Studio</b><p>Zero-shot semantic video anomaly detection with CLIP: "
              "type what you are looking for and every frame of the test set is scored.</p>"
              "<pre style=\"white-space: pre-wrap\">%1</pre>")
        .arg(versions.toHtmlEscaped());
}

void MainWindow::about()
{
    QMessageBox box(QMessageBox::NoIcon, tr("About VideoAnomalyCLIP Studio"), aboutText(), QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("aboutBox"));
    box.setIconPixmap(QIcon(QStringLiteral(":/icons/app.svg")).pixmap(64, 64));
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}

void MainWindow::showPlugins()
{
    PluginsDialog dialog(*m_datasets->registry(), this);
    updatePluginProblems();  // the dialog loads every plugin: more problems may be known now
    dialog.exec();
}

QString MainWindow::statusText() const
{
    return m_statusConfig->text() + QStringLiteral(" | ") + m_statusFrame->text();
}

void MainWindow::updateStatus()
{
    if (!m_session->hasConfig())
        m_statusConfig->setText(tr("No configuration open — File > Open configuration (Ctrl+O)"));
    else if (m_session->isLoading())
        m_statusConfig->setText(tr("Loading %1 ...").arg(QFileInfo(m_session->configPath()).fileName()));
    else if (const TestSetInfoPtr t = m_session->testSet())
        m_statusConfig->setText(tr("%1 · %n test video(s) · %2", nullptr, int(t->videos.size()))
                                    .arg(QFileInfo(m_session->configPath()).fileName(),
                                         t->checkpoint.isEmpty() ? tr("zero-shot (no checkpoint)")
                                                                 : tr("checkpoint %1").arg(QFileInfo(t->checkpoint).fileName())));
    else
        m_statusConfig->setText(tr("%1 · not loaded").arg(QFileInfo(m_session->configPath()).fileName()));

    const int video = m_session->currentVideo();
    if (video >= 0 && m_session->testSet()) {
        const qint64 frame = m_session->currentFrame();
        const qint64 frames = m_session->testSet()->frames[std::size_t(video)];
        const auto* player = m_viewer->player();
        const double score = m_viewer->scoreAt(int(frame));
        // 1-based frame numbers and the display locale, as in the transport (widgets/display_format.h).
        m_statusFrame->setText(tr("Frame %1 / %2 · %3 · score %4")
                                   .arg(vaclip::studio::displayFrame(frame), vaclip::studio::displayFrameCount(frames),
                                        player->timeText(int(frame)), vaclip::studio::displayNumber(score, 4)));
    } else {
        m_statusFrame->clear();
    }
    const int active = m_session->jobs()->activeCount();
    m_statusJobs->setText(active > 0 ? tr("%n job(s) running", nullptr, active) : QString());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_session->jobs()->activeCount() > 0 &&
        QMessageBox::question(this, tr("Quit"), tr("Jobs are still running. Cancel them and quit?")) != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    if (!maybeSaveChanges()) {  // Save / Discard / Cancel
        event->ignore();
        return;
    }
    QFile::remove(recoveryPath());  // saved or discarded: nothing to recover
    QSettings s(QStringLiteral("VideoAnomalyCLIP"), QStringLiteral("vaclip-studio"));
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    m_session->jobs()->cancelAll();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& u : event->mimeData()->urls()) {
        if (!u.isLocalFile())
            continue;
        const QString p = u.toLocalFile();
        if (p.endsWith(QStringLiteral(".yaml")) || p.endsWith(QStringLiteral(".yml")))
            openConfig(p);
        else
            paths << p;
    }
    if (!paths.isEmpty()) {
        m_datasets->openPaths(paths);
        showPanel(QStringLiteral("datasets"));
    }
    event->acceptProposedAction();
}

} // namespace vaclip::studio

// MainWindow's run history and unsaved changes: runs kept from training, test passes and the
// live scoring; the Runs panel's actions; the modified state in the title; the Save / Discard /
// Cancel question; autosave into the workspace or the recovery file; File > New workspace.
#include "studio/main_window.h"

#include "annotate/annotation_model.h"
#include "config/config.h"
#include "jobs/job_queue.h"
#include "jobs/test_job.h"
#include "panels/datasets_panel.h"
#include "panels/prompts_panel.h"
#include "panels/runs_panel.h"
#include "panels/training_panel.h"
#include "studio/studio_session.h"
#include "studio/viewer_widget.h"
#include "timeline/timeline_plot.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QTreeWidget>

namespace vaclip::studio {

namespace {
void onModelChanged(QAbstractItemModel* model, QObject* context, const std::function<void()>& f)
{
    QObject::connect(model, &QAbstractItemModel::rowsInserted, context, f);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, context, f);
    QObject::connect(model, &QAbstractItemModel::rowsMoved, context, f);
    QObject::connect(model, &QAbstractItemModel::dataChanged, context, f);
}

int runsOfKind(const RunHistory& history, RunKind kind)
{
    int n = 0;
    for (const StudioRun& r : history.runs())
        n += r.kind == kind ? 1 : 0;
    return n;
}
} // namespace

void MainWindow::connectRunsAndChanges()
{
    auto mark = [this] { markModified(); };
    auto markPrompts = [this] { markModifiedIfPromptsChanged(); };
    connect(m_prompts->promptEdit(), &QLineEdit::textChanged, this, markPrompts);
    onModelChanged(m_prompts->list()->model(), this, markPrompts);
    connect(m_session, &StudioSession::configChanged, this, mark);
    connect(m_session, &StudioSession::trainingConfigPathChanged, this, mark);
    connect(m_session, &StudioSession::thresholdChanged, this, [this] {
        if (m_session->thresholdChosen())  // not the automatic best-F1 one
            markModified();
    });
    // Datasets added or removed (the tree's items also change when cache states arrive).
    auto datasetsChanged = [this](const QModelIndex& parent) {
        if (!parent.isValid())
            markModified();
    };
    connect(m_datasets->tree()->model(), &QAbstractItemModel::rowsInserted, this, datasetsChanged);
    connect(m_datasets->tree()->model(), &QAbstractItemModel::rowsRemoved, this, datasetsChanged);
    connect(m_annotations, &vaclip::studio::AnnotationModel::intervalsChanged, this, mark);
    connect(m_training->yamlEdit(), &QPlainTextEdit::textChanged, this, mark);
    connect(m_runs, &RunHistory::changed, this, [this] {
        markModified();
        if (m_overlayRun != 0 && !m_runs->find(m_overlayRun)) {
            m_overlayRun = 0;
            m_viewer->clearOverlay();
        }
    });

    connect(m_runsPanel, &RunsPanel::keepRequested, this, [this] {
        if (keepCurrentAsRun() == 0)
            statusBar()->showMessage(tr("Nothing to keep: the test set is not scored yet."), 8000);
    });
    connect(m_runsPanel, &RunsPanel::showInTimelineRequested, this, &MainWindow::showRunInTimeline);

    // Runs recorded from the first evaluation after a test-set load: a finished training job
    // (its new checkpoint) and Run > Reload test set (a test pass).
    connect(m_session, &StudioSession::testSetLoaded, this, [this] {
        if (m_armedRun)
            m_armedRun->loaded = true;
    });
    connect(m_session, &StudioSession::loadFailed, this, [this] { m_armedRun.reset(); });
    connect(m_session, &StudioSession::scoresChanged, this, &MainWindow::onScoresForRuns);
    connect(m_training, &TrainingPanel::trainingFinished, this, [this](bool succeeded) {
        if (!succeeded || !m_training->job())
            return;
        ArmedRun run;
        run.kind = RunKind::Training;
        run.name = tr("Training %1").arg(runsOfKind(*m_runs, RunKind::Training) + 1);
        run.configYaml = m_training->yamlText();
        run.checkpoint = m_training->job()->lastCheckpoint();
        m_armedRun = run;
    });

    m_autosave->setInterval(kDefaultAutosaveMs);
    connect(m_autosave, &QTimer::timeout, this, [this] {
        if (m_modified && m_restoring == 0)
            autosaveNow();
    });
    m_autosave->start();
}

void MainWindow::reloadAsTestRun()
{
    if (!m_session->hasConfig())
        return;
    ArmedRun run;
    run.kind = RunKind::Test;
    run.name = tr("Test %1").arg(runsOfKind(*m_runs, RunKind::Test) + 1);
    m_armedRun = run;
    m_session->reload();
}

std::shared_ptr<TestJob> MainWindow::runTestSetJob(const QString& outDir)
{
    if (!m_session->hasConfig()) {
        showError(tr("Test set"), tr("Open a configuration first."));
        return nullptr;
    }
    const vaclip::Config& config = m_session->config();
    QString dir = outDir;
    if (dir.isEmpty()) {
        QDir base(QFileInfo(m_session->configPath()).absolutePath());
        const QString output = base.absoluteFilePath(QString::fromStdString(config.outputDir));
        const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        dir = QDir(output).absoluteFilePath(QStringLiteral("tests/test-") + stamp);
        for (int i = 2; QFileInfo::exists(dir) || QFileInfo::exists(dir + QStringLiteral(".partial")); ++i)
            dir = QDir(output).absoluteFilePath(QStringLiteral("tests/test-%1-%2").arg(stamp).arg(i));
    }
    auto job = std::make_shared<TestJob>(config, m_session->configPath(), dir, m_session->prompts(),
                                         StudioSession::checkpointFor(config));
    const QString yaml = QString::fromStdString(vaclip::effectiveYaml(config));
    connect(job.get(), &Job::finished, this, [this, weak = std::weak_ptr<TestJob>(job), yaml](Job::State s, const QString&) {
        const auto j = weak.lock();
        if (!j || s != Job::State::Succeeded)
            return;
        const TestJobResult& r = j->result();
        StudioRun run;
        run.kind = RunKind::Test;
        run.name = tr("Test %1").arg(runsOfKind(*m_runs, RunKind::Test) + 1);
        run.configYaml = yaml;
        run.checkpoint = r.checkpoint;
        run.prompts = r.prompts;
        if (r.evaluation)
            run.metrics = RunHistory::metricsOf(*r.evaluation);
        for (qsizetype i = 0; i < r.videos.size() && std::size_t(i) < r.tracks.size(); ++i)
            run.tracks.insert(r.videos[i], r.tracks[std::size_t(i)]);
        const qint64 key = m_runs->add(run);
        m_runsPanel->selectRuns({key});
        statusBar()->showMessage(tr("Kept the run \"%1\" (Runs panel); results in %2").arg(run.name, r.outDir), 8000);
    });
    m_session->jobs()->enqueue(job);
    showPanel(QStringLiteral("jobs"));
    return job;
}

void MainWindow::onScoresForRuns()
{
    const ScoreUpdatePtr u = m_session->scores();
    const TestSetInfoPtr testSet = m_session->testSet();
    if (!m_armedRun || !m_armedRun->loaded || !u || u->generation == 0 || !testSet)
        return;
    const ArmedRun armed = *m_armedRun;
    m_armedRun.reset();
    const QString yaml = armed.configYaml.isEmpty() ? QString::fromStdString(vaclip::effectiveYaml(m_session->config())) : armed.configYaml;
    m_runs->add(RunHistory::fromScores(armed.kind, armed.name, *u, *testSet, yaml,
                                       armed.checkpoint.isEmpty() ? testSet->checkpoint : armed.checkpoint));
    statusBar()->showMessage(tr("Kept the run \"%1\" (Runs panel)").arg(armed.name), 8000);
}

qint64 MainWindow::keepCurrentAsRun(const QString& name)
{
    const ScoreUpdatePtr u = m_session->scores();
    const TestSetInfoPtr testSet = m_session->testSet();
    if (!u || !testSet || u->scores.videoOffsets.size() != std::size_t(testSet->videos.size()) + 1)
        return 0;
    QString runName = name.trimmed();
    if (runName.isEmpty())  // numbered like "Test 1": the Prompts column lists the prompts, and
                            // names made of prompts were cut to the same first words in the table
        runName = tr("Prompts %1").arg(runsOfKind(*m_runs, RunKind::Live) + 1);
    const qint64 key = m_runs->add(RunHistory::fromScores(RunKind::Live, runName, *u, *testSet,
                                                          QString::fromStdString(vaclip::effectiveYaml(m_session->config())),
                                                          testSet->checkpoint));
    m_runsPanel->selectRuns({key});
    statusBar()->showMessage(tr("Kept the run \"%1\" (Runs panel)").arg(runName), 8000);
    return key;
}

void MainWindow::showRunInTimeline(qint64 key)
{
    const StudioRun* run = m_runs->find(key);
    if (!run)
        return;
    m_overlayRun = key;
    m_viewer->setOverlay(tr("run: %1").arg(run->name), run->tracks);
    const QString video = m_session->videoName(m_session->currentVideo());
    const auto it = run->tracks.constFind(video);
    if (it == run->tracks.cend())
        statusBar()->showMessage(tr("The run \"%1\" has no scores for %2").arg(run->name, video), 8000);
    else if (qint64(it->size()) != m_viewer->timeline()->frameCount())
        statusBar()->showMessage(tr("The run \"%1\" has %n frame(s) for this video, which does not fit it", nullptr, int(it->size())).arg(run->name), 8000);
}

void MainWindow::markModified()
{
    if (m_restoring == 0)
        setModified(true);
}

void MainWindow::markModifiedIfPromptsChanged()
{
    // The session's prompts follow these two (debounced).
    if (m_prompts->promptEntries() != m_cleanPromptEntries || m_prompts->promptEdit()->text() != m_cleanTypedPrompt)
        markModified();
}

void MainWindow::setModified(bool modified)
{
    m_modified = modified;
    setWindowModified(modified);
    if (!modified) {
        m_cleanPromptEntries = m_prompts->promptEntries();
        m_cleanTypedPrompt = m_prompts->promptEdit()->text();
    }
}

void MainWindow::updateTitle()
{
    QString name;
    if (!m_workspacePath.isEmpty())
        name = QFileInfo(m_workspacePath).fileName();
    else if (m_session->hasConfig())
        name = QFileInfo(m_session->configPath()).fileName();
    // "[*]" is where Qt shows "*" while the window is modified.
    setWindowTitle(name.isEmpty() ? tr("VideoAnomalyCLIP Studio") + QStringLiteral("[*]")
                                  : tr("%1 — VideoAnomalyCLIP Studio").arg(name + QStringLiteral("[*]")));
    setWindowModified(m_modified);
}

bool MainWindow::maybeSaveChanges()
{
    if (!m_modified)
        return true;
    const QString question = m_workspacePath.isEmpty()
                                 ? tr("The session has changes that are not saved in a workspace. Save them?")
                                 : tr("The workspace %1 has unsaved changes. Save them?").arg(QFileInfo(m_workspacePath).fileName());
    QMessageBox::StandardButton answer;
    if (m_savePrompt) {
        answer = m_savePrompt(question);
    } else {
        QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"), question,
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setDefaultButton(QMessageBox::Save);
        answer = QMessageBox::StandardButton(box.exec());
    }
    if (answer == QMessageBox::Save)
        return m_workspacePath.isEmpty() ? saveWorkspaceAsDialog() : saveWorkspace(m_workspacePath);
    if (answer == QMessageBox::Discard) {
        QFile::remove(recoveryPath());
        return true;
    }
    return false;
}

QString MainWindow::recoveryPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("recovery.vaclip"));
}

void MainWindow::setAutosaveInterval(int ms) { m_autosave->setInterval(ms); }
int MainWindow::autosaveInterval() const { return m_autosave->interval(); }

bool MainWindow::autosaveNow()
{
    QString error;
    bool ok;
    if (!m_workspacePath.isEmpty()) {
        ok = saveWorkspaceFile(m_workspacePath, false, true, &error);
        if (ok)
            statusBar()->showMessage(tr("Autosaved %1").arg(m_workspacePath), 5000);
    } else {
        QDir().mkpath(QFileInfo(recoveryPath()).absolutePath());
        ok = saveWorkspaceFile(recoveryPath(), true, true, &error);
        if (ok)
            statusBar()->showMessage(tr("Autosaved the unsaved session for recovery (%1)").arg(recoveryPath()), 5000);
    }
    if (!ok)
        statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 15000);
    return ok;
}

bool MainWindow::restoreRecovery(bool quiet, QString* error)
{
    return openWorkspaceFile(recoveryPath(), true, quiet, error);
}

void MainWindow::offerRecovery()
{
    const QFileInfo info(recoveryPath());
    if (!info.isFile())
        return;
    QMessageBox box(QMessageBox::Question, tr("Recover the unsaved session?"),
                    tr("The studio kept an unsaved session from %1 (autosave). Restore it?")
                        .arg(QLocale().toString(info.lastModified(), QLocale::ShortFormat)),
                    QMessageBox::NoButton, this);
    QPushButton* restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() == restore)
        restoreRecovery();
    else if (box.clickedButton() == discard)
        QFile::remove(recoveryPath());
}

void MainWindow::newWorkspace()
{
    if (!maybeSaveChanges())
        return;
    m_workspacePath.clear();
    m_runs->clear();
    m_armedRun.reset();
    setModified(false);
    updateTitle();
    statusBar()->showMessage(tr("New workspace: the open configuration, prompts and annotations stay; save it with Ctrl+S"), 8000);
}

} // namespace vaclip::studio

// MainWindow's workspaces: File > Open workspace, Save workspace (as), Recent workspaces.
// The file is the SQLite workspace of core/workspace/workspace.h; what the studio keeps in it
// besides datasets, prompt sets, annotations and runs lives in its settings table under "studio.".
#include "studio/main_window.h"

#include "annotate/annotation_model.h"
#include "panels/datasets_panel.h"
#include "panels/prompts_panel.h"
#include "studio/studio_session.h"
#include "workspace/workspace.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QStatusBar>

#include <cmath>

using vaclip::Workspace;

namespace {
const char* const kConfigKey = "studio.config";
const char* const kTrainingConfigKey = "studio.training_config";
const char* const kTypedPromptKey = "studio.typed_prompt";
const char* const kLastRunKey = "studio.last_run";
const char* const kSessionPromptSet = "studio session";
const char* const kSessionRun = "studio session";

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& q) { return q.toStdString(); }

/// Everything a workspace holds for the studio, read before anything is applied.
struct WorkspaceSnapshot {
    QString config, trainingConfig, typedPrompt;
    QStringList datasets;
    std::optional<QVector<QPair<QString, bool>>> prompts;
    vaclip::RecentState recent;
    QHash<QString, std::vector<float>> tracks;   ///< the last run's scores by video
    QStringList runPrompts;
};

WorkspaceSnapshot readSnapshot(const Workspace& ws)
{
    WorkspaceSnapshot out;
    out.config = q(ws.setting(kConfigKey).value_or(""));
    out.trainingConfig = q(ws.setting(kTrainingConfigKey).value_or(""));
    out.typedPrompt = q(ws.setting(kTypedPromptKey).value_or(""));
    for (const vaclip::DatasetRecord& d : ws.datasets())
        out.datasets << q(d.metaPath);
    if (const auto set = ws.promptSet(kSessionPromptSet)) {
        out.prompts.emplace();
        for (const vaclip::Prompt& p : set->prompts)
            out.prompts->append({q(p.text), p.enabled});
    }
    out.recent = ws.recentState();
    if (const auto id = ws.setting(kLastRunKey)) {
        if (const auto run = ws.run(std::stoll(*id))) {
            for (const std::string& video : ws.scoreTrackVideos(run->id))
                out.tracks.insert(q(video), ws.scoreTrack(run->id, video));
            const QJsonObject metrics = QJsonDocument::fromJson(QByteArray::fromStdString(run->metricsJson)).object();
            for (const QJsonValue& v : metrics.value(QStringLiteral("prompts")).toArray())
                out.runPrompts << v.toString();
        }
    }
    return out;
}

QString fileText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
} // namespace

bool MainWindow::saveWorkspace(const QString& path, bool quiet, QString* error)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    try {
        Workspace ws(s(abs));
        ws.transaction([&] {
            ws.setSetting(kConfigKey, s(m_session->hasConfig() ? m_session->configPath() : QString()));
            ws.setSetting(kTrainingConfigKey, s(m_session->hasConfig() ? m_session->trainingConfigPath() : QString()));
            ws.setSetting(kTypedPromptKey, s(m_prompts->promptEdit()->text()));

            // Datasets: exactly the tree's, in its order.
            const QStringList datasets = m_datasets->datasetPaths();
            for (const vaclip::DatasetRecord& d : ws.datasets())
                if (!datasets.contains(q(d.metaPath)))
                    ws.removeDataset(d.id);
            for (const QString& d : datasets)
                ws.addDataset({0, s(QFileInfo(d).dir().dirName() + QLatin1Char('/') + QFileInfo(d).fileName()), s(d), {}});

            vaclip::PromptSet prompts{0, kSessionPromptSet, {}};
            for (const auto& [text, enabled] : m_prompts->promptEntries())
                prompts.prompts.push_back({s(text), enabled});
            ws.savePromptSet(prompts);

            const int video = m_session->currentVideo();
            ws.saveRecentState({s(m_session->videoName(video)), m_session->currentFrame(), m_session->threshold()});
            m_annotations->saveToWorkspace(ws);

            // The current scores replace the previous session run.
            if (const auto old = ws.setting(kLastRunKey)) {
                if (ws.run(std::stoll(*old)))
                    ws.removeRun(std::stoll(*old));
                ws.removeSetting(kLastRunKey);
            }
            const ScoreUpdatePtr scores = m_session->scores();
            const TestSetInfoPtr testSet = m_session->testSet();
            if (scores && testSet && scores->scores.videoOffsets.size() == std::size_t(testSet->videos.size()) + 1) {
                QJsonObject metrics{{QStringLiteral("prompts"), QJsonArray::fromStringList(scores->prompts)}};
                if (const auto& e = scores->evaluation) {
                    auto number = [](double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); };
                    metrics.insert(QStringLiteral("micro_auc"), number(e->micro.auc));
                    metrics.insert(QStringLiteral("micro_ap"), number(e->micro.ap(e->options.ap)));
                    metrics.insert(QStringLiteral("macro_auc"), number(e->macro.auc));
                    metrics.insert(QStringLiteral("macro_ap"), number(e->macro.ap));
                }
                const int64_t run = ws.addRun({0, kSessionRun, s(fileText(m_session->configPath())), s(testSet->checkpoint),
                                               QJsonDocument(metrics).toJson(QJsonDocument::Compact).toStdString(), {}});
                for (int i = 0; i < testSet->videos.size(); ++i)
                    ws.putScoreTrack(run, s(testSet->videos[i]), m_session->videoScores(i));
                ws.setSetting(kLastRunKey, std::to_string(run));
            }
        });
    } catch (const std::exception& e) {
        QString message = q(e.what());
        if (!message.contains(abs))
            message = tr("'%1': %2").arg(abs, message);
        if (error)
            *error = message;
        if (!quiet)
            showError(tr("Cannot save the workspace"), message);
        return false;
    }
    m_workspacePath = abs;
    m_settings.addRecentWorkspace(abs);
    m_settings.save();
    updateRecentWorkspaceMenu();
    setWindowTitle(tr("%1 — VideoAnomalyCLIP Studio").arg(QFileInfo(abs).fileName()));
    statusBar()->showMessage(tr("Saved the workspace %1").arg(abs), 8000);
    return true;
}

bool MainWindow::openWorkspace(const QString& path, bool quiet, QString* error)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        if (!quiet)
            showError(tr("Cannot open the workspace"), message);
        return false;
    };
    if (!QFileInfo(abs).isFile())
        return fail(tr("'%1': no such workspace file").arg(abs));
    // Everything is read (and the file checked) before the session changes.
    std::unique_ptr<Workspace> ws;
    WorkspaceSnapshot snap;
    try {
        ws = std::make_unique<Workspace>(s(abs), Workspace::OpenMode::Existing);
        snap = readSnapshot(*ws);
    } catch (const std::exception& e) {
        const QString message = q(e.what());
        return fail(message.contains(abs) ? message : tr("'%1': %2").arg(abs, message));
    }

    QStringList problems;
    if (!snap.trainingConfig.isEmpty())
        m_session->setTrainingConfigPath(snap.trainingConfig);
    QStringList active;
    if (snap.prompts) {
        for (const auto& [text, enabled] : *snap.prompts)
            if (enabled && !text.trimmed().isEmpty())
                active << text.trimmed();
        if (!snap.typedPrompt.trimmed().isEmpty() && !active.contains(snap.typedPrompt.trimmed()))
            active << snap.typedPrompt.trimmed();
        m_session->setPrompts(active);  // before the configuration: its own prompts do not apply
    }
    m_session->setThreshold(snap.recent.threshold);

    if (!snap.config.isEmpty()) {
        // Once the test set is there: the video, its frame and the last run's scores.
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_session, &StudioSession::testSetLoaded, this, [this, snap, active, connection](TestSetInfoPtr info) {
            disconnect(*connection);
            std::vector<std::vector<float>> tracks;
            for (const QString& v : info->videos) {
                auto it = snap.tracks.find(v);
                if (it == snap.tracks.end())
                    break;
                tracks.push_back(it.value());
            }
            if (tracks.size() == std::size_t(info->videos.size()))
                m_session->showStoredScores(tracks, snap.runPrompts.isEmpty() ? active : snap.runPrompts);
            const int video = info->videos.indexOf(q(snap.recent.openVideo));
            if (video >= 0) {
                m_session->setCurrentVideo(video);
                m_session->setCurrentFrame(snap.recent.playhead);
                m_annotations->setVideo(info->videos[video], info->frames[std::size_t(video)]);
            }
        });
        connect(m_session, &StudioSession::loadFailed, this, [connection] { QObject::disconnect(*connection); },
                Qt::SingleShotConnection);
        if (!QFileInfo::exists(snap.config) || !openConfig(snap.config, true)) {
            disconnect(*connection);
            problems << tr("the configuration %1 could not be opened%2")
                            .arg(snap.config, m_session->lastError().isEmpty() ? QString() : QStringLiteral(": ") + m_session->lastError());
        }
    }
    if (snap.prompts) {
        m_prompts->setPromptEntries(*snap.prompts);
        m_prompts->promptEdit()->setText(snap.typedPrompt);
    }
    for (const QString& d : snap.datasets) {
        QString e;
        if (!m_datasets->addDataset(d, &e))
            problems << e;
    }
    m_annotations->loadFromWorkspace(*ws);
    if (snap.config.isEmpty() && m_session->currentVideo() >= 0 && m_session->testSet())
        m_annotations->setVideo(m_session->videoName(m_session->currentVideo()),
                                m_session->testSet()->frames[std::size_t(m_session->currentVideo())]);

    m_workspacePath = abs;
    m_settings.addRecentWorkspace(abs);
    m_settings.save();
    updateRecentWorkspaceMenu();
    setWindowTitle(tr("%1 — VideoAnomalyCLIP Studio").arg(QFileInfo(abs).fileName()));
    if (!problems.isEmpty()) {
        const QString message = tr("'%1' was opened, but not everything in it could be restored:\n%2").arg(abs, problems.join(QLatin1Char('\n')));
        if (error)
            *error = message;
        if (!quiet)
            showError(tr("Workspace partly restored"), message);
    } else {
        statusBar()->showMessage(tr("Opened the workspace %1").arg(abs), 8000);
    }
    return true;
}

void MainWindow::openWorkspaceDialog()
{
    const QString p = QFileDialog::getOpenFileName(this, tr("Open workspace"), QFileInfo(m_workspacePath).absolutePath(),
                                                   tr("Workspaces (*.vaclip);;All files (*)"));
    if (!p.isEmpty())
        openWorkspace(p);
}

void MainWindow::saveWorkspaceNow()
{
    if (m_workspacePath.isEmpty())
        saveWorkspaceAsDialog();
    else
        saveWorkspace(m_workspacePath);
}

void MainWindow::saveWorkspaceAsDialog()
{
    QString p = QFileDialog::getSaveFileName(this, tr("Save workspace"),
                                             m_workspacePath.isEmpty() ? QStringLiteral("session.vaclip") : m_workspacePath,
                                             tr("Workspaces (*.vaclip)"));
    if (p.isEmpty())
        return;
    if (QFileInfo(p).suffix().isEmpty())
        p += QStringLiteral(".vaclip");
    saveWorkspace(p);
}

void MainWindow::updateRecentWorkspaceMenu()
{
    if (!m_recentWorkspaceMenu)
        return;
    m_recentWorkspaceMenu->clear();
    for (const QString& p : m_settings.recentWorkspaces)
        m_recentWorkspaceMenu->addAction(QFileInfo(p).fileName() + QStringLiteral("  (") + QFileInfo(p).absolutePath() + QStringLiteral(")"),
                                         this, [this, p] { openWorkspace(p); });
    m_recentWorkspaceMenu->setEnabled(!m_settings.recentWorkspaces.isEmpty());
}

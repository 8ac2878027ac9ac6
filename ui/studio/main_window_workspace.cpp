// MainWindow's workspaces: File > Open workspace, Save workspace (as), Recent workspaces, and the
// recovery file of autosave. The file is the SQLite workspace of core/workspace/workspace.h; what
// the studio keeps in it besides datasets, prompt sets, annotations and runs (the run history,
// studio/run_history.h) lives in its settings table under "studio.". The live scores of the last
// save are one more run, "studio session" (studio.last_run), shown first on reopening and not
// listed in the Runs panel.
#include "studio/main_window.h"

#include "annotate/annotation_model.h"
#include "panels/datasets_panel.h"
#include "panels/prompts_panel.h"
#include "panels/training_panel.h"
#include "studio/studio_session.h"
#include "studio/viewer_widget.h"
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
#include <filesystem>
#include <utility>

namespace vaclip::studio {

using vaclip::Workspace;

namespace {
const char* const kConfigKey = "studio.config";
const char* const kTrainingConfigKey = "studio.training_config";
const char* const kTypedPromptKey = "studio.typed_prompt";
const char* const kTrainingYamlKey = "studio.training_yaml";  // the training form's YAML as edited
const char* const kBackboneKey = "studio.backbone";           // {"path": ..., "input_size": N}
const char* const kLastRunKey = "studio.last_run";
const char* const kSessionPromptSet = "studio session";
const char* const kSessionRun = "studio session";

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& q) { return q.toStdString(); }

/// Everything a workspace holds for the studio, read before anything is applied.
struct WorkspaceSnapshot {
    QString config, trainingConfig, typedPrompt, trainingYaml, backbonePath;
    int backboneInputSize = 0;
    QList<StudioRun> runs;                       ///< the history (not the session run)
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
    out.trainingYaml = q(ws.setting(kTrainingYamlKey).value_or(""));
    const QJsonObject backbone = QJsonDocument::fromJson(QByteArray::fromStdString(ws.setting(kBackboneKey).value_or(""))).object();
    out.backbonePath = backbone.value(QStringLiteral("path")).toString();
    out.backboneInputSize = backbone.value(QStringLiteral("input_size")).toInt();
    for (const vaclip::DatasetRecord& d : ws.datasets())
        out.datasets << q(d.metaPath);
    if (const auto set = ws.promptSet(kSessionPromptSet)) {
        out.prompts.emplace();
        for (const vaclip::Prompt& p : set->prompts)
            out.prompts->append({q(p.text), p.enabled});
    }
    out.recent = ws.recentState();
    int64_t sessionRun = 0;
    if (const auto id = ws.setting(kLastRunKey)) {
        if (const auto run = ws.run(std::stoll(*id))) {
            sessionRun = run->id;
            for (const std::string& video : ws.scoreTrackVideos(run->id))
                out.tracks.insert(q(video), ws.scoreTrack(run->id, video));
            const QJsonObject metrics = QJsonDocument::fromJson(QByteArray::fromStdString(run->metricsJson)).object();
            for (const QJsonValue& v : metrics.value(QStringLiteral("prompts")).toArray())
                out.runPrompts << v.toString();
        }
    }
    out.runs = RunHistory::read(ws, sessionRun);
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
    return saveWorkspaceFile(path, false, quiet, error);
}

bool MainWindow::saveWorkspaceFile(const QString& path, bool recovery, bool quiet, QString* error)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    // The recovery file is written whole under a temporary name, then renamed over the old one.
    const QString target = recovery ? abs + QStringLiteral(".tmp") : abs;
    RunHistory::StoreResult stored;
    try {
        if (recovery) {
            QFile::remove(target);
            QFile::remove(target + QStringLiteral("-wal"));
            QFile::remove(target + QStringLiteral("-shm"));
        }
        Workspace ws(s(target));
        ws.transaction([&] {
            ws.setSetting(kConfigKey, s(m_session->hasConfig() ? m_session->configPath() : QString()));
            ws.setSetting(kTrainingConfigKey, s(m_session->hasConfig() ? m_session->trainingConfigPath() : QString()));
            ws.setSetting(kTypedPromptKey, s(m_prompts->promptEdit()->text()));
            ws.setSetting(kTrainingYamlKey, s(m_training->yamlText()));
            if (m_session->hasConfig()) {
                const QJsonObject backbone{{QStringLiteral("path"), q(m_session->config().backbone.path)},
                                           {QStringLiteral("input_size"), m_session->config().backbone.inputSize}};
                ws.setSetting(kBackboneKey, QJsonDocument(backbone).toJson(QJsonDocument::Compact).toStdString());
            } else {
                ws.removeSetting(kBackboneKey);
            }

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

            // The current scores replace the previous session run; the history follows.
            int64_t sessionRun = 0;
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
                sessionRun = run;
            }
            stored = m_runs->writeTo(ws, !recovery && m_runs->storedIn() == abs, sessionRun);
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
    if (recovery) {
        std::error_code ec;
        std::filesystem::rename(s(target), s(abs), ec);
        if (ec) {
            if (error)
                *error = tr("'%1': %2").arg(abs, q(ec.message()));
            return false;
        }
        return true;
    }
    m_runs->markStored(abs, stored);
    m_workspacePath = abs;
    m_settings.addRecentWorkspace(abs);
    m_settings.save();
    updateRecentWorkspaceMenu();
    QFile::remove(recoveryPath());  // everything is in a file the user chose
    setModified(false);
    statusBar()->showMessage(tr("Saved the workspace %1").arg(abs), 8000);
    return true;
}

bool MainWindow::openWorkspace(const QString& path, bool quiet, QString* error)
{
    return openWorkspaceFile(path, false, quiet, error);
}

bool MainWindow::openWorkspaceFile(const QString& path, bool recovery, bool quiet, QString* error)
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

    // No modified marks while restoring; afterwards the session is as saved (or, from the
    // recovery file, unsaved).
    ++m_restoring;
    auto finished = std::make_shared<bool>(false);
    auto finish = [this, recovery, finished] {
        if (std::exchange(*finished, true))
            return;
        --m_restoring;
        setModified(recovery);
    };
    m_viewer->clearOverlay();
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
        *connection = connect(m_session, &StudioSession::testSetLoaded, this, [this, snap, active, connection, finish](TestSetInfoPtr info) {
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
            finish();
        });
        connect(m_session, &StudioSession::loadFailed, this, [connection, finish] {
            QObject::disconnect(*connection);
            finish();
        }, Qt::SingleShotConnection);
        auto backbone = [&snap](vaclip::Config& c) {
            if (snap.backbonePath.isEmpty())
                return;
            c.backbone.path = s(snap.backbonePath);
            if (snap.backboneInputSize > 0)
                c.backbone.inputSize = snap.backboneInputSize;
        };
        if (!QFileInfo::exists(snap.config) || !openConfig(snap.config, true, backbone)) {
            disconnect(*connection);
            finish();
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
    if (!snap.trainingYaml.trimmed().isEmpty())
        m_training->setYamlText(snap.trainingYaml);
    m_annotations->loadFromWorkspace(*ws);
    m_runs->replace(snap.runs, recovery ? QString() : abs);
    if (snap.config.isEmpty() && m_session->currentVideo() >= 0 && m_session->testSet())
        m_annotations->setVideo(m_session->videoName(m_session->currentVideo()),
                                m_session->testSet()->frames[std::size_t(m_session->currentVideo())]);

    if (!recovery) {
        m_workspacePath = abs;
        m_settings.addRecentWorkspace(abs);
        m_settings.save();
        updateRecentWorkspaceMenu();
    } else {
        m_workspacePath.clear();
    }
    if (snap.config.isEmpty())
        finish();
    updateTitle();
    if (!problems.isEmpty()) {
        const QString message = tr("'%1' was opened, but not everything in it could be restored:\n%2").arg(abs, problems.join(QLatin1Char('\n')));
        if (error)
            *error = message;
        if (!quiet)
            showError(tr("Workspace partly restored"), message);
    } else {
        statusBar()->showMessage(recovery ? tr("Restored the unsaved session; save it with Ctrl+S") : tr("Opened the workspace %1").arg(abs), 8000);
    }
    return true;
}

void MainWindow::openWorkspaceDialog()
{
    if (!maybeSaveChanges())
        return;
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

bool MainWindow::saveWorkspaceAsDialog()
{
    QString p = QFileDialog::getSaveFileName(this, tr("Save workspace"),
                                             m_workspacePath.isEmpty() ? QStringLiteral("session.vaclip") : m_workspacePath,
                                             tr("Workspaces (*.vaclip)"));
    if (p.isEmpty())
        return false;
    if (QFileInfo(p).suffix().isEmpty())
        p += QStringLiteral(".vaclip");
    return saveWorkspace(p);
}

void MainWindow::updateRecentWorkspaceMenu()
{
    if (!m_recentWorkspaceMenu)
        return;
    m_recentWorkspaceMenu->clear();
    for (const QString& p : m_settings.recentWorkspaces)
        m_recentWorkspaceMenu->addAction(QFileInfo(p).fileName() + QStringLiteral("  (") + QFileInfo(p).absolutePath() + QStringLiteral(")"),
                                         this, [this, p] {
                                             if (maybeSaveChanges())
                                                 openWorkspace(p);
                                         });
    m_recentWorkspaceMenu->setEnabled(!m_settings.recentWorkspaces.isEmpty());
}

} // namespace vaclip::studio

#include "studio/studio_session.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace vaclip::studio {

using namespace vaclip;

StudioSession::StudioSession(QObject* parent)
    : QObject(parent), m_engine(std::make_unique<ScoringEngine>()), m_jobs(std::make_unique<JobQueue>())
{
    connect(m_engine.get(), &ScoringEngine::loaded, this, &StudioSession::onLoaded);
    connect(m_engine.get(), &ScoringEngine::loadFailed, this, [this](const QString& message) {
        m_loading = false;
        m_lastError = message;
        emit loadFailed(message);
    });
    connect(m_engine.get(), &ScoringEngine::scored, this, &StudioSession::onScored);
    connect(m_engine.get(), &ScoringEngine::scoreFailed, this, [this](const QString& message) {
        m_lastError = message;
        emit scoreFailed(message);
    });
}

StudioSession::~StudioSession()
{
    m_jobs->cancelAll();
    m_jobs.reset();    // waits for running jobs
    m_engine.reset();  // waits for the engine thread
}

bool StudioSession::openConfig(const QString& path, QString* error)
{
    try {
        const Config c = loadConfig(QDir::cleanPath(QFileInfo(path).absoluteFilePath()).toStdString());
        return setConfig(c, QFileInfo(path).absoluteFilePath(), error);
    } catch (const std::exception& e) {
        m_lastError = QString::fromStdString(e.what());
        if (error)
            *error = m_lastError;
        return false;
    }
}

bool StudioSession::setConfig(const Config& config, const QString& sourcePath, QString* error)
{
    try {
        LoadMetaOptions mo;
        mo.root = config.dataset.root;
        mo.checkFilesExist = false;  // a missing video is reported when it is opened
        DatasetMeta meta = loadMeta(config.dataset.meta, mo);
        m_meta = std::move(meta);
    } catch (const std::exception& e) {
        m_lastError = QString::fromStdString(e.what());
        if (error)
            *error = m_lastError;
        return false;
    }
    m_config = config;
    m_configPath = sourcePath;
    m_hasConfig = true;
    if (!m_promptsSet) {
        m_prompts.clear();
        for (const auto& p : config.semanticPrompts.empty() ? config.genericPrompts.abnormal : config.semanticPrompts)
            m_prompts << QString::fromStdString(p);
        emit promptsChanged(m_prompts);
    }
    emit configChanged();
    reload();
    return true;
}

void StudioSession::reload()
{
    if (!m_hasConfig)
        return;
    m_loading = true;
    emit loadingStarted();
    m_engine->load(m_config, checkpointFor(m_config));
}

void StudioSession::setTrainingConfigPath(const QString& path)
{
    m_trainingConfigPath = path;
    emit trainingConfigPathChanged(path);
}

QString StudioSession::checkpointFor(const Config& config)
{
    namespace fs = std::filesystem;
    if (!config.testing.checkpoint.empty() && fs::exists(config.testing.checkpoint))
        return QString::fromStdString(config.testing.checkpoint);
    const fs::path dir = config.training.checkpointDir;
    if (!dir.empty() && (fs::exists(dir / "last.ckpt") || fs::exists(dir / "best.ckpt")))
        return QString::fromStdString(dir.string());
    return {};
}

void StudioSession::onLoaded(TestSetInfoPtr info)
{
    m_loading = false;
    m_testSet = std::move(info);
    m_lastError.clear();
    emit testSetLoaded(m_testSet);
    if (m_currentVideo < 0 || m_currentVideo >= videoCount())
        setCurrentVideo(videoCount() > 0 ? 0 : -1);
    m_engine->requestScores(m_prompts);
}

void StudioSession::onScored(ScoreUpdatePtr update)
{
    if (m_scores && update->generation < m_scores->generation)
        return;  // an older answer overtaken by a newer one
    m_scores = std::move(update);
    if (!m_thresholdSet && m_scores->evaluation && m_scores->evaluation->micro.defined &&
        std::isfinite(m_scores->evaluation->micro.bestF1.threshold)) {
        m_threshold = m_scores->evaluation->micro.bestF1.threshold;
        emit thresholdChanged(m_threshold);
    }
    emit scoresChanged(m_scores);
}

void StudioSession::setPrompts(const QStringList& prompts)
{
    m_promptsSet = true;
    if (prompts == m_prompts && m_scores)
        return;
    m_prompts = prompts;
    emit promptsChanged(m_prompts);
    if (m_engine->isLoaded())
        m_engine->requestScores(m_prompts);
}

void StudioSession::setThreshold(double threshold)
{
    m_thresholdSet = true;
    if (threshold == m_threshold)
        return;
    m_threshold = threshold;
    emit thresholdChanged(threshold);
}

void StudioSession::setCurrentVideo(int index)
{
    if (index == m_currentVideo)
        return;
    m_currentVideo = index;
    m_currentFrame = 0;
    emit currentVideoChanged(index);
    emit currentFrameChanged(0);
}

void StudioSession::setCurrentFrame(qint64 frame)
{
    if (m_testSet && m_currentVideo >= 0)
        frame = std::clamp<qint64>(frame, 0, std::max<qint64>(0, m_testSet->frames[std::size_t(m_currentVideo)] - 1));
    if (frame == m_currentFrame)
        return;
    m_currentFrame = frame;
    emit currentFrameChanged(frame);
}

QString StudioSession::videoName(int index) const
{
    if (!m_testSet || index < 0 || index >= videoCount())
        return {};
    return m_testSet->videos[index];
}

QString StudioSession::videoPath(int index) const
{
    const QString name = videoName(index);
    if (name.isEmpty() || !m_meta)
        return {};
    const VideoEntry* e = m_meta->find(name.toStdString());
    return e ? QString::fromStdString(e->absolutePath) : QString();
}

std::vector<float> StudioSession::videoScores(int index) const
{
    if (!m_scores || index < 0 || std::size_t(index) + 1 >= m_scores->scores.videoOffsets.size())
        return {};
    const auto& off = m_scores->scores.videoOffsets;
    return {m_scores->scores.scores.begin() + off[std::size_t(index)],
            m_scores->scores.scores.begin() + off[std::size_t(index) + 1]};
}

const std::vector<uint8_t>* StudioSession::videoLabels(int index) const
{
    if (!m_testSet || index < 0 || index >= videoCount())
        return nullptr;
    return &m_testSet->labels[std::size_t(index)];
}

bool StudioSession::showStoredScores(const std::vector<std::vector<float>>& perVideo, const QStringList& prompts)
{
    if (!m_testSet || qsizetype(perVideo.size()) != m_testSet->videos.size() || perVideo.empty())
        return false;
    auto u = std::make_shared<ScoreUpdate>();
    u->generation = 0;  // every re-scoring has a higher one
    u->prompts = prompts;
    u->scores.videoOffsets.push_back(0);
    for (std::size_t i = 0; i < perVideo.size(); ++i) {
        if (qint64(perVideo[i].size()) != m_testSet->frames[i])
            return false;
        u->scores.scores.insert(u->scores.scores.end(), perVideo[i].begin(), perVideo[i].end());
        u->scores.videoOffsets.push_back(int64_t(u->scores.scores.size()));
    }
    u->scores.winner.assign(u->scores.scores.size(), 0);
    u->evaluationNote = tr("scores restored from the workspace; re-scoring");
    m_scores = std::move(u);
    emit scoresChanged(m_scores);
    return true;
}

} // namespace vaclip::studio

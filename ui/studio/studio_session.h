#pragma once
// The studio's shared state, passed to every panel (no globals): the open test configuration
// and its dataset, the loaded test set, the prompts and their latest scores, the threshold, the
// current video and frame, and the job queue. Panels read it and react to its signals; they change
// it only through its setters.
//
//   StudioSession session;                                  // GUI thread
//   session.openConfig("build/run/walkway.yaml");          // async load; testSetLoaded() follows
//   session.setPrompts({"a person riding a bicycle"});      // re-scores on the engine's thread
//   connect(&session, &StudioSession::scoresChanged, plot, &Plot::update);
//   session.setCurrentVideo(2);  session.setCurrentFrame(40);
//
// A configuration is the unit the studio opens: dataset.meta (the test split), backbone.path,
// features.cache_dir and the checkpoint (testing.checkpoint, else training.checkpoint_dir when it
// exists, else zero-shot). The training configuration may be another file (demo: campus.yaml
// trains, walkway.yaml tests); it defaults to the test configuration.
// Thread affinity: GUI thread only.

#include "config/config.h"
#include "data/meta.h"
#include "jobs/job_queue.h"
#include "studio/scoring_engine.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace vaclip::studio {

class StudioSession : public QObject {
    Q_OBJECT
public:
    explicit StudioSession(QObject* parent = nullptr);
    ~StudioSession() override;

    ScoringEngine* engine() const { return m_engine.get(); }
    JobQueue* jobs() const { return m_jobs.get(); }

    /// Reads the YAML and the dataset's meta.json now (errors: false + message), then loads the
    /// test set on the engine thread (testSetLoaded or loadFailed follow).
    bool openConfig(const QString& path, QString* error = nullptr);
    /// Uses an in-memory config (e.g. edited), `sourcePath` for display and relative saving.
    bool setConfig(const vaclip::Config& config, const QString& sourcePath, QString* error = nullptr);
    /// Loads the current configuration again (after training wrote a checkpoint, after extraction).
    void reload();
    bool hasConfig() const { return m_hasConfig; }
    const vaclip::Config& config() const { return m_config; }
    QString configPath() const { return m_configPath; }
    QString trainingConfigPath() const { return m_trainingConfigPath.isEmpty() ? m_configPath : m_trainingConfigPath; }
    void setTrainingConfigPath(const QString& path);
    const vaclip::DatasetMeta* meta() const { return m_meta ? &*m_meta : nullptr; }
    /// The checkpoint a load uses for `config` ("" = zero-shot).
    static QString checkpointFor(const vaclip::Config& config);

    bool isLoading() const { return m_loading; }
    TestSetInfoPtr testSet() const { return m_testSet; }
    ScoreUpdatePtr scores() const { return m_scores; }
    QString lastError() const { return m_lastError; }
    /// Shows per-video scores kept from an earlier session (a workspace's last run, in test-set
    /// order) until the first re-scoring replaces them: an update with generation 0 and no
    /// evaluation. Call it from testSetLoaded (the re-scoring of the new test set is requested
    /// right after). False (nothing changes) when no test set is loaded or the tracks do not fit
    /// it (video count, frame counts).
    bool showStoredScores(const std::vector<std::vector<float>>& perVideo, const QStringList& prompts);

    QStringList prompts() const { return m_prompts; }
    /// Enabled prompts to score; re-scores the whole test set (coalesced on the engine).
    void setPrompts(const QStringList& prompts);

    double threshold() const { return m_threshold; }
    /// True once the threshold was set (by the user or a restore), false while it follows the
    /// evaluations' best-F1 threshold.
    bool thresholdChosen() const { return m_thresholdSet; }
    void setThreshold(double threshold);

    int videoCount() const { return m_testSet ? int(m_testSet->videos.size()) : 0; }
    int currentVideo() const { return m_currentVideo; }
    void setCurrentVideo(int index);
    qint64 currentFrame() const { return m_currentFrame; }
    void setCurrentFrame(qint64 frame);
    /// Absolute path of test video `index` ("" when unknown).
    QString videoPath(int index) const;
    QString videoName(int index) const;
    /// Scores of one test video (empty before scoring).
    std::vector<float> videoScores(int index) const;
    const std::vector<uint8_t>* videoLabels(int index) const;

signals:
    void configChanged();
    void loadingStarted();
    void testSetLoaded(TestSetInfoPtr info);
    void loadFailed(const QString& message);
    void promptsChanged(const QStringList& prompts);
    void scoresChanged(ScoreUpdatePtr update);
    void scoreFailed(const QString& message);
    void thresholdChanged(double threshold);
    void currentVideoChanged(int index);
    void currentFrameChanged(qint64 frame);
    void trainingConfigPathChanged(const QString& path);

private:
    void onLoaded(TestSetInfoPtr info);
    void onScored(ScoreUpdatePtr update);

    std::unique_ptr<ScoringEngine> m_engine;
    std::unique_ptr<JobQueue> m_jobs;
    vaclip::Config m_config;
    bool m_hasConfig = false;
    QString m_configPath, m_trainingConfigPath;
    std::optional<vaclip::DatasetMeta> m_meta;
    bool m_loading = false;
    TestSetInfoPtr m_testSet;
    ScoreUpdatePtr m_scores;
    QString m_lastError;
    QStringList m_prompts;
    bool m_promptsSet = false;
    double m_threshold = 0.5;
    bool m_thresholdSet = false;
    int m_currentVideo = -1;
    qint64 m_currentFrame = 0;
};

} // namespace vaclip::studio

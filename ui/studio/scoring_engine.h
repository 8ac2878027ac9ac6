#pragma once
// The studio's bridge to the scorer: one long-lived worker thread that loads a test set's cached
// features with a backbone and checkpoint (infer/scorer.h), then re-scores it against the prompts
// the user types, evaluating every result (eval/evaluator.h). Requests are coalesced: while one
// re-scoring runs, only the newest pending prompt list is kept, so typing never builds a backlog.
//
//   ScoringEngine engine;                                       // GUI thread
//   connect(&engine, &ScoringEngine::scored, this, [](ScoreUpdatePtr u) { plot(u->scores.scores); });
//   engine.load(config, checkpointPath);                        // async; loaded() or failed()
//   engine.requestScores({"a person riding a bicycle"});        // async, per keystroke is fine
//
// Pixel AUROC / AUPRO (PixelUpdate) cost far more than a re-scoring (every frame's pixel map of
// every masked test video), so they follow the PixelMetricsMode: Live computes them after every
// re-scoring, OnDemand only after requestPixelMetrics(), Off never. A computation is abandoned
// (between videos) when a newer re-scoring is requested or the mode turns Off; pixelStarted()
// says when one begins, so that a panel can show "computing".
//
//   engine.setPixelMetricsMode(PixelMetricsMode::OnDemand);
//   engine.requestPixelMetrics();                               // pixelStarted(g), pixelScored(u)
//
// Thread affinity: the public functions are for the GUI thread; signals arrive there (queued).
// The worker owns the Scorer; the GUI thread never encodes text or multiplies features.

#include "config/config.h"
#include "eval/evaluator.h"
#include "eval/pixel.h"
#include "infer/scorer.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace vaclip::studio {

/// When pixel metrics are computed (StudioSettings::pixelMetrics, the metrics panel's switch).
enum class PixelMetricsMode { Live, OnDemand, Off };

/// What a loaded test set is, for panels (all vectors in dataset order).
struct TestSetInfo {
    QStringList videos;                        ///< video_path as written in meta.json
    std::vector<qint64> frames;
    std::vector<std::vector<uint8_t>> labels;  ///< empty for a video without frame labels
    QString backboneId;
    QString checkpoint;                        ///< "" = zero-shot
    QString calibrationNote;                   ///< why calibration fell back, or ""
    int pixelVideos = 0;                       ///< test videos with pixel masks (0: no pixel metrics)
    QString pixelNote;                         ///< why there are no pixel metrics, or ""
    double loadSeconds = 0;
};
using TestSetInfoPtr = std::shared_ptr<const TestSetInfo>;

/// One re-scoring of the whole test set and its evaluation.
struct ScoreUpdate {
    quint64 generation = 0;                    ///< increases with every request
    QStringList prompts;
    vaclip::infer::TestScores scores;          ///< all frames, dataset order
    std::vector<float> promptTracks;           ///< frames x prompts cosine similarities
    std::shared_ptr<const vaclip::eval::EvaluationResult> evaluation;  ///< null when not evaluable
    QString evaluationNote;                    ///< why there is no evaluation
    double rescoreMs = 0, evaluateMs = 0;
};
using ScoreUpdatePtr = std::shared_ptr<const ScoreUpdate>;

/// Pixel AUROC / AUPRO of one re-scoring's prompts (studio/live_pixel_metrics.h), computed after
/// its ScoreUpdate was delivered, so that the frame scores and the plot never wait for it.
struct PixelUpdate {
    quint64 generation = 0;                    ///< the ScoreUpdate's
    std::optional<vaclip::eval::PixelMetrics> metrics;  ///< nullopt: not available (see note)
    QString note;                              ///< why there are no pixel metrics, or ""
    int videos = 0;                            ///< test videos with pixel masks evaluated
    double ms = 0;
};
using PixelUpdatePtr = std::shared_ptr<const PixelUpdate>;

class ScoringEngine : public QObject {
    Q_OBJECT
public:
    explicit ScoringEngine(QObject* parent = nullptr);
    ~ScoringEngine() override;

    /// Loads backbone, checkpoint ("" = zero-shot) and the test split's cached features.
    void load(const vaclip::Config& config, const QString& checkpoint);
    /// Scores the loaded test set against `prompts` (coalesced; empty list = the config's).
    quint64 requestScores(const QStringList& prompts);
    /// Bootstrap resamples for the intervals of each evaluation (0 = none).
    void setBootstrapSamples(int samples);
    bool isLoaded() const;

    /// Switching to Live computes the latest scores' pixel metrics; to Off abandons a running
    /// computation. Emits pixelMetricsModeChanged when it changes.
    void setPixelMetricsMode(PixelMetricsMode mode);
    PixelMetricsMode pixelMetricsMode() const;
    /// Pixel metrics of the newest requested prompts (after their re-scoring, if it still runs),
    /// in any mode but Off. Returns that generation; 0 (nothing happens) when Off or nothing was
    /// requested yet. Dropped when a newer re-scoring is requested before it finishes.
    quint64 requestPixelMetrics();

signals:
    void loaded(TestSetInfoPtr info);
    void loadFailed(const QString& message);
    void scored(ScoreUpdatePtr update);
    /// After scored(update), for the same generation: pixel metrics of its prompts, or why there
    /// are none. Skipped when a newer request is already waiting (its own follows).
    void pixelScored(PixelUpdatePtr update);
    /// A pixel-metrics computation for `generation` begins (pixelScored follows unless abandoned).
    void pixelStarted(quint64 generation);
    void pixelMetricsModeChanged(PixelMetricsMode mode);
    void scoreFailed(const QString& message);

private:
    class Worker;
    /// With m_mutex held: marks the worker as woken; true when this call must wake it.
    bool claimSchedule();
    /// Queues one processPending() on the worker thread (call without m_mutex).
    void wakeWorker();
    struct ThreadStopper { void operator()(QThread* t) const; };
    std::unique_ptr<QThread, ThreadStopper> m_thread;
    Worker* m_worker = nullptr;  // lives in m_thread, deleted when it finishes
    mutable std::mutex m_mutex;
    QStringList m_pendingPrompts;
    quint64 m_generation = 0;
    bool m_pending = false;
    bool m_scheduled = false;
    bool m_loaded = false;
    int m_bootstrapSamples = 200;
    PixelMetricsMode m_pixelMode = PixelMetricsMode::Live;
    bool m_pixelRequested = false;       ///< pixel metrics wanted for m_pixelGeneration
    quint64 m_pixelGeneration = 0;
    quint64 m_lastScored = 0;            ///< generation of the worker's latest ScoreUpdate (0: none)
    friend class Worker;
};

} // namespace vaclip::studio

Q_DECLARE_METATYPE(vaclip::studio::TestSetInfoPtr)
Q_DECLARE_METATYPE(vaclip::studio::ScoreUpdatePtr)
Q_DECLARE_METATYPE(vaclip::studio::PixelUpdatePtr)
Q_DECLARE_METATYPE(vaclip::studio::PixelMetricsMode)

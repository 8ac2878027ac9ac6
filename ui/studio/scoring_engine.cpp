#include "studio/scoring_engine.h"

#include "common/error.h"
#include "model/backbone.h"
#include "studio/live_pixel_metrics.h"
#include "train/feature_data.h"

#include <QElapsedTimer>
#include <QThread>

namespace vaclip::studio {

using namespace vaclip;

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& s : list)
        out.push_back(s.toStdString());
    return out;
}
} // namespace

/// Lives in the engine's thread; every member is touched only there.
class ScoringEngine::Worker : public QObject {
public:
    explicit Worker(ScoringEngine* engine) : m_engine(engine) {}

    void load(const Config& config, const QString& checkpoint)
    {
        QElapsedTimer clock;
        clock.start();
        m_scorer.reset();
        m_pixel.reset();
        m_last.reset();
        {
            std::lock_guard<std::mutex> lock(m_engine->m_mutex);
            m_engine->m_lastScored = 0;  // a pending pixel request was for the old test set
            m_engine->m_pixelRequested = false;
        }
        try {
            model::Backbone backbone = model::Backbone::load(config.backbone.path);
            auto scorer = std::make_unique<infer::Scorer>(config, backbone, checkpoint.toStdString());
            auto videos = train::loadSplitFeatures(config, backbone.id(), config.dataset.testSplit);
            auto info = std::make_shared<TestSetInfo>();
            std::vector<infer::TestVideo> test;
            for (auto& v : videos) {
                info->videos << q(v.name);
                info->frames.push_back(v.frames);
                info->labels.push_back(v.frameLabels);
                test.push_back({v.name, v.frames, v.dim, std::move(v.features)});
            }
            scorer->setTestSet(test);
            if (config.testing.scoring == ScoringMode::CalibratedMax) {
                try {
                    auto train = train::loadSplitFeatures(config, backbone.id(), config.dataset.trainSplit);
                    std::vector<infer::TestVideo> normals;
                    for (auto& v : train)
                        if (v.videoLabel == 0)
                            normals.push_back({v.name, v.frames, v.dim, std::move(v.features)});
                    scorer->setCalibrationSet(normals);
                } catch (const Error& e) {
                    info->calibrationNote = q(e.what());
                }
            }
            info->backboneId = q(backbone.id());
            info->checkpoint = q(scorer->checkpointPath());
            m_pixelNote.clear();
            m_pixel = LivePixelMetrics::prepare(config, backbone.id(), &m_pixelNote);
            info->pixelVideos = m_pixel ? m_pixel->videos() : 0;
            info->pixelNote = m_pixelNote;
            info->loadSeconds = clock.elapsed() / 1000.0;
            m_labels = info->labels;
            m_names = info->videos;
            m_config = config;
            m_scorer = std::move(scorer);
            {
                std::lock_guard<std::mutex> lock(m_engine->m_mutex);
                m_engine->m_loaded = true;
            }
            emit m_engine->loaded(info);
        } catch (const std::exception& e) {
            {
                std::lock_guard<std::mutex> lock(m_engine->m_mutex);
                m_engine->m_loaded = false;
            }
            emit m_engine->loadFailed(q(e.what()));
        }
    }

    /// Takes the newest pending re-scoring, then a pixel-metrics request for its result, until
    /// neither is left: a newer re-scoring always goes first and makes an older pixel request moot.
    void processPending()
    {
        for (;;) {
            QStringList prompts;
            quint64 generation = 0;
            int samples = 0;
            bool pixels = false;
            {
                std::lock_guard<std::mutex> lock(m_engine->m_mutex);
                if (m_engine->m_pending) {
                    m_engine->m_pending = false;
                    prompts = m_engine->m_pendingPrompts;
                    generation = m_engine->m_generation;
                    samples = m_engine->m_bootstrapSamples;
                } else if (m_engine->m_pixelRequested && m_engine->m_pixelMode != PixelMetricsMode::Off &&
                           m_engine->m_pixelGeneration == m_engine->m_lastScored && m_last) {
                    m_engine->m_pixelRequested = false;
                    pixels = true;
                } else {
                    m_engine->m_pixelRequested = false;  // for scores that never came (failed, reloaded)
                    m_engine->m_scheduled = false;
                    return;
                }
            }
            if (pixels) {
                scorePixels(*m_last);
                continue;
            }
            if (!m_scorer)
                continue;  // loaded() will ask again
            try {
                ScoreUpdatePtr u = score(prompts, generation, samples);
                {
                    std::lock_guard<std::mutex> lock(m_engine->m_mutex);
                    m_engine->m_lastScored = u->generation;
                    if (m_engine->m_pixelMode == PixelMetricsMode::Live) {
                        m_engine->m_pixelRequested = true;
                        m_engine->m_pixelGeneration = u->generation;
                    }
                }
                m_last = u;
                emit m_engine->scored(u);
            } catch (const std::exception& e) {
                emit m_engine->scoreFailed(q(e.what()));
            }
        }
    }

private:
    /// A newer re-scoring waits, or pixel metrics were switched off: abandon pixel metrics.
    bool pixelsSuperseded() const
    {
        std::lock_guard<std::mutex> lock(m_engine->m_mutex);
        return m_engine->m_pending || m_engine->m_pixelMode == PixelMetricsMode::Off;
    }

    /// Pixel metrics of `u`'s prompts (after its frame scores went out); abandoned between
    /// videos when superseded.
    void scorePixels(const ScoreUpdate& u)
    {
        QElapsedTimer clock;
        clock.start();
        auto p = std::make_shared<PixelUpdate>();
        p->generation = u.generation;
        if (!m_pixel || !m_scorer) {
            p->note = m_pixelNote;
        } else {
            emit m_engine->pixelStarted(u.generation);
            std::vector<std::string> texts = toStd(u.prompts);
            std::optional<eval::PixelMetrics> metrics;
            try {
                metrics = m_pixel->evaluate(m_scorer->encodePatchPrompts(texts), [this] { return pixelsSuperseded(); });
            } catch (const std::exception& e) {
                p->note = q(e.what());
            }
            if (!metrics && p->note.isEmpty())
                return;  // abandoned: the newer request's own (if any) follows
            if (metrics) {
                p->metrics = *metrics;
                p->videos = m_pixel->videos();
            }
        }
        p->ms = clock.nsecsElapsed() / 1e6;
        emit m_engine->pixelScored(p);
    }

    ScoreUpdatePtr score(QStringList prompts, quint64 generation, int samples)
    {
        QElapsedTimer clock;
        clock.start();
        auto u = std::make_shared<ScoreUpdate>();
        u->generation = generation;
        std::vector<std::string> texts = toStd(prompts);
        if (texts.empty()) {
            texts = m_config.semanticPrompts.empty() ? m_config.genericPrompts.abnormal : m_config.semanticPrompts;
            for (const auto& t : texts)
                prompts << q(t);
        }
        u->prompts = prompts;
        const infer::PromptFeatures pf = m_scorer->encodePrompts(texts);
        u->scores = m_scorer->rescore(pf);
        u->promptTracks = m_scorer->promptTracks(pf);
        u->rescoreMs = clock.nsecsElapsed() / 1e6;

        clock.restart();
        std::vector<eval::VideoScores> videos;
        const auto& off = u->scores.videoOffsets;
        for (std::size_t i = 0; i + 1 < off.size() && i < m_labels.size(); ++i) {
            if (m_labels[i].empty())
                continue;  // no frame labels: not evaluable
            eval::VideoScores v;
            v.name = m_names[int(i)].toStdString();
            v.scores.assign(u->scores.scores.begin() + off[i], u->scores.scores.begin() + off[i + 1]);
            v.labels = m_labels[i];
            videos.push_back(std::move(v));
        }
        try {
            eval::EvalOptions opt;
            opt.bootstrap.samples = samples;
            opt.ap = m_config.evaluation.apDefinition == ApDefinition::Trapezoid ? eval::ApDefinition::Trapezoid
                                                                                   : eval::ApDefinition::Step;
            opt.videoScore = m_config.evaluation.videoScore == VideoScoreMode::TopKMean ? eval::VideoScoreMode::TopKMean
                                                                                         : eval::VideoScoreMode::Max;
            opt.topK = m_config.evaluation.topK;
            u->evaluation = std::make_shared<eval::EvaluationResult>(eval::evaluate(videos, opt));
        } catch (const Error& e) {
            u->evaluationNote = q(e.what());
        }
        u->evaluateMs = clock.nsecsElapsed() / 1e6;
        return u;
    }

    ScoringEngine* m_engine;
    std::unique_ptr<infer::Scorer> m_scorer;
    std::unique_ptr<LivePixelMetrics> m_pixel;  ///< null: no pixel metrics (m_pixelNote says why)
    ScoreUpdatePtr m_last;                      ///< the latest re-scoring (its prompts for pixel metrics)
    QString m_pixelNote;
    std::vector<std::vector<uint8_t>> m_labels;
    QStringList m_names;
    Config m_config;
};

void ScoringEngine::ThreadStopper::operator()(QThread* t) const
{
    t->quit();
    t->wait();
    delete t;
}

ScoringEngine::ScoringEngine(QObject* parent) : QObject(parent), m_thread(new QThread)
{
    qRegisterMetaType<TestSetInfoPtr>();
    qRegisterMetaType<ScoreUpdatePtr>();
    qRegisterMetaType<PixelUpdatePtr>();
    qRegisterMetaType<PixelMetricsMode>();
    m_thread->setObjectName(QStringLiteral("scoring-engine"));
    m_worker = new Worker(this);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

ScoringEngine::~ScoringEngine()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending = false;  // the worker finishes what it runs and takes nothing new
    }
    m_thread.reset();  // quits and waits; the worker is deleted on finish
}

void ScoringEngine::load(const Config& config, const QString& checkpoint)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_loaded = false;
    }
    Worker* w = m_worker;
    QMetaObject::invokeMethod(w, [w, config, checkpoint] { w->load(config, checkpoint); }, Qt::QueuedConnection);
}

bool ScoringEngine::claimSchedule()
{
    const bool first = !m_scheduled;
    m_scheduled = true;
    return first;
}

void ScoringEngine::wakeWorker()
{
    Worker* w = m_worker;
    QMetaObject::invokeMethod(w, [w] { w->processPending(); }, Qt::QueuedConnection);
}

void ScoringEngine::setPixelMetricsMode(PixelMetricsMode mode)
{
    bool schedule = false, changed = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        changed = m_pixelMode != mode;
        m_pixelMode = mode;
        if (changed && mode == PixelMetricsMode::Live && m_generation > 0) {
            m_pixelRequested = true;  // the latest scores' (or those still being computed)
            m_pixelGeneration = m_generation;
            schedule = claimSchedule();
        }
    }
    if (schedule)
        wakeWorker();
    if (changed)
        emit pixelMetricsModeChanged(mode);
}

PixelMetricsMode ScoringEngine::pixelMetricsMode() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_pixelMode;
}

quint64 ScoringEngine::requestPixelMetrics()
{
    bool schedule = false;
    quint64 generation = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_pixelMode == PixelMetricsMode::Off || m_generation == 0)
            return 0;
        generation = m_pixelGeneration = m_generation;
        m_pixelRequested = true;
        schedule = claimSchedule();
    }
    if (schedule)
        wakeWorker();
    return generation;
}

quint64 ScoringEngine::requestScores(const QStringList& prompts)
{
    bool schedule = false;
    quint64 generation = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pendingPrompts = prompts;
        generation = ++m_generation;
        m_pending = true;
        schedule = claimSchedule();
    }
    if (schedule)
        wakeWorker();
    return generation;
}

void ScoringEngine::setBootstrapSamples(int samples)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_bootstrapSamples = samples;
}

bool ScoringEngine::isLoaded() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_loaded;
}

} // namespace vaclip::studio

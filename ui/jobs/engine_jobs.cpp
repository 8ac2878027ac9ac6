#include "jobs/engine_jobs.h"

#include "clip/backbone_info.h"
#include "common/error.h"
#include "data/meta.h"
#include "features/extractor.h"
#include "model/backbone.h"
#include "runtime/torch_runtime.h"
#include "train/feature_data.h"
#include "train/trainer.h"

#include <QElapsedTimer>

#include <algorithm>

namespace vaclip::studio {

using namespace vaclip;

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
} // namespace

// ---- TrainJob ------------------------------------------------------------------------------

TrainJob::TrainJob(Config config, Mode mode, QObject* parent)
    : Job(mode == Mode::Resume ? tr("Resume training") : tr("Train"), parent), m_config(std::move(config)), m_mode(mode)
{
    m_config.training.resume = (mode == Mode::Resume);
}

void TrainJob::execute()
{
    QElapsedTimer clock;
    clock.start();
    setComputeThreads(m_config.training.threads);
    reportProgress(-1, tr("loading the backbone"));
    model::Backbone backbone = model::Backbone::load(m_config.backbone.path);
    if (isCancelRequested())
        return;
    log(tr("backbone %1").arg(q(backbone.id())));
    reportProgress(-1, tr("loading cached features"));
    auto train = train::loadSplitFeatures(m_config, backbone.id(), m_config.dataset.trainSplit);
    std::vector<train::TrainVideo> validation;
    if (!m_config.training.validationSplit.empty())
        validation = train::loadSplitFeatures(m_config, backbone.id(), m_config.training.validationSplit);
    log(tr("%n training video(s)", nullptr, int(train.size())) +
        (validation.empty() ? QString() : tr(", %n validation video(s)", nullptr, int(validation.size()))));
    if (isCancelRequested())
        return;

    train::Trainer trainer(m_config, backbone);
    const train::TrainResult r = trainer.run(train, validation, [&](const train::TrainProgress& p) {
        TrainTick t;
        t.epoch = p.epoch;
        t.epochs = p.epochs;
        t.step = p.step;
        t.totalSteps = p.totalSteps;
        t.loss = p.loss;
        t.lr = p.lr;
        t.clipsPerSecond = p.clipsPerSecond;
        t.epochEnd = p.epochEnd;
        t.validationAuc = p.validationAuc;
        t.elapsedSeconds = clock.elapsed() / 1000.0;
        emit tick(t);
        const double f = p.totalSteps > 0 ? double(p.step) / double(p.totalSteps) : -1;
        reportProgress(f, tr("epoch %1/%2, step %3/%4, loss %5")
                              .arg(p.epoch).arg(p.epochs).arg(p.step).arg(p.totalSteps).arg(p.loss, 0, 'f', 4));
        if (p.epochEnd)
            log(tr("epoch %1: loss %2%3")
                    .arg(p.epoch)
                    .arg(p.loss, 0, 'f', 4)
                    .arg(p.validationAuc >= 0 ? tr(", validation AUC %1").arg(p.validationAuc, 0, 'f', 4) : QString()));
        return !isCancelRequested();
    });
    m_lastCheckpoint = q(r.lastCheckpoint);
    if (r.resumedFromEpoch > 0)
        log(tr("resumed after epoch %1").arg(r.resumedFromEpoch));
    log(r.cancelled ? tr("cancelled after %n step(s)", nullptr, int(r.steps))
                    : tr("finished %1, %2; checkpoint %3")
                          .arg(tr("%n epoch(s)", nullptr, int(r.epochsDone)), tr("%n step(s)", nullptr, int(r.steps)),
                               m_lastCheckpoint));
}

// ---- ExtractJob ----------------------------------------------------------------------------

ExtractJob::ExtractJob(Config config, QString split, QObject* parent)
    : Job(tr("Extract features (%1)").arg(split), parent), m_config(std::move(config)), m_split(std::move(split))
{
}

void ExtractJob::execute()
{
    setComputeThreads(m_config.training.threads);
    LoadMetaOptions mo;
    mo.root = m_config.dataset.root;
    const DatasetMeta meta = loadMeta(m_config.dataset.meta, mo);
    const std::vector<std::string> videos = metaVideos(meta, m_split.toStdString());
    ExtractionParams p;
    p.cacheDir = m_config.features.cacheDir;
    p.inputSize = m_config.backbone.inputSize;
    p.batchSize = m_config.features.batchSize;
    p.threads = m_config.training.threads;
    p.maxBatchSeconds = 0.5;  // cancellation within about half a second
    reportProgress(-1, tr("loading the backbone"));
    auto ex = FeatureExtractor::fromBackbone(m_config.backbone.path, p);
    if (isCancelRequested())
        return;
    log(tr("%n video(s) into %1", nullptr, int(videos.size())).arg(q(p.cacheDir)));
    const ExtractionResult r = ex->extract(videos, [&](const ExtractionProgress& pr) {
        const double f = pr.framesTotal > 0 ? double(pr.framesDone) / double(pr.framesTotal) : -1;
        reportProgress(f, tr("video %1/%2, %3 frames/s").arg(pr.videoIndex + 1).arg(pr.videoCount)
                              .arg(pr.framesPerSecond, 0, 'f', 1));
        return !isCancelRequested();
    });
    for (const auto& v : r.videos)
        log(tr("%1: %2 (%n frame(s))", nullptr, int(v.frames)).arg(q(v.videoPath), QString::fromLatin1(toString(v.outcome))));
    for (const auto& f : r.failed)
        log(tr("failed: %1").arg(q(f)));
    if (!r.failed.empty() && !r.cancelled)
        throw Error(ErrorCode::Io, std::to_string(r.failed.size()) + (r.failed.size() == 1 ? " video" : " videos") +
                                       " could not be extracted; first: " + r.failed.front());
}

// ---- BackboneInfoJob -----------------------------------------------------------------------

BackboneInfoJob::BackboneInfoJob(QString path, QObject* parent)
    : Job(tr("Load backbone"), parent), m_path(std::move(path))
{
}

void BackboneInfoJob::execute()
{
    reportProgress(-1, tr("loading %1").arg(m_path));
    const clip::BackboneSummary s = clip::summarizeBackbone(m_path.toStdString());
    BackboneDescription d;
    d.path = q(s.path);
    d.format = q(s.format);
    d.architecture = q(s.architecture);
    d.backboneId = q(s.backboneId);
    d.description = q(s.description);
    d.tokenizerPath = q(s.tokenizerPath);
    d.embedDim = s.embedDim;
    d.imageResolution = s.imageResolution;
    d.patchSize = s.patchSize;
    d.visionLayers = s.visionLayers;
    d.textLayers = s.textLayers;
    d.parameters = s.parameters;
    emit described(d);
}

} // namespace vaclip::studio

#pragma once
// The engine's long functions as jobs (jobs/job.h): feature extraction, training, describing a
// backbone. Each takes a plain Config (core/config/config.h) by value, so the GUI may keep
// editing its own copy while the job runs.
//
//   auto train = std::make_shared<TrainJob>(config, TrainJob::Mode::Fresh);
//   connect(train.get(), &TrainJob::tick, panel, &TrainingPanel::onTick);   // every step
//   queue.enqueue(train);
//   train->requestCancel();       // returns within one optimiser step (< 1 s on CPU)
//
// Threads: execute() runs on the queue's worker; it sets LibTorch's process-wide thread count
// from training.threads (0 = all cores) like the CLI does.

#include "config/config.h"
#include "jobs/job.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace vaclip::studio {

/// One training progress report in plain values (TrainProgress of core/train/trainer.h).
struct TrainTick {
    int epoch = 0, epochs = 0;
    qint64 step = 0, totalSteps = 0;
    double loss = 0, lr = 0, clipsPerSecond = 0;
    bool epochEnd = false;
    double validationAuc = -1;
    double elapsedSeconds = 0;
};

/// What a backbone is (clip/backbone_info.h BackboneSummary in Qt types).
struct BackboneDescription {
    QString path, format, architecture, backboneId, description, tokenizerPath;
    int embedDim = 0, imageResolution = 0, patchSize = 0, visionLayers = 0, textLayers = 0;
    qint64 parameters = 0;
};

class TrainJob : public Job {
    Q_OBJECT
public:
    enum class Mode { Fresh, Resume };
    TrainJob(vaclip::Config config, Mode mode, QObject* parent = nullptr);
    const vaclip::Config& config() const { return m_config; }
    QString lastCheckpoint() const { return m_lastCheckpoint; }

signals:
    void tick(const TrainTick& tick);

protected:
    void execute() override;

private:
    vaclip::Config m_config;
    Mode m_mode;
    QString m_lastCheckpoint;  // written on the worker before finished()
};

/// Features of one split ("train", "test" or "all") of config.dataset.meta into features.cache_dir.
class ExtractJob : public Job {
    Q_OBJECT
public:
    ExtractJob(vaclip::Config config, QString split, QObject* parent = nullptr);

protected:
    void execute() override;

private:
    vaclip::Config m_config;
    QString m_split;
};

/// Loads a backbone once and describes it (summarizeBackbone).
class BackboneInfoJob : public Job {
    Q_OBJECT
public:
    explicit BackboneInfoJob(QString path, QObject* parent = nullptr);

signals:
    void described(const BackboneDescription& description);

protected:
    void execute() override;

private:
    QString m_path;
};

} // namespace vaclip::studio

Q_DECLARE_METATYPE(vaclip::studio::TrainTick)
Q_DECLARE_METATYPE(vaclip::studio::BackboneDescription)

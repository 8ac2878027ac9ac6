#pragma once
// `vaclip test` as a job: scores the configured test split with the given prompts and checkpoint
// and writes the results folder (scores.json, frame_scores.npy, videos/*.npy, evaluation/ when
// every test video has frame labels, pixel_maps/ when testing.pixel_maps) through the same core
// functions as the CLI (infer/test_results.h).
//
//   auto job = std::make_shared<TestJob>(config, configPath, outDir, prompts, checkpoint);
//   connect(job.get(), &Job::finished, this, [job](Job::State s, const QString&) {
//       if (s == Job::State::Succeeded) use(job->result());   // outDir exists, complete
//   });
//   queue.enqueue(job);
//   job->requestCancel();   // stops between stages / pixel-map videos
//
// Output: everything is written into "<outDir>.partial" and renamed to outDir only when complete;
// a failed or cancelled job removes the .partial folder, so outDir either holds a whole result or
// does not exist. outDir must not exist yet (Error InvalidArgument otherwise, nothing written).
// Cancellation latency: the scoring itself (Scorer::rescore) is not interruptible; on the small
// sets the studio uses it takes well under a second, on a large test set it can take seconds.
// Threads: execute() on the queue's worker; result() only after finished() (GUI thread).

#include "config/config.h"
#include "jobs/job.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace vaclip::eval {
struct EvaluationResult;
}

namespace vaclip::studio {

struct TestJobResult {
    QString outDir;               ///< the complete results folder
    QString checkpoint;           ///< as resolved by the scorer; "" = zero-shot
    QStringList prompts;          ///< the scored prompts
    QStringList videos;           ///< video_path per test video, dataset order
    std::vector<std::vector<float>> tracks;  ///< per-frame scores per video (as in videos/*.npy)
    qint64 frames = 0;            ///< all test frames (length of frame_scores.npy)
    std::shared_ptr<const vaclip::eval::EvaluationResult> evaluation;  ///< null: not evaluated
};

class TestJob : public Job {
    Q_OBJECT
public:
    /// prompts empty: config.semantic_prompts (else the generic abnormal ones), like the CLI.
    /// checkpoint "": zero-shot.
    TestJob(vaclip::Config config, QString configPath, QString outDir, QStringList prompts, QString checkpoint,
            QObject* parent = nullptr);
    QString outDir() const { return m_outDir; }
    /// Valid after finished(Succeeded).
    const TestJobResult& result() const { return m_result; }

protected:
    void execute() override;

private:
    vaclip::Config m_config;
    QString m_configPath, m_outDir, m_checkpoint;
    QStringList m_prompts;
    TestJobResult m_result;  // written on the worker before finished()
};

} // namespace vaclip::studio

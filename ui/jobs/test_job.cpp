#include "jobs/test_job.h"

#include "common/error.h"
#include "eval/evaluator.h"
#include "infer/scorer.h"
#include "infer/test_results.h"
#include "model/backbone.h"
#include "runtime/torch_runtime.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace vaclip::studio {

using namespace vaclip;
namespace fs = std::filesystem;

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

/// Removes the staging folder unless released (failure, cancel).
struct StagingGuard {
    fs::path dir;
    bool released = false;
    ~StagingGuard()
    {
        if (!released) {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    }
};
} // namespace

TestJob::TestJob(Config config, QString configPath, QString outDir, QStringList prompts, QString checkpoint,
                 QObject* parent)
    : Job(tr("Test set"), parent), m_config(std::move(config)), m_configPath(std::move(configPath)),
      m_outDir(std::move(outDir)), m_checkpoint(std::move(checkpoint)), m_prompts(std::move(prompts))
{
}

void TestJob::execute()
{
    const Config& cfg = m_config;
    const fs::path outDir = m_outDir.toStdString();
    if (fs::exists(outDir))
        throw Error(ErrorCode::InvalidArgument, "result folder " + quoted(outDir.string()) + " already exists");
    setComputeThreads(cfg.training.threads);
    std::vector<std::string> prompts;
    for (const QString& p : m_prompts)
        prompts.push_back(p.toStdString());
    if (prompts.empty())
        prompts = cfg.semanticPrompts.empty() ? cfg.genericPrompts.abnormal : cfg.semanticPrompts;
    if (prompts.empty())
        throw Error(ErrorCode::InvalidArgument, "no prompts to score");

    reportProgress(0.02, tr("loading the backbone"));
    model::Backbone backbone = model::Backbone::load(cfg.backbone.path);
    if (isCancelRequested())
        return;
    for (const std::string& w : backbone.unknownWordsWarnings(infer::promptsToCheck(cfg, prompts)))
        log(tr("warning: %1").arg(q(w)));
    infer::Scorer scorer(cfg, backbone, m_checkpoint.toStdString());

    reportProgress(0.15, tr("loading the test features"));
    infer::LoadedTestSet loaded = infer::loadTestSet(cfg, backbone.id());
    const std::vector<infer::TestVideo>& test = loaded.videos;
    const std::vector<std::vector<uint8_t>>& labels = loaded.labels;
    scorer.setTestSet(test);
    if (isCancelRequested())
        return;
    if (cfg.testing.scoring == ScoringMode::CalibratedMax) {
        reportProgress(0.25, tr("loading normal training features for calibration"));
        try {
            scorer.setCalibrationSet(infer::loadNormalTrainingVideos(cfg, backbone.id()));
        } catch (const Error& e) {
            log(tr("calibration on normal training frames unavailable: %1").arg(q(e.what())));
        }
        if (isCancelRequested())
            return;
    }

    reportProgress(0.35, tr("scoring %n video(s)", nullptr, int(test.size())));
    infer::PromptFeatures pf = scorer.encodePrompts(prompts);
    infer::TestScores s = scorer.rescore(pf);
    if (isCancelRequested())
        return;

    // Everything goes into a staging folder, renamed to outDir once complete.
    StagingGuard staging{fs::path(outDir.string() + ".partial")};
    {
        std::error_code ec;
        fs::remove_all(staging.dir, ec);  // left over from a crash
    }
    const std::string stage = staging.dir.string();
    reportProgress(0.6, tr("writing the scores"));
    const infer::ResultContext ctx{&cfg, m_configPath.isEmpty() ? std::string() : fs::absolute(m_configPath.toStdString()).string(),
                                   backbone.id(), scorer.checkpointPath()};
    infer::writeTestScores(stage, ctx, pf, s, scorer.promptTracks(pf), test);
    if (isCancelRequested())
        return;

    infer::SplitPixelMaps pixel;
    if (cfg.testing.pixelMaps) {
        reportProgress(0.7, tr("pixel maps"));
        pixel = infer::writeSplitPixelMaps(cfg, backbone.id(), scorer.encodePatchPrompts(prompts),
                                           (staging.dir / "pixel_maps").string(), [&](int done, int total) {
                                               reportProgress(0.7 + 0.2 * done / std::max(1, total),
                                                              tr("pixel maps: video %1/%2").arg(done).arg(total));
                                               if (isCancelRequested())
                                                   throw Error(ErrorCode::Cancelled, "test job cancelled");
                                           });
        // The maps are referenced from the report by their final folder.
        pixel.mapsDir = (outDir / "pixel_maps").string();
    }
    reportProgress(0.9, tr("evaluating"));
    const eval::PixelEvaluation* pe = pixel.evaluation ? &*pixel.evaluation : nullptr;
    auto er = infer::evaluateTestScores(stage, ctx, s, test, labels, pe, pixel.mapsDir);
    if (isCancelRequested())
        return;
    fs::rename(staging.dir, outDir);
    staging.released = true;

    TestJobResult r;
    r.outDir = m_outDir;
    r.checkpoint = q(scorer.checkpointPath());
    for (const std::string& p : prompts)
        r.prompts << q(p);
    r.frames = qint64(s.scores.size());
    for (std::size_t i = 0; i < test.size(); ++i) {
        r.videos << q(test[i].name);
        r.tracks.emplace_back(s.scores.begin() + s.videoOffsets[i], s.scores.begin() + s.videoOffsets[i + 1]);
    }
    if (er)
        r.evaluation = std::make_shared<const eval::EvaluationResult>(std::move(*er));
    m_result = std::move(r);
    log(tr("scored %1 and %2 into %3")
            .arg(tr("%n video(s)", nullptr, int(test.size())), tr("%n frame(s)", nullptr, int(s.scores.size())), m_outDir));
    if (!er)
        log(tr("not evaluated: some test videos have no frame ground truth"));
}

} // namespace vaclip::studio

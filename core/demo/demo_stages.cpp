// The demo's preparation stages: progress reporting, rendering the worlds, extracting features,
// training (each reusing what an earlier run left when it is complete and made the same way).
#include "demo/demo_internal.h"

#include "common/error.h"
#include "data/meta.h"
#include "features/extractor.h"
#include "model/backbone_parts.h"
#include "model/vad_model.h"
#include "synth/dataset.h"
#include "train/feature_data.h"
#include "train/trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace vaclip::demo::detail {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

void StageReporter::begin(DemoStage stage, int index)
{
    m_stage = stage;
    m_index = index;
    m_stageStart = Clock::now();
    report(0, "");
}

bool StageReporter::keepGoing(double fraction, const std::string& detail, double etaSeconds)
{
    if (!m_fn)
        return true;
    const auto now = Clock::now();
    DemoProgress p;
    p.stage = m_stage;
    p.stageIndex = m_index;
    p.stageCount = m_count;
    p.fraction = std::clamp(fraction, 0.0, 1.0);
    const double stageSeconds = std::chrono::duration<double>(now - m_stageStart).count();
    p.etaSeconds = etaSeconds != -2 ? etaSeconds
                   : p.fraction > 0.02 && p.fraction < 1 ? stageSeconds * (1 - p.fraction) / p.fraction
                   : p.fraction >= 1 ? 0.0 : -1.0;
    p.elapsedSeconds = std::chrono::duration<double>(now - m_start).count();
    p.detail = detail;
    return m_fn(p);
}

void StageReporter::report(double fraction, const std::string& detail, double etaSeconds)
{
    if (!keepGoing(fraction, detail, etaSeconds))
        throw Error(ErrorCode::Cancelled, std::string("demo stopped during ") + stageName(m_stage));
}

double StageReporter::end(const std::string& detail)
{
    const double seconds = std::chrono::duration<double>(Clock::now() - m_stageStart).count();
    if (m_fn) {
        DemoProgress p;
        p.stage = m_stage;
        p.stageIndex = m_index;
        p.stageCount = m_count;
        p.fraction = 1;
        p.etaSeconds = 0;
        p.elapsedSeconds = std::chrono::duration<double>(Clock::now() - m_start).count();
        p.detail = detail;
        p.stageDone = true;
        m_fn(p);
    }
    return seconds;
}

bool ensureWorld(const std::string& world, const std::string& dir, int videos, int frames, int size, uint64_t seed,
                 bool force, StageReporter& reporter, double base, double span)
{
    const fs::path synthJson = fs::path(dir) / "synth.json", metaJson = fs::path(dir) / "meta.json";
    nlohmann::json info;
    if (fs::exists(synthJson)) {
        std::ifstream in(synthJson);
        info = nlohmann::json::parse(in, nullptr, false);
    }
    const bool ours = info.is_object() && info.value("generator", "") == "vaclip synth";
    if (!force && ours && fs::exists(metaJson) && info.value("world", "") == world && info.value("seed", 0ull) == seed &&
        info.value("videos", 0) == videos && info.value("frames", 0) == frames && info.value("width", 0) == size &&
        info.value("height", 0) == size) {
        reporter.report(base + span, world + ": complete, reused");
        return false;
    }
    if (fs::exists(dir)) {
        if (!ours && !fs::is_empty(dir))
            throw Error(ErrorCode::InvalidArgument, "demo: " + quoted(dir) + " exists and is not a demo world "
                                                    "(no synth.json): move it away or choose another --dir");
        fs::remove_all(dir);
    }
    synth::SynthDatasetOptions so;
    so.world = synth::parseWorld(world);
    so.outDir = dir;
    so.videos = videos;
    so.frames = frames;
    so.seed = seed;
    so.width = so.height = size;
    synth::writeSynthDataset(so, [&](int done, int total, const std::string&) {
        return reporter.keepGoing(base + span * double(done) / double(std::max(1, total)),
                                  world + ": " + std::to_string(done) + "/" + std::to_string(total) + " videos");
    });
    return true;
}

void extractSplit(const model::Backbone& backbone, const Config& config, const std::string& split, bool tokens,
                  StageReporter& reporter, double base, double span, const std::string& label)
{
    ExtractionParams p;
    p.cacheDir = config.features.cacheDir;
    p.inputSize = config.backbone.inputSize;
    p.batchSize = config.features.batchSize;
    p.patchTokens = tokens;
    p.threads = config.training.threads;
    p.maxBatchSeconds = 1.0;
    FeatureExtractor extractor(backbone.parts().clip.ptr(), p);
    LoadMetaOptions mo;
    mo.root = config.dataset.root;
    const std::vector<std::string> videos = metaVideos(loadMeta(config.dataset.meta, mo), split);
    const ExtractionResult r = extractor.extract(videos, [&](const ExtractionProgress& pr) {
        const double f = pr.framesTotal > 0 ? double(pr.framesDone) / double(pr.framesTotal) : 0.0;
        char text[160];
        std::snprintf(text, sizeof text, "%s: %lld/%lld frames, %.0f frames/s", label.c_str(),
                      (long long)pr.framesDone, (long long)pr.framesTotal, pr.framesPerSecond);
        return reporter.keepGoing(base + span * f, text, pr.etaSeconds >= 0 ? pr.etaSeconds : -1);
    });
    if (r.cancelled)
        throw Error(ErrorCode::Cancelled, "demo stopped during extraction (the cache resumes next time)");
    if (!r.failed.empty())
        throw Error(ErrorCode::Io, "demo: extraction failed for " + std::to_string(r.failed.size()) + " video(s): " +
                                       r.failed.front());
}

bool trainIfNeeded(const Config& config, const model::Backbone& backbone, bool force, StageReporter& reporter,
                   const std::string& label)
{
    const std::string last = (fs::path(config.training.checkpointDir) / "last.ckpt").string();
    if (!force && fs::exists(last)) {
        try {
            const model::CheckpointInfo info = model::readCheckpointInfo(last);
            if (info.backboneId == backbone.id() && info.configYaml == effectiveYaml(config) &&
                info.epoch >= config.training.epochs) {
                reporter.report(1, label + ": " + last + " holds this training, reused");
                return false;
            }
        } catch (const Error&) {
            // unreadable: train again
        }
    }
    const auto videos = train::loadSplitFeatures(config, backbone.id(), config.dataset.trainSplit);
    train::Trainer trainer(config, backbone);
    const train::TrainResult r = trainer.run(videos, {}, [&](const train::TrainProgress& p) {
        char text[160];
        std::snprintf(text, sizeof text, "%s: epoch %d/%d, step %lld/%lld, loss %.4f%s", label.c_str(), p.epoch,
                      p.epochs, (long long)p.step, (long long)p.totalSteps, p.loss, p.epochEnd ? " (epoch mean)" : "");
        return reporter.keepGoing(p.totalSteps > 0 ? double(p.step) / double(p.totalSteps) : 0.0, text);
    });
    if (r.cancelled)
        throw Error(ErrorCode::Cancelled, "demo stopped during training");
    return true;
}

} // namespace vaclip::demo::detail

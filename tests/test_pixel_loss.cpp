// ctest-labels: unit model
// ctest-link: vaclip_ml
// Pixel supervision end to end: demo-world videos with pixel masks (core/synth), features and
// patch tokens from the reference tiny CLIP (tiny-a, 32 px input, a 4 x 4 patch grid), training
// with frame labels with and without the focal + dice pixel loss, then the test-time pixel maps
// (infer/pixel_maps.h, as vaclip test writes them) scored against held-out masks (pixel AUROC,
// eval/pixel.h). The pixel loss must raise pixel AUROC.
#include "data/ground_truth.h"
#include "data/meta.h"
#include "eval/pixel.h"
#include "features/extractor.h"
#include "features/feature_cache.h"
#include "infer/pixel_maps.h"
#include "infer/scorer.h"
#include "model/backbone.h"
#include "synth/dataset.h"
#include "train/feature_data.h"
#include "train/trainer.h"

#include "common/error.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>

using namespace vaclip;
namespace fs = std::filesystem;

namespace {

struct World {
    std::string trainMeta, heldMeta;
};

/// Two campus datasets (training videos with masks), features + patch tokens extracted.
World makeWorld(const test::TempDir& dir, const model::Backbone& backbone, const std::string& hf)
{
    World w;
    ExtractionParams p;
    p.cacheDir = dir.file("cache");
    p.inputSize = 32;
    p.patchTokens = true;
    p.threads = 2;
    p.backboneId = backbone.id();
    auto extractor = FeatureExtractor::fromBackbone(hf, p);
    for (int k = 0; k < 2; ++k) {
        synth::SynthDatasetOptions o;
        o.world = synth::World::Campus;
        o.outDir = dir.file(k == 0 ? "train" : "held");
        o.videos = 12;
        o.frames = 16;
        o.width = 64;
        o.height = 64;
        o.seed = 100 + uint64_t(k);
        o.trainMasks = true;
        const auto r = synth::writeSynthDataset(o);
        const DatasetMeta meta = loadMeta(r.metaPath);
        const ExtractionResult er = extractor->extract(metaVideos(meta, "train"));
        EXPECT_TRUE(er.failed.empty());
        (k == 0 ? w.trainMeta : w.heldMeta) = r.metaPath;
    }
    return w;
}

/// Pixel AUROC of the test-time maps over the training split of `metaPath` (every video has masks
/// or is normal), maps at the masks' size with the Gaussian of vaclip test.
double pixelAuroc(const Config& cfg, const model::Backbone& backbone, const std::string& checkpoint,
                  const std::string& metaPath)
{
    infer::Scorer scorer(cfg, backbone, checkpoint);
    const infer::PromptFeatures prompts = scorer.encodePrompts(cfg.genericPrompts.abnormal);
    const DatasetMeta meta = loadMeta(metaPath);
    FeatureCache cache(cfg.features.cacheDir);
    std::vector<std::vector<float>> maps;
    std::vector<FrameMasks> masks;
    eval::ScoreRange range;
    for (const VideoEntry& e : meta.train) {
        auto f = cache.open(FeatureKey{videoContentId(e.absolutePath), backbone.id(), "clip-bicubic-32", true});
        EXPECT_TRUE(f.has_value()) << e.videoPath;
        if (!f)
            return -1;
        FrameMasks m;
        if (e.maskAbsolutePath.empty()) {
            m.frames = f->frames(), m.width = 64, m.height = 64;
            m.data.assign(std::size_t(m.frames) * 64 * 64, 0);
        } else
            m = loadFrameMasks(e, f->frames());
        maps.push_back(infer::videoPixelMaps(*f, prompts, 1.0 / cfg.testing.softmaxTemperature, m.height, m.width, 2.0));
        range.add(maps.back().data(), maps.back().size());
        masks.push_back(std::move(m));
    }
    eval::PixelOptions po;
    po.bins = 1 << 16;
    eval::PixelAccumulator acc(range, po);
    for (std::size_t v = 0; v < maps.size(); ++v)
        for (int64_t t = 0; t < masks[v].frames; ++t)
            acc.addFrame(maps[v].data() + t * 64 * 64, masks[v].frame(t), masks[v].height, masks[v].width);
    return acc.finish().auroc;
}

} // namespace

TEST(PixelLoss, MasksRaisePixelAuroc)
{
    test::TempDir dir;
    const std::string hf = (test::sharedDir() / "reference/clip/tiny-a/hf").string();
    const model::Backbone backbone = model::Backbone::load(hf);
    const auto t0 = std::chrono::steady_clock::now();
    const World world = makeWorld(dir, backbone, hf);
    std::printf("rendered and extracted in %.1f s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());

    Config cfg;
    cfg.temporalTransformerLayers = 1;
    cfg.temporalHeads = 4;
    cfg.clipLength = 8;
    cfg.stride = 8;
    cfg.dataset.meta = world.trainMeta;
    cfg.backbone.path = hf;
    cfg.backbone.inputSize = 32;
    cfg.features.cacheDir = dir.file("cache");
    cfg.training.nCtx = 4;
    cfg.training.epochs = 8;
    cfg.training.pixelLoss.framesPerWindow = 8;  // every frame of a window
    cfg.training.batchSize = 4;
    cfg.training.learningRate = 1e-2;
    cfg.training.seed = 5;
    cfg.testing.promptMode = PromptMode::LearnedContext;

    auto train = train::loadSplitFeatures(cfg, backbone.id(), "train", /*pixelTargets=*/true);
    int withMasks = 0;
    for (const auto& v : train)
        if (!v.patchMasks.empty()) {
            ++withMasks;
            EXPECT_EQ(v.patchGrid, 4) << v.name;
            EXPECT_EQ(v.patchMasks.size(), std::size_t(v.frames) * 16u);
        }
    EXPECT_EQ(withMasks, int(train.size()));  // anomalous ones have mask_path, the rest are normal

    const double zeroShot = pixelAuroc(cfg, backbone, "", world.heldMeta);
    std::map<bool, double> auroc;
    for (bool pixel : {false, true}) {
        Config c = cfg;
        c.training.pixelLoss.enabled = pixel;
        c.training.checkpointDir = dir.file(pixel ? "ckpt_pixel" : "ckpt_frame");
        const train::TrainResult r = train::Trainer(c, backbone).run(train);
        EXPECT_EQ(r.supervision, SupervisionMode::Frame);
        EXPECT_EQ(r.pixelVideos, pixel ? withMasks : 0);
        auroc[pixel] = pixelAuroc(c, backbone, r.lastCheckpoint, world.heldMeta);
    }
    std::printf("held-out pixel AUROC: untrained %.4f, frame labels only %.4f, frame labels + pixel loss %.4f\n",
                zeroShot, auroc[false], auroc[true]);
    EXPECT_GT(auroc[true], auroc[false] + 0.03);
    EXPECT_GT(auroc[true], zeroShot + 0.2);

    // supervision: pixel without masks is an error naming what is missing.
    Config c = cfg;
    c.training.supervision = SupervisionMode::Pixel;
    c.training.checkpointDir = "";
    auto noMasks = train::loadSplitFeatures(cfg, backbone.id(), "train");
    try {
        train::Trainer(c, backbone).run(noMasks);
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("pixel masks"), std::string::npos) << e.what();
    }
    // ... and with them it trains (frame BCE + pixel loss).
    c.training.epochs = 1;
    EXPECT_EQ(train::Trainer(c, backbone).run(train).pixelVideos, withMasks);
}

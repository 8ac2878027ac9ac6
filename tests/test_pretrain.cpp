// ctest-labels: unit clip
// ctest-link: vaclip_ml
// Contrastive pretraining of a CLIP on the demo world, at toy size: the loss falls on a fixed
// batch, an interrupted run resumed from its checkpoint ends with the same weights as an
// uninterrupted one, the result loads with the normal loader, the config file is checked.
#include "clip/backbone_info.h"
#include "clip/bpe_learner.h"
#include "clip/clip_loader.h"
#include "common/error.h"
#include "io/safetensors.h"
#include "pretrain/pretrain.h"
#include "pretrain/pretrain_config.h"
#include "pretrain/pretrain_internal.h"
#include "runtime/torch_runtime.h"
#include "synth/actors.h"
#include "synth/captions.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>
#include <map>
#include <set>

using namespace vaclip;
using namespace vaclip::pretrain;

namespace {

PretrainConfig toyConfig()
{
    PretrainConfig c;
    c.imageSize = 32;
    c.patchSize = 8;
    c.visionWidth = 32;
    c.visionLayers = 1;
    c.visionHeads = 2;
    c.textWidth = 32;
    c.textLayers = 1;
    c.textHeads = 2;
    c.contextLength = 16;
    c.embedDim = 16;
    c.batchSize = 8;
    c.steps = 4;
    c.warmupSteps = 2;
    c.learningRate = 1e-3;
    c.checkpointEvery = 100;
    c.logEvery = 1;
    c.seed = 7;
    return c;
}

} // namespace

TEST(Pretrain, LossFallsOnAFixedBatch)
{
    setComputeThreads(1);
    const PretrainConfig c = toyConfig();
    test::TempDir dir;
    clip::writeBpeVocabulary(clip::learnBpe(worldCaptionCorpus()), dir.path().string());
    const clip::Tokenizer tok = clip::Tokenizer::fromFile(dir.path().string());
    clip::ClipModel model = makeInitialModel(clipConfigFor(c, tok.vocabSize()), 3);
    const Batch batch = makeBatch(c, 0, 16, 0.0);
    ASSERT_EQ(batch.images.sizes().vec(), (std::vector<int64_t>{16, 3, 32, 32}));
    std::vector<int64_t> index;
    const std::vector<std::string> texts = distinctCaptions(batch.captions, index);
    const torch::Tensor ids = tokenizeTexts(tok, texts, c.contextLength);
    const torch::Tensor target = torch::tensor(index, torch::kLong);
    AdamState adam;
    std::vector<double> losses;
    for (int t = 1; t <= 30; ++t) {
        model->zero_grad();
        const torch::Tensor img = model->encodeImage(batch.images), txt = model->encodeText(ids);
        const torch::Tensor logits = model->logit_scale.exp() *
                                     torch::matmul(img / img.norm(2, {1}, true), (txt / txt.norm(2, {1}, true)).t());
        const torch::Tensor loss = contrastiveLoss(logits, target);
        loss.backward();
        adamwStep(*model, adam, t, 2e-3, 0.0);
        losses.push_back(loss.item<double>());
    }
    EXPECT_LT(losses.back(), 0.5 * losses.front()) << losses.front() << " -> " << losses.back();
}

TEST(Pretrain, ContrastiveLossTreatsIdenticalCaptionsAsOnePositive)
{
    // Two images share caption 0, one has caption 1. Perfect logits -> loss near 0; the same
    // logits with the shared caption split into two "classes" could never reach 0.
    const torch::Tensor logits = torch::tensor({{20.0f, -20.0f}, {20.0f, -20.0f}, {-20.0f, 20.0f}});
    const torch::Tensor target = torch::tensor({0, 0, 1}, torch::kLong);
    const double loss = contrastiveLoss(logits, target).item<double>();
    EXPECT_LT(loss, 1e-6);
    // Uniform logits: image side log(2), text side log(3/2) and log(3) averaged.
    const double uniform = contrastiveLoss(torch::zeros({3, 2}), target).item<double>();
    EXPECT_NEAR(uniform, 0.5 * (std::log(2.0) + 0.5 * (std::log(1.5) + std::log(3.0))), 1e-6);
    std::vector<int64_t> index;
    EXPECT_EQ(distinctCaptions({"b", "a", "b"}, index), (std::vector<std::string>{"b", "a"}));
    EXPECT_EQ(index, (std::vector<int64_t>{0, 1, 0}));
}

TEST(Pretrain, ResumeReproducesTheUninterruptedWeightsAndLoadsAsClip)
{
    setComputeThreads(1);
    const PretrainConfig c = toyConfig();
    test::TempDir straight, interrupted;
    const PretrainResult a = pretrainBackbone(c, straight.path().string());
    ASSERT_TRUE(a.finished);
    PretrainOptions stop;
    stop.stopAfter = 2;
    const PretrainResult half = pretrainBackbone(c, interrupted.path().string(), stop);
    EXPECT_FALSE(half.finished);
    EXPECT_EQ(half.stepsDone, 2);
    PretrainOptions resume;
    resume.resume = true;
    const PretrainResult b = pretrainBackbone(c, interrupted.path().string(), resume);
    ASSERT_TRUE(b.finished);
    EXPECT_EQ(b.stepsDone, 4);
    EXPECT_EQ(test::readText(a.weightsPath), test::readText(b.weightsPath));
    EXPECT_EQ(test::readText(straight.file("loss.csv")).size(), test::readText(interrupted.file("loss.csv")).size());

    // The result is a CLIP like any other: the loader reads it, the vocabulary sits beside it.
    clip::ClipModel model = clip::loadClip(a.weightsPath);
    EXPECT_EQ(model->config().imageResolution, 32);
    EXPECT_EQ(model->config().visionHeads, 2);
    EXPECT_EQ(model->config().contextLength, 16);
    const clip::Tokenizer tok = clip::loadTokenizerFor(a.weightsPath);
    EXPECT_EQ(model->config().vocabSize, tok.vocabSize());
    EXPECT_EQ(tok.unknownWords("a dog on a walkway"), std::vector<std::string>{"dog"});
    EXPECT_EQ(SafetensorsFile::open(a.weightsPath).tensors().front().dtype, DType::F16);

    // A resume with another config is refused, naming the checkpoint.
    PretrainConfig other = c;
    other.learningRate = 2e-3;
    try {
        pretrainBackbone(other, interrupted.path().string(), resume);
        FAIL() << "expected a mismatch";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Mismatch);
        EXPECT_NE(std::string(e.what()).find("checkpoint.safetensors"), std::string::npos);
    }
}

TEST(Pretrain, ConfigFileIsCheckedKeyByKey)
{
    const PretrainFile f = loadPretrainConfig((test::sourceDir() / "configs/demo_backbone.yaml").string());
    EXPECT_NO_THROW(validatePretrainConfig(f.config));
    EXPECT_EQ(f.config.imageSize % f.config.patchSize, 0);
    test::TempDir dir;
    auto fails = [&](const std::string& yaml, const std::string& needle) {
        test::writeText(dir.file("c.yaml"), yaml);
        try {
            loadPretrainConfig(dir.file("c.yaml"));
            ADD_FAILURE() << "accepted: " << yaml;
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
        }
    };
    fails("model:\n  image_sise: 96\n", "model.image_sise");
    fails("trainig:\n  steps: 3\n", "trainig");
    fails("training:\n  steps: many\n", "training.steps");
    fails("model:\n  image_size: 100\n  patch_size: 8\n", "multiple of patch_size");
    fails("curriculum:\n  single_actor_start: 1.5\n", "fractions");
    EXPECT_THROW(loadPretrainConfig(dir.file("missing.yaml")), Error);

    // The second stage's file: hard negatives and the initial weights.
    const PretrainFile s2 = loadPretrainConfig((test::sourceDir() / "configs/demo_backbone_stage2.yaml").string());
    EXPECT_GT(s2.config.hardNegativeFraction, 0.0);
    EXPECT_EQ(s2.config.hardNegativeKinds.size(), 6u);
    EXPECT_EQ(s2.config.initWeights, "demo_backbone_stage1/demo_backbone.safetensors");
    EXPECT_EQ(s2.config.imageSize, f.config.imageSize);   // the same architecture as stage 1
    EXPECT_EQ(s2.config.visionWidth, f.config.visionWidth);
    EXPECT_EQ(s2.config.textWidth, f.config.textWidth);
    EXPECT_EQ(f.config.hardNegativeFraction, 0.0);
    EXPECT_TRUE(f.config.initWeights.empty());
    test::writeText(dir.file("c.yaml"), "hard_negatives:\n  fraction: 0.25\n  kinds: [cart, car]\n  zoom_fraction: 0.5\n"
                                        "  max_zoom: 1.5\ninit:\n  weights: w/x.safetensors\n");
    const PretrainFile h = loadPretrainConfig(dir.file("c.yaml"));
    EXPECT_EQ(h.config.hardNegativeFraction, 0.25);
    EXPECT_EQ(h.config.hardNegativeKinds, (std::vector<std::string>{"cart", "car"}));
    EXPECT_EQ(h.config.zoomFraction, 0.5);
    EXPECT_EQ(h.config.maxZoom, 1.5);
    EXPECT_EQ(h.config.initWeights, "w/x.safetensors");
    fails("hard_negatives:\n  kinds: bicycle\n", "hard_negatives.kinds: expected a list of actor kinds");
    fails("hard_negatives:\n  kinds: [bicycle, unicycle]\n", "unicycle");
    fails("hard_negatives:\n  fraction: 0.5\n  max_zoom: 9\n", "max_zoom");
    fails("hard_negatives:\n  fraction: 2\n", "hard_negatives.fraction");
    fails("hard_negatives:\n  hardness: 2\n", "hard_negatives.hardness");
    fails("hard_negatives:\n  max_crowd: -1\n", "max_crowd");
    fails("init:\n  wieghts: x\n", "init.wieghts");
    fails("init:\n  weights: [a, b]\n", "init.weights: expected a path");
}

TEST(Pretrain, HardNegativeBatchesHoldTheAskedKindsInOneScene)
{
    PretrainConfig c = toyConfig();
    c.hardNegativeFraction = 0.5;
    c.hardNegativeKinds = {"bicycle", "wheelchair", "skateboard"};
    c.clipFraction = 0.0;   // stills: the actor is always in view and performing
    const std::vector<synth::ActorKind> asked = {synth::ActorKind::Bicycle, synth::ActorKind::Wheelchair,
                                                 synth::ActorKind::Skateboard};
    std::set<int> worlds;
    for (uint64_t first : {0ULL, 96ULL, 480ULL, 1200ULL, 5000ULL, 7777ULL}) {
        const Batch b = makeBatch(c, first, 12, 0.5);
        ASSERT_EQ(b.kinds.size(), 12u);
        ASSERT_EQ(b.captions.size(), 12u);
        std::map<int, std::set<std::string>> byKind;
        for (int j = 0; j < 12; ++j) {
            if (j >= 6) {   // the usual mix
                EXPECT_EQ(b.kinds[std::size_t(j)], -1);
                continue;
            }
            const synth::ActorKind k = asked[std::size_t(j % 3)];
            ASSERT_EQ(b.kinds[std::size_t(j)], int(k));
            const std::string& caption = b.captions[std::size_t(j)];
            bool names = false;
            for (const std::string& p : synth::actorPhrases(k))
                names = names || caption.find(p) != std::string::npos;
            EXPECT_TRUE(names) << caption << " (" << synth::actorKindName(k) << ")";
            byKind[int(k)].insert(caption);
        }
        // each kind's samples share one caption; the kinds' captions differ
        std::set<std::string> all;
        for (const auto& [kind, captions] : byKind) {
            EXPECT_EQ(captions.size(), 1u) << synth::actorKindName(synth::ActorKind(kind));
            all.insert(captions.begin(), captions.end());
        }
        EXPECT_EQ(all.size(), 3u);
        const HardNegativeGroup g = hardNegativeGroup(c, first, 12);
        EXPECT_EQ(g.size, 6);
        worlds.insert(g.world);
    }
    EXPECT_EQ(worlds.size(), 2u);   // the group's scene is drawn per batch

    // Among pedestrians (max_crowd): each group sample still shows its kind, captioned plainly.
    c.hardNegativeCrowd = 3;
    const Batch crowded = makeBatch(c, 240, 12, 0.5);
    for (int j = 0; j < 6; ++j) {
        const synth::ActorKind k = asked[std::size_t(j % 3)];
        EXPECT_EQ(crowded.kinds[std::size_t(j)], int(k));
        EXPECT_EQ(crowded.captions[std::size_t(j)].rfind(synth::actorPhrases(k)[0], 0), 0u) << crowded.captions[std::size_t(j)];
    }
    c.hardNegativeCrowd = 0;

    // Deterministic, and without hard negatives there is no group.
    c.zoomFraction = 0.5;
    c.clipFraction = 0.5;
    EXPECT_TRUE(torch::equal(makeBatch(c, 48, 8, 0.2).images, makeBatch(c, 48, 8, 0.2).images));
    c.hardNegativeFraction = 0.0;
    const Batch plain = makeBatch(c, 48, 8, 0.2);
    EXPECT_EQ(plain.kinds, std::vector<int>(8, -1));
    EXPECT_EQ(hardNegativeGroup(c, 48, 8).size, 0);
}

TEST(Pretrain, SecondStageStartsFromGivenWeights)
{
    setComputeThreads(1);
    PretrainConfig c = toyConfig();
    c.steps = 2;
    test::TempDir first, second;
    const PretrainResult a = pretrainBackbone(c, first.path().string());
    ASSERT_TRUE(a.finished);

    // The initial weights are exactly the file's values (fp16 widened), like the normal loader reads them.
    const clip::ClipModel loaded = clip::loadClip(a.weightsPath);
    clip::ClipModel init = makeInitialModel(loaded->config(), 99);
    loadInitialWeights(*init, a.weightsPath);
    const auto want = loaded->named_parameters();
    for (const auto& p : init->named_parameters())
        EXPECT_TRUE(torch::equal(p.value(), want[p.key()])) << p.key();

    PretrainConfig c2 = c;
    c2.initWeights = a.weightsPath;
    c2.seed = 8;
    c2.hardNegativeFraction = 0.5;
    const PretrainResult b = pretrainBackbone(c2, second.path().string());
    ASSERT_TRUE(b.finished);
    const std::string info = test::readText(second.file("pretrain.json"));
    EXPECT_NE(info.find("\"init_weights_fnv1a64\""), std::string::npos) << info;
    EXPECT_NE(info.find("\"hard_negative_kinds\""), std::string::npos) << info;
    EXPECT_EQ(test::readText(first.file("pretrain.json")).find("init_weights"), std::string::npos);
    EXPECT_NE(test::readText(a.weightsPath), test::readText(b.weightsPath));
    // Started from stage 1, not from scratch: the same run from the seed's random weights differs.
    test::TempDir scratch;
    PretrainConfig c3 = c2;
    c3.initWeights.clear();
    const PretrainResult s = pretrainBackbone(c3, scratch.path().string());
    EXPECT_NE(test::readText(s.weightsPath), test::readText(b.weightsPath));

    // A missing file is an error naming it, before anything is written.
    test::TempDir bad;
    PretrainConfig missing = c2;
    missing.initWeights = bad.file("no_such_stage1.safetensors");
    try {
        pretrainBackbone(missing, bad.file("out"));
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
        EXPECT_NE(std::string(e.what()).find("no_such_stage1.safetensors"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(bad.file("out")));
    // Weights of another architecture: Mismatch naming the file and the tensor.
    PretrainConfig wider = c2;
    wider.visionWidth = 64;
    try {
        pretrainBackbone(wider, bad.file("out2"));
        FAIL() << "expected a mismatch";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Mismatch);
        EXPECT_NE(std::string(e.what()).find(a.weightsPath), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("visual."), std::string::npos) << e.what();
    }
}

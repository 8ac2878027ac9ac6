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
#include "test_support.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

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
}

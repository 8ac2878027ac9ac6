// ctest-labels: clip demo
// ctest-link: vaclip_ml
// Evidence that the shipped demo backbone (resources/demo_backbone) understands the demo world
// zero-shot: it is loaded with the normal loader and vocabulary lookup, walkway videos it never
// saw are rendered (normal ones and one per test category: bicycle, skateboard, cart, wheelchair)
// at the datasets' 128x128, preprocessed exactly like extraction (bicubic to the input size), and
// the frames are scored against prompts by cosine similarity.
#include "clip/backbone_info.h"
#include "clip/clip_loader.h"
#include "clip/preprocess.h"
#include "eval/metrics.h"
#include "runtime/torch_runtime.h"
#include "synth/render.h"
#include "synth/rng.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdio>
#include <cstdlib>

using namespace vaclip;
using synth::ActorKind;

namespace {

constexpr int kCalibration = -2;

struct Frames {
    torch::Tensor features;   // [N, D], L2-normalised
    std::vector<int> kind;    // -1 normal, kCalibration campus normal, else the anomalous ActorKind
    std::vector<int> rep;     // which of a scene's videos of that kind (two folds for the centroid test)
};

const std::vector<ActorKind> kKinds = {ActorKind::Bicycle, ActorKind::Skateboard, ActorKind::Cart,
                                       ActorKind::Wheelchair};
const std::vector<std::string> kPrompts = {"a person riding a bicycle", "a person on a skateboard",
                                           "a small cart on a walkway", "a person in a wheelchair"};

// The shipped weights; VACLIP_TEST_DEMO_BACKBONE=path measures a candidate with the same test.
std::string backbonePath()
{
    if (const char* candidate = std::getenv("VACLIP_TEST_DEMO_BACKBONE"))
        return candidate;
    return (test::sourceDir() / "resources/demo_backbone/demo_backbone.safetensors").string();
}

// Seeds far from anything pretraining draws (it uses hashCombine(seed, sample index)).
Frames renderWalkway(clip::ClipModelImpl& model)
{
    const int size = model.config().imageResolution;
    std::vector<Image> images;
    Frames out;
    int video = 0;
    for (int kind = -1; kind < int(kKinds.size()); ++kind)
        for (int scene = 0; scene < synth::sceneCount(synth::World::Walkway); ++scene)
            for (int rep = 0; rep < (kind < 0 ? 4 : 2); ++rep, ++video) {
                std::optional<ActorKind> anomaly;
                if (kind >= 0)
                    anomaly = kKinds[std::size_t(kind)];
                const synth::SceneSpec spec = synth::makeVideoSpec(synth::World::Walkway, scene, anomaly,
                                                                   {128, 128, 15.0, 64}, 0xDE3057ULL + 7919ULL * video);
                const synth::SceneRenderer renderer(spec);
                for (int t = 2; t < spec.frames; t += 3) {
                    synth::RenderedFrame f = renderer.render(t);
                    out.kind.push_back(f.anomalous && kind >= 0 ? int(kKinds[std::size_t(kind)]) : -1);
                    out.rep.push_back(rep % 2);
                    images.push_back(std::move(f.image));
                }
            }
    // Normal frames of the campus world (the training world of the detector): per-prompt
    // calibration statistics, never scored.
    for (int scene = 0; scene < synth::sceneCount(synth::World::Campus); ++scene, ++video) {
        const synth::SceneSpec spec = synth::makeVideoSpec(synth::World::Campus, scene, std::nullopt,
                                                           {128, 128, 15.0, 64}, 0xCA3057ULL + 7919ULL * video);
        const synth::SceneRenderer renderer(spec);
        for (int t = 2; t < spec.frames; t += 3) {
            out.kind.push_back(kCalibration);
            out.rep.push_back(0);
            images.push_back(renderer.render(t).image);
        }
    }
    c10::InferenceMode guard;
    const torch::Tensor x = clip::preprocessImages(images, size);
    torch::Tensor f = model.encodeImage(x);
    out.features = f / f.norm(2, {1}, true);
    return out;
}

torch::Tensor encodePrompts(clip::ClipModelImpl& model, const clip::Tokenizer& tok, const std::vector<std::string>& p)
{
    c10::InferenceMode guard;
    std::vector<int64_t> flat;
    for (const auto& row : tok.tokenizeBatch(p, model.config().contextLength))
        flat.insert(flat.end(), row.begin(), row.end());
    const torch::Tensor ids = torch::tensor(flat, torch::kLong).view({int64_t(p.size()), -1});
    torch::Tensor t = model.encodeText(ids);
    return t / t.norm(2, {1}, true);
}

double auc(const std::vector<double>& scores, const std::vector<uint8_t>& labels)
{
    return eval::summarizeScores(scores, labels).auc;
}

} // namespace

class DemoBackbone : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        setComputeThreads(1);
        s_model = std::make_unique<clip::ClipModel>(clip::loadClip(backbonePath()));
        s_tok = std::make_unique<clip::Tokenizer>(clip::loadTokenizerFor(backbonePath()));
        s_frames = std::make_unique<Frames>(renderWalkway(**s_model));
    }
    static void TearDownTestSuite()
    {
        s_frames.reset();
        s_tok.reset();
        s_model.reset();
    }
    // cos(frame, prompt) [N, P]
    static torch::Tensor similarity(const std::vector<std::string>& prompts)
    {
        c10::InferenceMode guard;
        return torch::matmul(s_frames->features, encodePrompts(**s_model, *s_tok, prompts).t());
    }
    static std::vector<double> column(const torch::Tensor& s)
    {
        const torch::Tensor c = s.to(torch::kDouble).contiguous();
        return {c.data_ptr<double>(), c.data_ptr<double>() + c.numel()};
    }
    static inline std::unique_ptr<clip::ClipModel> s_model;
    static inline std::unique_ptr<clip::Tokenizer> s_tok;
    static inline std::unique_ptr<Frames> s_frames;
};

TEST_F(DemoBackbone, LoadsLikeAnyClipWithItsOwnVocabulary)
{
    const clip::ClipConfig& c = (*s_model)->config();
    EXPECT_EQ(c.vocabSize, s_tok->vocabSize());
    EXPECT_GE(c.imageResolution / c.visionPatchSize, 8);
    // Anomalous actors in the 128-pixel videos are 21-40 px tall (docs/demo_world.md): the typical
    // one (30 px) spans at least two patches at the input size, the smallest at least 1.5.
    EXPECT_GE(30.0 * c.imageResolution / 128.0, 2.0 * c.visionPatchSize);
    EXPECT_GE(21.0 * c.imageResolution / 128.0, 1.5 * c.visionPatchSize);
    EXPECT_TRUE(s_tok->hasWordList());
    for (const std::string& p : kPrompts)
        EXPECT_TRUE(s_tok->unknownWords(p).empty()) << p;
    EXPECT_EQ(s_tok->unknownWords("a dog"), std::vector<std::string>{"dog"});
}

TEST_F(DemoBackbone, ZeroShotFrameAucWithTheFourRightPromptsBeatsUnrelatedPrompts)
{
    std::vector<uint8_t> labels;
    std::vector<int64_t> test, calibration;
    int positives = 0;
    for (std::size_t i = 0; i < s_frames->kind.size(); ++i) {
        const int k = s_frames->kind[i];
        if (k == kCalibration) {
            calibration.push_back(int64_t(i));
            continue;
        }
        test.push_back(int64_t(i));
        labels.push_back(k >= 0);
        positives += k >= 0;
    }
    ASSERT_GT(positives, 40);
    ASSERT_GT(int(labels.size()) - positives, 40);
    const torch::Tensor rows = torch::tensor(test, torch::kLong), calRows = torch::tensor(calibration, torch::kLong);
    const torch::Tensor s = similarity(kPrompts), u = similarity({"a dog", "a tree"});
    const double right = auc(column(std::get<0>(s.index_select(0, rows).max(1))), labels);
    const double unrelated = auc(column(std::get<0>(u.index_select(0, rows).max(1))), labels);
    // Calibrated max: each prompt z-scored by its similarity on normal campus frames.
    const torch::Tensor cal = s.index_select(0, calRows);
    const torch::Tensor z = (s.index_select(0, rows) - cal.mean(0)) / cal.std(0);
    const double calibrated = auc(column(std::get<0>(z.max(1))), labels);
    std::printf("frames %zu (%d anomalous): frame AUC max-cosine right prompts %.4f, calibrated max %.4f, "
                "unrelated prompts %.4f\n",
                labels.size(), positives, right, calibrated, unrelated);
    // Measured with the shipped weights (resources/demo_backbone/README.md): 0.857 raw, 0.896
    // calibrated, 0.250 unrelated (stage 1 alone: 0.812 / 0.892 / 0.152; its raw max suffered from
    // the skateboard prompt, 0.466 vs normal frames).
    EXPECT_GE(right, 0.83);
    EXPECT_GE(calibrated, 0.85);
    EXPECT_GT(right - unrelated, 0.5);
    EXPECT_GT(calibrated - unrelated, 0.5);
}

TEST_F(DemoBackbone, EachPromptRanksItsOwnCategoryFirst)
{
    const torch::Tensor s = similarity(kPrompts);
    double meanVsOthers = 0;
    for (std::size_t p = 0; p < kKinds.size(); ++p) {
        const int own = int(kKinds[p]);
        std::vector<double> vsOthers, vsNormal;
        std::vector<uint8_t> lOthers, lNormal;
        const std::vector<double> score = column(s.select(1, int64_t(p)));
        for (std::size_t i = 0; i < score.size(); ++i) {
            const int k = s_frames->kind[i];
            if (k == kCalibration)
                continue;
            if (k >= 0) {
                vsOthers.push_back(score[i]);
                lOthers.push_back(k == own);
            }
            if (k == own || k < 0) {
                vsNormal.push_back(score[i]);
                lNormal.push_back(k == own);
            }
        }
        const double a = auc(vsOthers, lOthers), n = auc(vsNormal, lNormal);
        std::printf("'%s': AUC vs other categories %.4f, vs normal frames %.4f\n", kPrompts[p].c_str(), a, n);
        meanVsOthers += a / double(kKinds.size());
        // Measured: vs others 0.684 / 0.867 / 0.720 / 0.789, vs normal 0.918 / 0.858 / 0.920 / 0.856
        // (bicycle, skateboard, cart, wheelchair); stage 1 alone: 0.509 / 0.687 / 0.641 / 0.683 and
        // 0.900 / 0.466 / 0.916 / 0.864 (its skateboard rider read as a pedestrian).
        EXPECT_GT(a, 0.62) << kPrompts[p];
        EXPECT_GT(n, kKinds[p] == ActorKind::Skateboard ? 0.75 : 0.83) << kPrompts[p];
    }
    EXPECT_GT(meanVsOthers, 0.7);   // measured 0.765 (stage 1: 0.630)
}

TEST_F(DemoBackbone, ImageEmbeddingsSeparateTheFourCategories)
{
    // Nearest class centroid over the anomalous frames, two folds: centroids from one video of each
    // (category, scene), tested on the frames of the other video. Chance is 25%.
    const torch::Tensor& f = s_frames->features;
    int correct = 0, total = 0;
    std::vector<torch::Tensor> allMeans;
    for (int fold = 0; fold < 2; ++fold) {
        std::vector<torch::Tensor> centroids;
        for (ActorKind k : kKinds) {
            std::vector<int64_t> rows;
            for (std::size_t i = 0; i < s_frames->kind.size(); ++i)
                if (s_frames->kind[i] == int(k) && s_frames->rep[i] == fold)
                    rows.push_back(int64_t(i));
            ASSERT_GT(rows.size(), 5u);
            const torch::Tensor c = f.index_select(0, torch::tensor(rows, torch::kLong)).mean(0);
            centroids.push_back(c / c.norm());
        }
        const torch::Tensor C = torch::stack(centroids);
        for (std::size_t i = 0; i < s_frames->kind.size(); ++i) {
            const int k = s_frames->kind[i];
            if (k < 0 || s_frames->rep[i] == fold)
                continue;
            const int64_t guess = torch::matmul(C, f[int64_t(i)]).argmax().item<int64_t>();
            correct += int(kKinds[std::size_t(guess)]) == k;
            ++total;
        }
    }
    for (ActorKind k : kKinds) {
        std::vector<int64_t> rows;
        for (std::size_t i = 0; i < s_frames->kind.size(); ++i)
            if (s_frames->kind[i] == int(k))
                rows.push_back(int64_t(i));
        const torch::Tensor c = f.index_select(0, torch::tensor(rows, torch::kLong)).mean(0);
        allMeans.push_back(c / c.norm());
    }
    const double accuracy = double(correct) / total;
    const double bicycleWheelchair = torch::dot(allMeans[0], allMeans[3]).item<double>();
    std::printf("nearest-centroid accuracy over the four categories %.3f (%d frames); cosine of the mean "
                "bicycle and wheelchair frame embeddings %.3f\n",
                accuracy, total, bicycleWheelchair);
    // Measured 0.490 and 0.976 (stage 1 alone: 0.352 and 0.990).
    EXPECT_GT(accuracy, 0.43);
}

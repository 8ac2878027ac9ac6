// ctest-labels: unit model
// ctest-link: vaclip_ml
// Temporal transformer, prompt learner, scoring functions and checkpoints (core/model).
#include "model/scoring.h"
#include "model/vad_model.h"

#include "common/error.h"
#include "eval/postprocess.h"
#include "model_test_util.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace vaclip;
using namespace vaclip::model;

namespace {

TemporalTransformerOptions smallOptions(TemporalPosition pos = TemporalPosition::Learned)
{
    TemporalTransformerOptions o;
    o.dim = 16;
    o.layers = 2;
    o.heads = 4;
    o.maxLength = 8;
    o.dropout = 0.1;
    o.position = pos;
    return o;
}

void perturb(torch::nn::Module& m)
{
    torch::NoGradGuard g;
    for (auto& p : m.parameters())
        p.add_(torch::randn_like(p) * 0.1);
}

} // namespace

TEST(TemporalTransformer, ShapesAndZeroInitIdentity)
{
    for (auto pos : {TemporalPosition::Learned, TemporalPosition::Sinusoidal}) {
        torch::manual_seed(1);
        TemporalTransformer tt(smallOptions(pos));
        torch::Tensor x = torch::randn({3, 8, 16});
        torch::Tensor y = tt->forward(x);
        EXPECT_EQ(y.sizes(), x.sizes());
        EXPECT_TRUE(torch::equal(y, x)) << "zero-initialised output must give V_t == CLIP embedding";
        tt->train();
        EXPECT_TRUE(torch::equal(tt->forward(x.slice(1, 0, 5)), x.slice(1, 0, 5)));
        perturb(*tt);
        tt->eval();
        EXPECT_FALSE(torch::allclose(tt->forward(x), x)) << "after changing weights the output must move";
    }
}

TEST(TemporalTransformer, RejectsBadShapesAndHeads)
{
    TemporalTransformer tt(smallOptions());
    EXPECT_THROW(tt->forward(torch::randn({2, 9, 16})), Error);   // longer than maxLength
    EXPECT_THROW(tt->forward(torch::randn({2, 4, 15})), Error);   // wrong dim
    EXPECT_THROW(tt->forward(torch::randn({2, 4, 16}), torch::zeros({2, 4}, torch::kBool)), Error);
    auto bad = smallOptions();
    bad.heads = 5;
    EXPECT_THROW(TemporalTransformer{bad}, Error);
}

TEST(TemporalTransformer, PaddedFramesAreNotAttended)
{
    torch::manual_seed(2);
    TemporalTransformer tt(smallOptions());
    perturb(*tt);
    tt->eval();
    torch::Tensor x = torch::randn({2, 8, 16});
    torch::Tensor valid = torch::ones({2, 8}, torch::kBool);
    valid.index_put_({1, torch::indexing::Slice(5, 8)}, false);
    torch::Tensor y1 = tt->forward(x, valid);
    torch::Tensor x2 = x.clone();
    x2.index_put_({1, torch::indexing::Slice(5, 8)}, torch::randn({3, 16}) * 10);
    torch::Tensor y2 = tt->forward(x2, valid);
    EXPECT_TRUE(torch::allclose(y1[1].slice(0, 0, 5), y2[1].slice(0, 0, 5), 1e-5, 1e-6));
    EXPECT_TRUE(torch::allclose(y1[0], y2[0]));
    // Without the mask the change leaks into the valid frames.
    EXPECT_FALSE(torch::allclose(tt->forward(x)[1].slice(0, 0, 5), tt->forward(x2)[1].slice(0, 0, 5), 1e-4, 1e-5));
}

TEST(TemporalTransformer, DropoutIsReproducibleFromItsOwnGenerator)
{
    torch::manual_seed(3);
    TemporalTransformer tt(smallOptions());
    perturb(*tt);
    tt->train();
    torch::Tensor x = torch::randn({2, 8, 16});
    tt->seedDropout(5);
    torch::Tensor state = tt->dropoutState();
    torch::Tensor a = tt->forward(x);
    torch::Tensor b = tt->forward(x);
    EXPECT_FALSE(torch::equal(a, b)) << "dropout must differ between calls";
    tt->setDropoutState(state);
    torch::manual_seed(999);  // the global generator does not matter
    EXPECT_TRUE(torch::equal(tt->forward(x), a));
}

TEST(PromptLearner, PlainPromptsAreClipZeroShot)
{
    auto clipModel = test::tinyClip();
    auto tok = test::referenceTokenizer();
    PromptLearner pl(clipModel, tok, PromptLearnerOptions{{"a normal scene"}, {"an abnormal event"}, 4, 0});
    torch::NoGradGuard g;
    torch::Tensor f = pl->encodePrompts({"a person riding a bicycle", "a car"}, false);
    ASSERT_EQ(f.sizes(), torch::IntArrayRef({2, 32}));
    auto r0 = tok.tokenize("a person riding a bicycle"), r1 = tok.tokenize("a car");
    std::vector<int64_t> ids(r0.ids);
    ids.insert(ids.end(), r1.ids.begin(), r1.ids.end());
    torch::Tensor ref = normalizeRows(clipModel->encodeText(torch::tensor(ids).view({2, 77})));
    EXPECT_TRUE(torch::allclose(f, ref, 1e-5, 1e-6));
    EXPECT_TRUE(torch::allclose(f.norm(2, 1), torch::ones({2}), 1e-5));
}

TEST(PromptLearner, ContextIsSplicedAndTrainableWhileClipIsFrozen)
{
    auto clipModel = test::tinyClip();
    PromptLearner pl(clipModel, test::referenceTokenizer(),
                     PromptLearnerOptions{{"a normal scene", "people walking"}, {"an abnormal event"}, 4, 1});
    ASSERT_EQ(pl->deep.size(), 1u);
    EXPECT_EQ(pl->parameters().size(), 3u);  // ctx_normal, ctx_abnormal, deep_0: nothing of CLIP
    torch::Tensor g = pl->genericFeatures();
    ASSERT_EQ(g.sizes(), torch::IntArrayRef({2, 32}));
    EXPECT_TRUE(torch::allclose(g.norm(2, 1), torch::ones({2}), 1e-5));
    g.select(0, 1).sum().backward();
    EXPECT_TRUE(pl->ctxAbnormal.grad().defined());
    EXPECT_GT(pl->ctxAbnormal.grad().abs().sum().item<double>(), 0);
    EXPECT_GT(pl->deep[0].grad().abs().sum().item<double>(), 0);
    for (const auto& p : clipModel->parameters())
        EXPECT_FALSE(p.grad().defined());
    // The learned context changes the encoding of a typed prompt.
    torch::NoGradGuard ng;
    torch::Tensor plain = pl->encodePrompts({"a bicycle"}, false);
    torch::Tensor ctx = pl->encodePrompts({"a bicycle"}, true);
    EXPECT_FALSE(torch::allclose(plain, ctx, 1e-3));
    // Too long with the context -> a clear error.
    std::string longText;
    for (int i = 0; i < 73; ++i)
        longText += "word ";
    EXPECT_THROW(pl->encodePrompts({longText}, true), Error);
}

TEST(Scoring, MatchesPerFrameDefinitions)
{
    torch::manual_seed(4);
    torch::Tensor v = normalizeRows(torch::randn({50, 8}));
    torch::Tensor p = normalizeRows(torch::randn({3, 8}));
    torch::Tensor n = normalizeRows(torch::randn({1, 8}))[0];
    const double scale = 100.0;
    auto mc = scoreFrames(v, p, n, ScoringMode::MaxCosine, scale);
    auto sm = scoreFrames(v, p, n, ScoringMode::SoftmaxVsNormal, scale);
    auto cal = calibrateOnNormal(v.slice(0, 0, 30), p);
    auto cz = scoreFrames(v, p, n, ScoringMode::CalibratedMax, scale, cal);
    auto vv = v.accessor<float, 2>();
    auto pp = p.accessor<float, 2>();
    auto nn = n.accessor<float, 1>();
    for (int t = 0; t < 50; ++t) {
        double best = -1e9, bestSm = -1e9, bestZ = -1e9;
        int arg = -1;
        double cn = 0;
        for (int d = 0; d < 8; ++d)
            cn += vv[t][d] * nn[d];
        for (int i = 0; i < 3; ++i) {
            double c = 0;
            for (int d = 0; d < 8; ++d)
                c += vv[t][d] * pp[i][d];
            if (c > best)
                best = c, arg = i;
            const double pa = std::exp(scale * c) / (std::exp(scale * c) + std::exp(scale * cn));
            bestSm = std::max(bestSm, pa);
            bestZ = std::max(bestZ, (c - cal.mean[i].item<double>()) / cal.stddev[i].item<double>());
        }
        EXPECT_NEAR(mc.score[t].item<double>(), best, 1e-5);
        EXPECT_EQ(mc.winner[t].item<int64_t>(), arg);
        EXPECT_NEAR(sm.score[t].item<double>(), bestSm, 1e-5);
        EXPECT_NEAR(cz.score[t].item<double>(), bestZ, 1e-4);
    }
    EXPECT_THROW(scoreFrames(v, p, n, ScoringMode::CalibratedMax, scale), Error);
    EXPECT_THROW(scoreFrames(v, p.slice(0, 0, 0), n, ScoringMode::MaxCosine, scale), Error);
}

TEST(Scoring, CalibrationRescuesAPromptWithAHighBaseline)
{
    // Prompt 0 is similar to every frame (high baseline); prompt 1 fires only on anomalies.
    torch::manual_seed(5);
    const int T = 200;
    torch::Tensor base = torch::randn({8});
    torch::Tensor anomalyDir = torch::randn({8});
    torch::Tensor frames = base.view({1, 8}) + 0.3 * torch::randn({T, 8});
    torch::Tensor labels = torch::zeros({T});
    labels.slice(0, 150, T).fill_(1);
    frames.slice(0, 150, T) += anomalyDir.view({1, 8}) * 0.8;
    torch::Tensor v = normalizeRows(frames);
    torch::Tensor p = normalizeRows(torch::stack({base, anomalyDir}));
    auto auc = [&](const torch::Tensor& s) {
        double good = 0;
        for (int i = 150; i < T; ++i)
            for (int j = 0; j < 150; ++j)
                good += s[i].item<float>() > s[j].item<float>() ? 1 : (s[i].item<float>() == s[j].item<float>() ? 0.5 : 0);
        return good / (50.0 * 150.0);
    };
    const double raw = auc(scoreFrames(v, p, p[0], ScoringMode::MaxCosine, 100).score);
    const double calibrated = auc(scoreFrames(v, p, p[0], ScoringMode::CalibratedMax, 100,
                                              calibrateOnNormal(v.slice(0, 0, 100), p)).score);
    const double robust = auc(scoreFrames(v, p, p[0], ScoringMode::CalibratedMax, 100, calibrateRobust(v, p)).score);
    EXPECT_LT(raw, 0.8);
    EXPECT_GT(calibrated, 0.95);
    EXPECT_GT(robust, 0.95);
}

TEST(Scoring, SmoothingAndPixelMaps)
{
    torch::Tensor x = torch::zeros({21});
    x[10] = 1;
    torch::Tensor g = gaussianSmooth1d(x, 2.0);
    EXPECT_NEAR(g.sum().item<double>(), 1.0, 1e-5);
    EXPECT_EQ(g.argmax().item<int64_t>(), 10);
    EXPECT_NEAR(g[8].item<double>(), g[12].item<double>(), 1e-7);
    // SciPy's reflect mode mirrors the edge sample: [0 | 0 1 2 3 4 | 4] -> (0+0+1)/3 ... (3+4+4)/3.
    torch::Tensor m = movingAverage1d(torch::arange(5, torch::kFloat), 3);
    EXPECT_TRUE(torch::allclose(m, torch::tensor({1.f / 3, 1.f, 2.f, 3.f, 11.f / 3})));
    // The model's smoothing is the evaluation's (one definition, checked against SciPy in test_metrics).
    torch::Tensor track = torch::rand({37});
    std::vector<double> td(track.data_ptr<float>(), track.data_ptr<float>() + 37);
    const std::vector<double> refG = eval::gaussianSmooth(td, 2.5), refMa = eval::movingAverage(td, 4);
    torch::Tensor mine = gaussianSmooth1d(track, 2.5), mineMa = movingAverage1d(track, 4);
    for (int i = 0; i < 37; ++i) {
        EXPECT_NEAR(mine[i].item<double>(), refG[std::size_t(i)], 1e-6);
        EXPECT_NEAR(mineMa[i].item<double>(), refMa[std::size_t(i)], 1e-6);
    }

    torch::manual_seed(6);
    torch::Tensor normal = normalizeRows(torch::randn({1, 8}))[0];
    torch::Tensor prompt = normalizeRows(torch::randn({1, 8}));
    torch::Tensor tokens = normal.view({1, 8}).repeat({16, 1}).clone();
    tokens[5] = prompt[0];  // grid 4x4: row 1, column 1 is anomalous
    torch::Tensor map = pixelMap(tokens, prompt, normal, 100.0, 64, 64, 2.0);
    ASSERT_EQ(map.sizes(), torch::IntArrayRef({64, 64}));
    EXPECT_GT(map[24][24].item<double>(), 0.5);
    EXPECT_LT(map[56][56].item<double>(), 0.1);
    EXPECT_THROW(pixelMap(tokens.slice(0, 0, 15), prompt, normal, 100.0, 8, 8, 0), Error);

    // Upsampling equals LibTorch's bilinear interpolation (align_corners false) on a square frame.
    torch::Tensor rnd = normalizeRows(torch::randn({16, 8}));
    torch::Tensor patchScores = scoreFrames(rnd, prompt, normal, ScoringMode::SoftmaxVsNormal, 100.0).score;
    namespace F = torch::nn::functional;
    torch::Tensor ref = F::interpolate(patchScores.view({1, 1, 4, 4}), F::InterpolateFuncOptions()
                                                                          .size(std::vector<int64_t>{24, 40})
                                                                          .mode(torch::kBilinear)
                                                                          .align_corners(false))
                            .view({24, 40});
    EXPECT_TRUE(torch::allclose(pixelMap(rnd, prompt, normal, 100.0, 24, 40, 0), ref, 1e-5, 1e-6));
    // A non-square frame with CLIP's centre crop (input 8 on a 16 x 8 frame: the grid covers columns
    // 4..11): a 2 x 2 grid whose top-right cell is anomalous lights columns 8.. of the top rows and
    // not the left four columns (outside the crop, extended from the left cells).
    torch::Tensor t4 = normal.view({1, 8}).repeat({4, 1}).clone();
    t4[1] = prompt[0];
    torch::Tensor crop = pixelMap(t4, prompt, normal, 100.0, 8, 16, 0, 8);
    EXPECT_GT(crop[1][10].item<double>(), 0.9);
    EXPECT_GT(crop[1][15].item<double>(), 0.9);
    EXPECT_LT(crop[1][3].item<double>(), 0.1);
    EXPECT_LT(crop[6][10].item<double>(), 0.1);
    // Without the geometry the grid would be stretched over all 16 columns: at column 9 the crop
    // map is 0.875 of the way into the anomalous cell, the stretched one only 0.6875.
    torch::Tensor whole = pixelMap(t4, prompt, normal, 100.0, 8, 16, 0);
    EXPECT_NEAR(crop[1][9].item<double>(), 0.875, 0.01);
    EXPECT_NEAR(whole[1][9].item<double>(), 0.6875, 0.01);
}

TEST(Checkpoint, RoundTripAndMismatch)
{
    test::TempDir dir;
    Config cfg;
    cfg.temporalTransformerLayers = 1;
    cfg.temporalHeads = 4;
    cfg.clipLength = 8;
    cfg.training.nCtx = 4;
    auto clipModel = test::tinyClip();
    auto tok = test::referenceTokenizer();
    VadModel a(cfg, clipModel, tok);
    perturb(*a);
    CheckpointInfo info;
    info.epoch = 3;
    info.step = 77;
    info.bestAuc = 0.81;
    info.configYaml = "clip_length: 8\n";
    info.rngState = "1 2 3";
    info.dropoutState = a->temporal->dropoutState();
    const std::string path = dir.file("c/last.ckpt");
    saveCheckpoint(path, *a, nullptr, info);
    VadModel b(cfg, clipModel, tok);
    CheckpointInfo back = loadCheckpoint(path, *b, nullptr);
    EXPECT_EQ(back.epoch, 3);
    EXPECT_EQ(back.step, 77);
    EXPECT_DOUBLE_EQ(back.bestAuc, 0.81);
    EXPECT_EQ(back.configYaml, info.configYaml);
    EXPECT_EQ(back.rngState, "1 2 3");
    auto pa = a->named_parameters(), pb = b->named_parameters();
    ASSERT_EQ(pa.size(), pb.size());
    for (const auto& p : pa)
        EXPECT_TRUE(torch::equal(p.value(), pb[p.key()])) << p.key();
    EXPECT_EQ(resolveCheckpoint(dir.file("c")), path);

    Config other = cfg;
    other.training.nCtx = 5;
    VadModel c(other, clipModel, tok);
    EXPECT_THROW(loadCheckpoint(path, *c, nullptr), Error);
    test::writeText(dir.file("bad.ckpt"), "not a checkpoint");
    EXPECT_THROW(loadCheckpoint(dir.file("bad.ckpt"), *b, nullptr), Error);
    EXPECT_THROW(resolveCheckpoint(dir.file("missing")), Error);
}

#include "train/trainer.h"

#include "common/error.h"
#include "distributed/grad_sync.h"
#include "distributed/process_group.h"
#include "distributed/sampler.h"
#include "io/dtype.h"
#include "model/backbone_parts.h"
#include "model/scoring.h"
#include "model/vad_model.h"
#include "model/windowing.h"
#include "runtime/torch_runtime.h"
#include "train/losses.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <random>
#include <sstream>

namespace vaclip::train {

namespace fs = std::filesystem;
using model::VadModel;

double rocAuc(const std::vector<float>& scores, const std::vector<uint8_t>& labels)
{
    if (scores.size() != labels.size())
        throw Error(ErrorCode::Mismatch, "AUC: " + std::to_string(scores.size()) + " scores but " +
                                             std::to_string(labels.size()) + " labels");
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double rankSumPos = 0, pos = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]])
            ++j;
        const double midRank = 0.5 * double(i + 1 + j);  // ranks i+1 .. j, averaged over ties
        for (std::size_t k = i; k < j; ++k)
            if (labels[order[k]]) {
                rankSumPos += midRank;
                pos += 1;
            }
        i = j;
    }
    const double neg = double(scores.size()) - pos;
    if (pos == 0 || neg == 0)
        return -1;
    return (rankSumPos - pos * (pos + 1) / 2) / (pos * neg);
}

SupervisionMode resolveSupervision(SupervisionMode requested, const std::vector<TrainVideo>& videos)
{
    if (requested != SupervisionMode::Auto)
        return requested;
    bool framePos = false, videoPos = false, videoNeg = false;
    for (const auto& v : videos) {
        framePos |= std::any_of(v.frameLabels.begin(), v.frameLabels.end(), [](uint8_t l) { return l != 0; });
        videoPos |= v.videoLabel == 1;
        videoNeg |= v.videoLabel == 0;
    }
    if (framePos)
        return SupervisionMode::Frame;
    if (videoPos && videoNeg)
        return SupervisionMode::Video;
    return SupervisionMode::NormalOnly;
}

namespace {

struct Window {
    int video = 0;
    int64_t start = 0;
};

/// Deterministic initialisation from a private generator (LibTorch's defaults use the global one).
void initialiseParameters(model::VadModelImpl& m, uint64_t seed)
{
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    torch::NoGradGuard g;
    for (auto& p : m.named_parameters()) {
        const std::string& k = p.key();
        torch::Tensor t = p.value();
        auto endsWith = [&](const std::string& s) { return k.size() >= s.size() && k.compare(k.size() - s.size(), s.size(), s) == 0; };
        if (k.rfind("temporal.proj.", 0) == 0)
            t.zero_();  // zero-initialised output: V_t == CLIP embedding at step 0
        else if (k.find(".ln") != std::string::npos || k.find("ln_final") != std::string::npos)
            endsWith(".weight") ? t.fill_(1.0) : t.zero_();
        else if (k == "temporal.position" || k.rfind("prompts.", 0) == 0)
            t.normal_(0.0, 0.02, gen);
        else if (endsWith(".weight") && t.dim() == 2) {
            const double bound = 1.0 / std::sqrt(double(t.size(1)));
            t.uniform_(-bound, bound, gen);
        } else if (endsWith(".bias"))
            t.uniform_(-0.01, 0.01, gen);
        else
            t.normal_(0.0, 0.02, gen);
    }
}

void checkVideos(const std::vector<TrainVideo>& videos, int dim, const char* what)
{
    for (const auto& v : videos) {
        if (v.dim != dim)
            throw Error(ErrorCode::Mismatch, std::string(what) + " video '" + v.name + "' has features of size " +
                                                 std::to_string(v.dim) + " but the backbone's embeddings have " +
                                                 std::to_string(dim) + " (extracted with another backbone?)");
        if (int64_t(v.features.size()) != v.frames * v.dim)
            throw Error(ErrorCode::Mismatch, std::string(what) + " video '" + v.name + "': " +
                                                 std::to_string(v.features.size()) + " feature values for " +
                                                 std::to_string(v.frames) + " frames of " + std::to_string(v.dim));
        if (!v.frameLabels.empty() && int64_t(v.frameLabels.size()) != v.frames)
            throw Error(ErrorCode::Mismatch, std::string(what) + " video '" + v.name + "' has " +
                                                 std::to_string(v.frameLabels.size()) + " frame labels for " +
                                                 std::to_string(v.frames) + " frames");
        if (v.patchMasks.empty())
            continue;
        const int64_t cells = int64_t(v.patchGrid) * v.patchGrid;
        if (v.patchGrid < 1 || int64_t(v.patchMasks.size()) != v.frames * cells)
            throw Error(ErrorCode::Mismatch, std::string(what) + " video '" + v.name + "': " +
                                                 std::to_string(v.patchMasks.size()) + " patch-mask values for " +
                                                 std::to_string(v.frames) + " frames of a " + std::to_string(v.patchGrid) +
                                                 "x" + std::to_string(v.patchGrid) + " grid");
        if (!v.tokens || v.tokens->frames() != v.frames || v.tokens->dim() != dim || v.tokens->tokens() != cells + 1)
            throw Error(ErrorCode::Mismatch, std::string(what) + " video '" + v.name + "' has patch masks but no " +
                                                 "matching patch tokens (" + std::to_string(cells + 1) + " tokens of " +
                                                 std::to_string(dim) + " per frame needed; vaclip extract --tokens)");
    }
}

/// A generator seed for (seed, epoch, rank): splitmix64 of the three.
uint64_t streamSeed(uint64_t seed, int epoch, int rank)
{
    uint64_t z = seed + 0x9e3779b97f4a7c15ull * (uint64_t(epoch) + 1) + 0xbf58476d1ce4e5b9ull * (uint64_t(rank) + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

double learningRate(const TrainingConfig& t, int64_t step, int64_t total, int64_t warmup)
{
    if (warmup > 0 && step < warmup)
        return t.learningRate * double(step + 1) / double(warmup);
    const double span = double(std::max<int64_t>(1, total - warmup));
    const double progress = std::min(1.0, double(step - warmup) / span);
    return t.learningRate * 0.5 * (1.0 + std::cos(M_PI * progress));
}

} // namespace

Trainer::Trainer(Config config, model::Backbone backbone) : m_config(std::move(config)), m_backbone(std::move(backbone))
{
    if (!m_backbone.valid())
        throw Error(ErrorCode::InvalidArgument, "training needs a loaded backbone");
}

Trainer::~Trainer() = default;

void Trainer::setProcessGroup(std::shared_ptr<distributed::ProcessGroup> group) { m_group = std::move(group); }

TrainResult Trainer::run(const std::vector<TrainVideo>& train, const std::vector<TrainVideo>& validation,
                         const TrainCallback& progress)
{
    const Config& cfg = m_config;
    const TrainingConfig& tc = cfg.training;
    if (tc.threads > 0)
        setComputeThreads(tc.threads);
    auto& parts = m_backbone.parts();
    const int D = m_backbone.embedDim();
    checkVideos(train, D, "training");
    checkVideos(validation, D, "validation");

    TrainResult result;
    result.supervision = resolveSupervision(tc.supervision, train);
    const SupervisionMode sup = result.supervision;
    // Pixel loss: on when configured (or supervision pixel), not normal_only, and some training
    // video has patch masks with an anomalous cell.
    const PixelLossConfig& pc = tc.pixelLoss;
    int grid = 0;
    bool anomalousCell = false;
    for (const auto& v : train) {
        if (v.patchMasks.empty())
            continue;
        if (grid != 0 && v.patchGrid != grid)
            throw Error(ErrorCode::Mismatch, "training video '" + v.name + "' has a " + std::to_string(v.patchGrid) +
                                                 "-wide patch grid, others " + std::to_string(grid));
        grid = v.patchGrid;
        anomalousCell |= std::any_of(v.patchMasks.begin(), v.patchMasks.end(), [](float m) { return m > 0; });
    }
    const bool usePixel = sup != SupervisionMode::NormalOnly && (pc.enabled || sup == SupervisionMode::Pixel) &&
                          anomalousCell && (pc.focalWeight > 0 || pc.diceWeight > 0);
    if (sup == SupervisionMode::Pixel && !usePixel)
        throw Error(ErrorCode::InvalidArgument,
                    "training.supervision: pixel needs training videos with pixel masks (mask_path in meta.json), "
                    "patch tokens in the feature cache (vaclip extract --tokens) and a pixel_loss weight > 0");
    if (usePixel)
        for (const auto& v : train)
            result.pixelVideos += v.patchMasks.empty() ? 0 : 1;
    const bool frameLike = sup == SupervisionMode::Frame || sup == SupervisionMode::Pixel;

    // Windows of the videos this supervision can use.
    const int64_t L = cfg.clipLength;
    std::vector<Window> windows;
    for (std::size_t i = 0; i < train.size(); ++i) {
        const auto& v = train[i];
        if (frameLike && v.frameLabels.empty() && v.videoLabel != 0)
            continue;  // unlabelled frames: only a normal video's are known (all 0)
        if (sup == SupervisionMode::Video && v.videoLabel < 0)
            continue;
        if (sup == SupervisionMode::NormalOnly && (v.videoLabel == 1 || std::any_of(v.frameLabels.begin(), v.frameLabels.end(), [](uint8_t l) { return l; })))
            continue;
        if (sup == SupervisionMode::Video)
            windows.push_back({int(i), 0});  // the bag is the whole video (see below)
        else
            for (int64_t s : model::windowStarts(v.frames, L, cfg.stride))
                windows.push_back({int(i), s});
    }
    if (windows.empty())
        throw Error(ErrorCode::InvalidArgument, std::string("no training windows: no video fits supervision '") +
                                                    toString(sup) + "'");
    std::vector<int> normalVideos;
    for (std::size_t i = 0; i < train.size(); ++i)
        normalVideos.push_back(int(i));
    std::vector<int> transforms;  // 0 skip, 1 reverse, 2 shuffle, 3 paste
    if (tc.pseudoAnomalies.skipFrames) transforms.push_back(0);
    if (tc.pseudoAnomalies.reverse) transforms.push_back(1);
    if (tc.pseudoAnomalies.shuffle) transforms.push_back(2);
    if (tc.pseudoAnomalies.pastePatches) transforms.push_back(3);
    if (sup == SupervisionMode::NormalOnly && transforms.empty())
        throw Error(ErrorCode::InvalidArgument, "normal_only training needs at least one training.pseudo_anomalies kind");

    // Model, optimiser, generators.
    VadModel model(cfg, parts.clip, parts.tokenizer);
    initialiseParameters(*model, tc.seed);
    model->temporal->seedDropout(tc.seed ^ 0x9e3779b97f4a7c15ull);
    std::mt19937_64 rng(tc.seed);     // window shuffles (and, alone, pseudo-anomalies)
    std::mt19937_64 augRng(tc.seed);  // distributed: this rank's pseudo-anomalies
    torch::optim::AdamW optimizer(model->parameters(),
                                  torch::optim::AdamWOptions(tc.learningRate).weight_decay(tc.weightDecay));
    // Data parallel: rank `rank` of W takes its shard of each epoch's permutation in batches of
    // B (= ceil(batch_size / W)): the ranks' batches of a step make up the one-process batch.
    distributed::ProcessGroup* group = m_group && m_group->size() > 1 ? m_group.get() : nullptr;
    const int rank = group ? group->rank() : 0;
    const int W = group ? group->size() : 1;
    const int64_t B = (std::max(1, tc.batchSize) + W - 1) / W;
    const int64_t perRank = int64_t(distributed::samplesPerRank(windows.size(), W));
    const int64_t stepsPerEpoch = (perRank + B - 1) / B;
    result.worldSize = W;
    result.rankBatch = B;
    const int64_t totalSteps = stepsPerEpoch * tc.epochs;
    const int64_t warmupSteps = int64_t(tc.warmupEpochs) * stepsPerEpoch;
    const double scale = model->logitScale();

    const bool checkpoints = !tc.checkpointDir.empty();
    const bool writer = rank == 0;  // rank 0 alone writes checkpoints
    const std::string lastPath = checkpoints ? (fs::path(tc.checkpointDir) / "last.ckpt").string() : "";
    const std::string bestPath = checkpoints ? (fs::path(tc.checkpointDir) / "best.ckpt").string() : "";
    int startEpoch = 0;
    int64_t step = 0;
    double bestAuc = -1;
    if (tc.resume && checkpoints && fs::exists(lastPath)) {
        model::CheckpointInfo info = model::loadCheckpoint(lastPath, *model, &optimizer);
        std::istringstream in(info.rngState);
        in >> rng;
        if (!in)
            throw Error(ErrorCode::Format, "checkpoint " + quoted(lastPath) + ": unreadable generator state");
        startEpoch = info.epoch;
        step = info.step;
        bestAuc = info.bestAuc;
        result.resumedFromEpoch = startEpoch;
        result.lastCheckpoint = lastPath;
    }
    std::mt19937_64& aug = m_group && m_group->size() > 1 ? augRng : rng;
    std::unique_ptr<distributed::GradientSynchronizer> sync;
    if (group) {
        // Every rank must resume from the same epoch (training.checkpoint_dir on a shared filesystem).
        const auto lo = group->allReduce({double(startEpoch)}, distributed::ReduceOp::Min, "the resume epoch");
        const auto hi = group->allReduce({double(startEpoch)}, distributed::ReduceOp::Max, "the resume epoch");
        if (lo[0] != hi[0])
            throw Error(ErrorCode::Mismatch, "rank " + std::to_string(rank) + " resumes after epoch " +
                                                 std::to_string(startEpoch) + " but other ranks after epoch " +
                                                 std::to_string(int(lo[0] == startEpoch ? hi[0] : lo[0])) + ": every rank must see the same " +
                                                 quoted(lastPath) + " (is training.checkpoint_dir on a shared filesystem?)");
        sync = std::make_unique<distributed::GradientSynchronizer>(m_group, model->parameters());
        sync->broadcastParameters("rank 0's initial parameters");
    }
    result.bestAuc = bestAuc;

    auto saveTo = [&](const std::string& path, int epoch, double lastLoss) {
        model::CheckpointInfo info;
        info.epoch = epoch;
        info.step = step;
        info.bestAuc = bestAuc;
        info.lastLoss = lastLoss;
        info.backboneId = m_backbone.id();
        info.configYaml = effectiveYaml(cfg);
        std::ostringstream out;
        out << rng;
        info.rngState = out.str();
        info.dropoutState = model->temporal->dropoutState();
        model::saveCheckpoint(path, *model, &optimizer, info);
    };

    // Without learnable context (n_ctx 0) the generic text features are constants: encode once.
    torch::Tensor frozenGeneric;
    if (model->prompts->parameters().empty()) {
        torch::NoGradGuard ng;
        frozenGeneric = model->prompts->genericFeatures();
    }
    const auto t0 = std::chrono::steady_clock::now();
    int64_t clipsDone = 0;
    int64_t stepsHere = 0;
    bool stopWanted = false;  // a progress callback asked to stop (shared with the other ranks)
    model->train();
    for (int epoch = startEpoch; epoch < tc.epochs; ++epoch) {
        // The epoch's window order: the same on every rank (rng only shuffles when distributed).
        std::vector<std::size_t> epochOrder(windows.size());
        std::iota(epochOrder.begin(), epochOrder.end(), 0);
        std::shuffle(epochOrder.begin(), epochOrder.end(), rng);
        const std::vector<std::size_t> order = distributed::shardPermutation(epochOrder, rank, W);
        if (group) {
            // Per-rank streams for pseudo-anomalies and dropout, re-seeded each epoch so that a
            // resume is exact on every rank (the checkpoint holds rank 0's state only).
            augRng.seed(streamSeed(tc.seed, epoch, rank));
            model->temporal->seedDropout(streamSeed(tc.seed ^ 0x9e3779b97f4a7c15ull, epoch, rank));
        }
        double lossSum = 0;
        for (int64_t s = 0; s < stepsPerEpoch; ++s) {
            const int64_t b0 = s * B, nb = std::min<int64_t>(B, int64_t(order.size()) - b0);
            // Rows of the batch: the windows themselves, or in video mode every non-overlapping
            // window of each video in the batch (bag[r] = which video a row belongs to).
            std::vector<Window> rows;
            std::vector<int64_t> bag;
            for (int64_t b = 0; b < nb; ++b) {
                const Window w = windows[order[std::size_t(b0 + b)]];
                if (sup == SupervisionMode::Video) {
                    for (int64_t st : model::windowStarts(train[std::size_t(w.video)].frames, L, L)) {
                        rows.push_back({w.video, st});
                        bag.push_back(b);
                    }
                } else {
                    rows.push_back(w);
                    bag.push_back(b);
                }
            }
            const int64_t nr = int64_t(rows.size());
            torch::Tensor x = torch::zeros({nr, L, D});
            torch::Tensor valid = torch::zeros({nr, L}, torch::kBool);
            torch::Tensor y = torch::zeros({nr, L});
            torch::Tensor vy = torch::zeros({nb});
            float* xp = x.data_ptr<float>();
            bool* vp = valid.data_ptr<bool>();
            float* yp = y.data_ptr<float>();
            for (int64_t b = 0; b < nr; ++b) {
                const Window w = rows[std::size_t(b)];
                const TrainVideo& v = train[std::size_t(w.video)];
                const int64_t n = std::min(L, v.frames - w.start);
                auto row = [&](int64_t frame) { return v.features.data() + frame * D; };
                for (int64_t j = 0; j < n; ++j) {
                    std::memcpy(xp + (b * L + j) * D, row(w.start + j), sizeof(float) * std::size_t(D));
                    vp[b * L + j] = true;
                    if (!v.frameLabels.empty())
                        yp[b * L + j] = v.frameLabels[std::size_t(w.start + j)] ? 1.f : 0.f;
                }
                vy[bag[std::size_t(b)]] = v.videoLabel == 1 ? 1.f : 0.f;
                if (sup != SupervisionMode::NormalOnly || n < 4 || std::uniform_int_distribution<int>(0, 1)(aug) == 0)
                    continue;
                // A pseudo-anomaly on the segment [a, a + m) of this window.
                const int64_t m = std::max<int64_t>(2, n / 2);
                const int64_t a = std::uniform_int_distribution<int64_t>(0, n - m)(aug);
                const int kind = transforms[std::uniform_int_distribution<std::size_t>(0, transforms.size() - 1)(aug)];
                std::vector<float> seg(std::size_t(m * D));
                const int64_t speed = kind == 0 ? std::uniform_int_distribution<int64_t>(2, 4)(aug) : 1;
                for (int64_t j = 0; j < m; ++j) {
                    int64_t src = w.start + a + j;
                    if (kind == 0)
                        src = std::min(v.frames - 1, w.start + a + j * speed);
                    else if (kind == 1)
                        src = w.start + a + (m - 1 - j);
                    std::memcpy(seg.data() + j * D, row(src), sizeof(float) * std::size_t(D));
                }
                if (kind == 2) {
                    std::vector<int64_t> perm(static_cast<std::size_t>(m));
                    std::iota(perm.begin(), perm.end(), 0);
                    std::shuffle(perm.begin(), perm.end(), aug);
                    for (int64_t j = 0; j < m; ++j)
                        std::memcpy(seg.data() + j * D, row(w.start + a + perm[std::size_t(j)]), sizeof(float) * std::size_t(D));
                } else if (kind == 3) {
                    const TrainVideo& o = train[std::size_t(normalVideos[std::uniform_int_distribution<std::size_t>(0, normalVideos.size() - 1)(aug)])];
                    const int64_t os = std::uniform_int_distribution<int64_t>(0, std::max<int64_t>(0, o.frames - m))(aug);
                    for (int64_t j = 0; j < m; ++j)
                        for (int d = 0; d < D; ++d)
                            seg[std::size_t(j * D + d)] = 0.5f * seg[std::size_t(j * D + d)] +
                                                          0.5f * o.features[std::size_t(std::min(o.frames - 1, os + j) * D + d)];
                }
                std::memcpy(xp + (b * L + a) * D, seg.data(), sizeof(float) * seg.size());
                for (int64_t j = 0; j < m; ++j)
                    yp[b * L + a + j] = 1.f;
            }

            // Pixel targets: frames_per_window evenly spaced frames of each row whose video has
            // patch masks (patch tokens without the class token, fp16 -> float).
            std::vector<float> pixTok, pixTarget;
            int64_t pixFrames = 0;
            const int64_t cells = int64_t(grid) * grid;
            if (usePixel) {
                for (int64_t b = 0; b < nr; ++b) {
                    const Window w = rows[std::size_t(b)];
                    const TrainVideo& v = train[std::size_t(w.video)];
                    if (v.patchMasks.empty())
                        continue;
                    const int64_t n = std::min(L, v.frames - w.start);
                    const int64_t k = std::min<int64_t>(n, pc.framesPerWindow);
                    for (int64_t i = 0; i < k; ++i) {
                        const int64_t t = w.start + (2 * i + 1) * n / (2 * k);
                        const uint16_t* h = v.tokens->patchTokens(t) + D;  // skip the class token
                        for (int64_t c = 0; c < cells * D; ++c)
                            pixTok.push_back(halfToFloat(h[c]));
                        const float* m = v.patchMasks.data() + t * cells;
                        pixTarget.insert(pixTarget.end(), m, m + cells);
                        ++pixFrames;
                    }
                }
            }

            const double lr = learningRate(tc, step, totalSteps, warmupSteps);
            for (auto& group : optimizer.param_groups())
                static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
            torch::Tensor v = model::normalizeRows(model->temporal->forward(x, valid));
            torch::Tensor g = frozenGeneric.defined() ? frozenGeneric : model->prompts->genericFeatures();
            torch::Tensor p = model::abnormalProbability(v, g, scale).clamp(1e-6, 1 - 1e-6);
            torch::Tensor vf = valid.to(torch::kFloat);
            torch::Tensor loss;
            if (sup == SupervisionMode::Video) {
                // Multiple-instance learning: a video is a bag of frames; the mean of its top-k
                // abnormal probabilities (k = max(1, frames / 16)) is trained towards its label.
                std::vector<torch::Tensor> tops;
                int64_t r0 = 0;
                for (int64_t b = 0; b < nb; ++b) {
                    int64_t r1 = r0;
                    while (r1 < nr && bag[std::size_t(r1)] == b)
                        ++r1;
                    torch::Tensor pv = p.slice(0, r0, r1).masked_select(valid.slice(0, r0, r1));
                    const int64_t kb = std::max<int64_t>(1, pv.numel() / 16);
                    tops.push_back(std::get<0>(pv.topk(kb)).mean());
                    r0 = r1;
                }
                loss = torch::binary_cross_entropy(torch::stack(tops), vy);
            } else {
                torch::Tensor bce = -(y * torch::log(p) + (1 - y) * torch::log(1 - p));
                loss = (bce * vf).sum() / vf.sum();
            }
            if (pixFrames > 0) {
                torch::Tensor tok = model::normalizeRows(torch::from_blob(pixTok.data(), {pixFrames, cells, int64_t(D)}));
                torch::Tensor pp = model::abnormalProbability(tok, g, scale);  // [F, g*g]
                torch::Tensor yt = torch::from_blob(pixTarget.data(), {pixFrames, cells});
                if (pc.focalWeight > 0)
                    loss = loss + pc.focalWeight * focalLoss(pp, yt, pc.focalGamma);
                if (pc.diceWeight > 0)
                    loss = loss + pc.diceWeight * (diceLoss(pp, yt) + diceLoss(1 - pp, 1 - yt));
            }
            if (tc.smoothnessWeight > 0 && L > 1) {
                torch::Tensor pair = vf.slice(1, 1) * vf.slice(1, 0, L - 1);
                torch::Tensor d = (p.slice(1, 1) - p.slice(1, 0, L - 1)).pow(2) * pair;
                loss = loss + tc.smoothnessWeight * d.sum() / pair.sum().clamp_min(1);
            }
            optimizer.zero_grad();
            if (sync)
                sync->prepare();
            loss.backward();
            const std::string stepName = group ? "step " + std::to_string(step + 1) + " (epoch " + std::to_string(epoch + 1) + ")" : "";
            if (sync)
                sync->finish(stepName);
            torch::nn::utils::clip_grad_norm_(model->parameters(), 1.0);
            optimizer.step();
            ++step;
            ++stepsHere;
            clipsDone += nr;
            double l = loss.item<double>();
            if (group) {
                const auto v = group->allReduce({l, stopWanted ? 1.0 : 0.0}, distributed::ReduceOp::Sum,
                                                "the loss of " + stepName);
                l = v[0] / W;
                if (v[1] > 0) {
                    result.cancelled = true;
                    result.steps = step;
                    return result;
                }
            }
            lossSum += l;
            if (progress) {
                TrainProgress pr;
                pr.epoch = epoch + 1;
                pr.epochs = tc.epochs;
                pr.step = step;
                pr.totalSteps = totalSteps;
                pr.loss = l;
                pr.lr = lr;
                const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                pr.clipsPerSecond = sec > 0 ? double(clipsDone * W) / sec : 0;
                pr.rank = rank;
                if (!progress(pr)) {
                    stopWanted = true;
                    if (!group) {
                        result.cancelled = true;
                        result.steps = step;
                        return result;
                    }
                }
            }
        }
        if (sync)
            result.commSecondsPerStep = sync->totalWaitSeconds() / double(std::max<int64_t>(1, stepsHere));
        const double epochLoss = lossSum / double(stepsPerEpoch);
        result.epochLoss.push_back(epochLoss);
        result.epochsDone = epoch + 1;

        double auc = -1;
        if (!validation.empty() && writer) {
            model->eval();
            std::vector<float> scores;
            std::vector<uint8_t> labels;
            {
                torch::NoGradGuard ng;
                torch::Tensor g = model->prompts->genericFeatures();
                for (const auto& v : validation) {
                    if (v.frameLabels.empty())
                        continue;
                    torch::Tensor f = torch::from_blob(const_cast<float*>(v.features.data()), {v.frames, D});
                    torch::Tensor vt = model::normalizeRows(model::temporalFeatures(*model->temporal, f, L, cfg.stride));
                    torch::Tensor p = model::abnormalProbability(vt, g, scale).contiguous();
                    scores.insert(scores.end(), p.data_ptr<float>(), p.data_ptr<float>() + p.numel());
                    labels.insert(labels.end(), v.frameLabels.begin(), v.frameLabels.end());
                }
            }
            model->train();
            auc = rocAuc(scores, labels);
        }
        if (!validation.empty() && group)  // rank 0's AUC to every rank (the others wait for it here)
            auc = group->allReduce({writer ? auc : 0.0}, distributed::ReduceOp::Sum, "the validation AUC of epoch " +
                                                                                         std::to_string(epoch + 1))[0];
        if (!validation.empty()) {
            result.validationAuc.push_back(auc);
            if (auc > bestAuc) {
                bestAuc = auc;
                result.bestAuc = auc;
                if (checkpoints) {
                    if (writer)
                        saveTo(bestPath, epoch + 1, epochLoss);
                    result.bestCheckpoint = bestPath;
                }
            }
        }
        if (checkpoints && ((epoch + 1) % std::max(1, tc.checkpointEvery) == 0 || epoch + 1 == tc.epochs)) {
            if (writer)
                saveTo(lastPath, epoch + 1, epochLoss);
            result.lastCheckpoint = lastPath;
        }
        result.steps = step;
        if (progress) {
            TrainProgress pr;
            pr.epoch = epoch + 1;
            pr.epochs = tc.epochs;
            pr.step = step;
            pr.totalSteps = totalSteps;
            pr.loss = epochLoss;
            pr.lr = learningRate(tc, std::max<int64_t>(0, step - 1), totalSteps, warmupSteps);
            pr.epochEnd = true;
            pr.validationAuc = auc;
            const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            pr.clipsPerSecond = sec > 0 ? double(clipsDone * W) / sec : 0;
            pr.rank = rank;
            if (!progress(pr))
                stopWanted = true;
        }
        if (group && group->allReduce({stopWanted ? 1.0 : 0.0}, distributed::ReduceOp::Sum,
                                      "the stop flag of epoch " + std::to_string(epoch + 1))[0] > 0)
            stopWanted = true;
        if (stopWanted) {
            result.cancelled = epoch + 1 < tc.epochs;
            return result;
        }
    }
    result.steps = step;
    return result;
}

} // namespace vaclip::train

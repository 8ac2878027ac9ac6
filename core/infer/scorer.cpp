#include "infer/scorer.h"

#include "common/error.h"
#include "model/backbone_parts.h"
#include "model/scoring.h"
#include "model/vad_model.h"
#include "model/windowing.h"

#include <torch/torch.h>

#include <map>
#include <mutex>

namespace vaclip::infer {

struct Scorer::Impl {
    Config config;
    model::Backbone backbone;
    mutable model::VadModel model{nullptr};
    std::string checkpoint;
    torch::Tensor frames;       ///< [N, D] unit V_t
    torch::Tensor calibration;  ///< [M, D] unit V_t of normal reference frames (may be undefined)
    std::vector<int64_t> offsets{0};
    torch::Tensor normal;       ///< [D]
    torch::Tensor plainNormal;  ///< [D] the generic normal prompts encoded plain (patch maps)
    mutable std::mutex mutex;
    mutable std::map<std::pair<std::string, bool>, std::vector<float>> cache;

    torch::Tensor temporal(const std::vector<TestVideo>& videos) const
    {
        std::vector<torch::Tensor> parts;
        torch::NoGradGuard ng;
        const int D = backbone.embedDim();
        for (const auto& v : videos) {
            if (v.dim != D || int64_t(v.features.size()) != v.frames * int64_t(v.dim))
                throw Error(ErrorCode::Mismatch, "test video '" + v.name + "' has " + std::to_string(v.dim) +
                                                     "-d features; the backbone's are " + std::to_string(D));
            torch::Tensor f = torch::from_blob(const_cast<float*>(v.features.data()), {v.frames, D});
            parts.push_back(model::normalizeRows(
                model::temporalFeatures(*model->temporal, f, config.clipLength, config.stride)));
        }
        return parts.empty() ? torch::empty({0, D}) : torch::cat(parts).contiguous();
    }
};

Scorer::Scorer(Config config, model::Backbone backbone, const std::string& checkpoint) : m(std::make_unique<Impl>())
{
    m->config = std::move(config);
    m->backbone = std::move(backbone);
    auto& parts = m->backbone.parts();
    m->model = model::VadModel(m->config, parts.clip, parts.tokenizer);
    if (!checkpoint.empty()) {
        m->checkpoint = model::resolveCheckpoint(checkpoint);
        model::loadCheckpoint(m->checkpoint, *m->model, nullptr);
    } else {
        // No training: the zero-initialised output makes V_t the CLIP embedding; the generic
        // prompts are encoded plain (no learned context exists).
        m->config.training.nCtx = 0;
        m->model = model::VadModel(m->config, parts.clip, parts.tokenizer);
    }
    m->model->eval();
    torch::NoGradGuard ng;
    m->normal = m->model->prompts->genericFeatures()[0].contiguous();
    const torch::Tensor plain = m->model->prompts->encodePrompts(m->model->prompts->options().normal, false);
    m->plainNormal = torch::nn::functional::normalize(plain.mean(0), torch::nn::functional::NormalizeFuncOptions().dim(0))
                         .contiguous();
}

Scorer::~Scorer() = default;
Scorer::Scorer(Scorer&&) noexcept = default;

void Scorer::setTestSet(const std::vector<TestVideo>& videos)
{
    m->frames = m->temporal(videos);
    m->offsets.assign(1, 0);
    for (const auto& v : videos)
        m->offsets.push_back(m->offsets.back() + v.frames);
}

void Scorer::setCalibrationSet(const std::vector<TestVideo>& normalVideos)
{
    m->calibration = normalVideos.empty() ? torch::Tensor() : m->temporal(normalVideos);
}

int64_t Scorer::frameCount() const { return m->offsets.back(); }
const std::vector<int64_t>& Scorer::videoOffsets() const { return m->offsets; }
const std::string& Scorer::checkpointPath() const { return m->checkpoint; }
const Config& Scorer::config() const { return m->config; }

PromptFeatures Scorer::encodePrompts(const std::vector<std::string>& prompts) const
{
    const int D = m->backbone.embedDim();
    const bool learned = m->config.testing.promptMode == PromptMode::LearnedContext;
    PromptFeatures out;
    out.prompts = prompts;
    out.dim = D;
    out.normal.assign(m->normal.data_ptr<float>(), m->normal.data_ptr<float>() + D);
    std::lock_guard<std::mutex> lock(m->mutex);
    torch::NoGradGuard ng;
    for (const auto& p : prompts) {
        auto key = std::make_pair(p, learned);
        auto it = m->cache.find(key);
        if (it == m->cache.end()) {
            torch::Tensor f = m->model->prompts->encodePrompts({p}, learned).contiguous();
            it = m->cache.emplace(key, std::vector<float>(f.data_ptr<float>(), f.data_ptr<float>() + D)).first;
        }
        out.features.insert(out.features.end(), it->second.begin(), it->second.end());
    }
    return out;
}

PromptFeatures Scorer::encodePatchPrompts(const std::vector<std::string>& prompts) const
{
    if (m->config.testing.promptMode == PromptMode::LearnedContext)
        return encodePrompts(prompts);  // the context the pixel loss trained on patches
    const int D = m->backbone.embedDim();
    PromptFeatures out;
    out.prompts = prompts;
    out.dim = D;
    out.normal.assign(m->plainNormal.data_ptr<float>(), m->plainNormal.data_ptr<float>() + D);
    std::lock_guard<std::mutex> lock(m->mutex);
    torch::NoGradGuard ng;
    for (const auto& p : prompts) {
        auto key = std::make_pair(p, false);
        auto it = m->cache.find(key);
        if (it == m->cache.end()) {
            torch::Tensor f = m->model->prompts->encodePrompts({p}, false).contiguous();
            it = m->cache.emplace(key, std::vector<float>(f.data_ptr<float>(), f.data_ptr<float>() + D)).first;
        }
        out.features.insert(out.features.end(), it->second.begin(), it->second.end());
    }
    return out;
}

std::vector<float> Scorer::promptTracks(const PromptFeatures& prompts) const
{
    torch::NoGradGuard ng;
    const int64_t P = int64_t(prompts.prompts.size());
    torch::Tensor t = torch::from_blob(const_cast<float*>(prompts.features.data()), {P, prompts.dim});
    torch::Tensor c = model::cosineTable(m->frames, t).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

TestScores Scorer::rescore(const PromptFeatures& prompts) const
{
    if (!m->frames.defined())
        throw Error(ErrorCode::InvalidArgument, "rescore: no test set (call setTestSet first)");
    if (prompts.prompts.empty())
        throw Error(ErrorCode::InvalidArgument, "scoring needs at least one prompt");
    if (prompts.dim != m->frames.size(1) || int64_t(prompts.features.size()) != int64_t(prompts.prompts.size()) * prompts.dim)
        throw Error(ErrorCode::Mismatch, "prompt features do not match the test features' dimension");
    torch::NoGradGuard ng;
    const auto& tc = m->config.testing;
    const int64_t P = int64_t(prompts.prompts.size());
    torch::Tensor t = torch::from_blob(const_cast<float*>(prompts.features.data()), {P, prompts.dim});
    torch::Tensor normal = torch::from_blob(const_cast<float*>(prompts.normal.data()), {prompts.dim});
    TestScores out;
    out.mode = tc.scoring;
    out.videoOffsets = m->offsets;
    model::PromptCalibration cal;
    if (tc.scoring == ScoringMode::CalibratedMax) {
        if (m->calibration.defined() && m->calibration.size(0) >= 2) {
            cal = model::calibrateOnNormal(m->calibration, t);
            out.calibration = "normal_reference";
        } else {
            cal = model::calibrateRobust(m->frames, t);
            out.calibration = "test_set_robust";
        }
    }
    model::FrameScores fs = model::scoreFrames(m->frames, t, normal, tc.scoring, 1.0 / tc.softmaxTemperature, cal);
    torch::Tensor s = fs.score;
    if (tc.smoothing.gaussianSigma > 0 || tc.smoothing.movingAverage > 1) {
        std::vector<torch::Tensor> parts;
        for (std::size_t i = 0; i + 1 < m->offsets.size(); ++i) {
            torch::Tensor v = s.slice(0, m->offsets[i], m->offsets[i + 1]);
            v = model::gaussianSmooth1d(v, tc.smoothing.gaussianSigma);
            parts.push_back(model::movingAverage1d(v, tc.smoothing.movingAverage));
        }
        s = parts.empty() ? s : torch::cat(parts).contiguous();
    }
    out.scores.assign(s.data_ptr<float>(), s.data_ptr<float>() + s.numel());
    torch::Tensor w = fs.winner.to(torch::kInt).contiguous();
    out.winner.assign(w.data_ptr<int32_t>(), w.data_ptr<int32_t>() + w.numel());
    return out;
}

std::vector<float> naiveMaxCosine(const std::vector<float>& frames, const std::vector<float>& prompts, int dim)
{
    const std::size_t n = frames.size() / std::size_t(dim), p = prompts.size() / std::size_t(dim);
    std::vector<float> out(n, -2.f);
    for (std::size_t t = 0; t < n; ++t)
        for (std::size_t i = 0; i < p; ++i) {
            float c = 0;
            for (int d = 0; d < dim; ++d)
                c += frames[t * std::size_t(dim) + std::size_t(d)] * prompts[i * std::size_t(dim) + std::size_t(d)];
            out[t] = std::max(out[t], c);
        }
    return out;
}

} // namespace vaclip::infer

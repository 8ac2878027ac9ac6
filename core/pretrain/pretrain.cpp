// The pretraining loop (pretrain.h): vocabulary, model, steps, logs, checkpoints, the result.

#include "pretrain/pretrain.h"

#include "clip/bpe_learner.h"
#include "common/error.h"
#include "io/atomic_file.h"
#include "pretrain/pretrain_internal.h"
#include "synth/actors.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <future>
#include <sstream>

namespace vaclip::pretrain {

namespace fs = std::filesystem;

namespace {

constexpr const char* kWeightsName = "demo_backbone.safetensors";
constexpr const char* kCheckpointName = "checkpoint.safetensors";

struct LogRow {
    int step;
    double loss, lr, logitScale, seconds;
};

nlohmann::ordered_json configJson(const PretrainConfig& c)
{
    return {{"image_size", c.imageSize}, {"patch_size", c.patchSize}, {"vision_width", c.visionWidth},
            {"vision_layers", c.visionLayers}, {"vision_heads", c.visionHeads}, {"text_width", c.textWidth},
            {"text_layers", c.textLayers}, {"text_heads", c.textHeads}, {"context_length", c.contextLength},
            {"embed_dim", c.embedDim}, {"steps", c.steps}, {"batch_size", c.batchSize},
            {"learning_rate", c.learningRate}, {"min_learning_rate_fraction", c.minLearningRateFraction},
            {"warmup_steps", c.warmupSteps}, {"weight_decay", c.weightDecay}, {"seed", c.seed},
            {"single_actor_start", c.singleActorStart}, {"single_actor_end", c.singleActorEnd},
            {"empty_fraction", c.emptyFraction}, {"max_crowd", c.maxCrowd}, {"clip_fraction", c.clipFraction},
            {"flip_probability", c.flipProbability}};
}

/// The hard-negative and second-stage settings, only when used (a first stage's record, and
/// so its weights file, stays byte-identical to runs made before these keys existed).
void addStageJson(nlohmann::ordered_json& j, const PretrainConfig& c)
{
    if (c.hardNegativeFraction > 0) {
        j["hard_negative_fraction"] = c.hardNegativeFraction;
        j["hard_negative_kinds"] = c.hardNegativeKinds;
        j["zoom_fraction"] = c.zoomFraction;
        j["max_zoom"] = c.maxZoom;
        if (c.hardNegativeCrowd > 0)
            j["hard_negative_crowd"] = c.hardNegativeCrowd;
    }
    if (!c.initWeights.empty()) {
        const std::string bytes = readFile(c.initWeights);
        uint64_t h = 0xcbf29ce484222325ull;   // FNV-1a 64
        for (unsigned char b : bytes)
            h = (h ^ b) * 0x100000001b3ull;
        char hex[17];
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
        j["init_weights"] = c.initWeights;
        j["init_weights_fnv1a64"] = hex;
    }
}

double learningRate(const PretrainConfig& c, int step)
{
    if (step < c.warmupSteps)
        return c.learningRate * (step + 1) / c.warmupSteps;
    const double span = std::max(1, c.steps - c.warmupSteps);
    const double t = std::min(1.0, (step - c.warmupSteps) / span);
    const double floor = c.minLearningRateFraction;
    return c.learningRate * (floor + (1 - floor) * 0.5 * (1 + std::cos(M_PI * t)));
}

void writeLog(const std::vector<LogRow>& rows, const std::string& path)
{
    std::string text = "step,loss,lr,logit_scale,seconds\n";
    char line[160];
    for (const LogRow& r : rows) {
        std::snprintf(line, sizeof line, "%d,%.6f,%.6g,%.4f,%.1f\n", r.step, r.loss, r.lr, r.logitScale, r.seconds);
        text += line;
    }
    writeFileAtomic(path, text);
}

std::vector<LogRow> readLog(const std::string& path, int upToStep)
{
    std::vector<LogRow> rows;
    std::error_code ec;
    if (!fs::exists(path, ec))
        return rows;
    std::istringstream in(readFile(path));
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        LogRow r{};
        if (std::sscanf(line.c_str(), "%d,%lf,%lf,%lf,%lf", &r.step, &r.loss, &r.lr, &r.logitScale, &r.seconds) == 5 &&
            r.step <= upToStep)
            rows.push_back(r);
    }
    return rows;
}

} // namespace

void validatePretrainConfig(const PretrainConfig& c)
{
    auto need = [](bool ok, const std::string& what) {
        if (!ok)
            throw Error(ErrorCode::InvalidArgument, "pretraining config: " + what);
    };
    need(c.imageSize >= 16 && c.imageSize <= 512, "image_size must be in [16, 512]");
    need(c.patchSize >= 2 && c.imageSize % c.patchSize == 0, "image_size must be a multiple of patch_size (>= 2)");
    need(c.visionWidth > 0 && c.visionHeads > 0 && c.visionWidth % c.visionHeads == 0,
         "vision_width must be a positive multiple of vision_heads");
    need(c.textWidth > 0 && c.textHeads > 0 && c.textWidth % c.textHeads == 0,
         "text_width must be a positive multiple of text_heads");
    need(c.visionLayers >= 1 && c.textLayers >= 1, "vision_layers and text_layers must be >= 1");
    need(c.contextLength >= 8 && c.contextLength <= 77, "context_length must be in [8, 77]");
    need(c.embedDim >= 1, "embed_dim must be >= 1");
    need(c.steps >= 1 && c.batchSize >= 2, "steps must be >= 1 and batch_size >= 2");
    need(c.learningRate > 0 && c.minLearningRateFraction >= 0 && c.minLearningRateFraction <= 1,
         "learning_rate must be > 0 and min_learning_rate_fraction in [0, 1]");
    need(c.warmupSteps >= 1 && c.weightDecay >= 0, "warmup_steps must be >= 1 and weight_decay >= 0");
    auto fraction = [](double v) { return v >= 0 && v <= 1; };
    need(fraction(c.singleActorStart) && fraction(c.singleActorEnd) && fraction(c.emptyFraction) &&
             fraction(c.clipFraction) && fraction(c.flipProbability),
         "curriculum fractions must be in [0, 1]");
    need(c.singleActorStart + c.emptyFraction <= 1 && c.singleActorEnd + c.emptyFraction <= 1,
         "single_actor + empty fractions must be <= 1");
    need(c.maxCrowd >= 1, "max_crowd must be >= 1");
    need(c.checkpointEvery >= 1 && c.logEvery >= 1, "checkpoint_every and log_every must be >= 1");
    need(fraction(c.hardNegativeFraction) && fraction(c.zoomFraction),
         "hard_negatives.fraction and zoom_fraction must be in [0, 1]");
    need(c.maxZoom >= 1 && c.maxZoom <= 4, "hard_negatives.max_zoom must be in [1, 4]");
    need(c.hardNegativeCrowd >= 0 && c.hardNegativeCrowd <= 20, "hard_negatives.max_crowd must be in [0, 20]");
    need(c.hardNegativeFraction == 0 || !c.hardNegativeKinds.empty(), "hard_negatives.kinds must not be empty");
    for (const std::string& k : c.hardNegativeKinds) {
        try {
            synth::parseActorKind(k);
        } catch (const Error& e) {
            throw Error(ErrorCode::InvalidArgument, std::string("pretraining config: hard_negatives.kinds: ") + e.what());
        }
    }
}

PretrainResult pretrainBackbone(const PretrainConfig& c, const std::string& outDir, const PretrainOptions& options,
                                const PretrainCallback& progress)
{
    validatePretrainConfig(c);
    std::error_code initEc;
    if (!c.initWeights.empty() && !fs::is_regular_file(c.initWeights, initEc))   // before writing anything
        throw Error(ErrorCode::NotFound, quoted(c.initWeights) + ": init.weights: no such file");
    const fs::path dir(outDir);
    const clip::BpeVocabulary vocabulary = clip::learnBpe(worldCaptionCorpus());
    clip::writeBpeVocabulary(vocabulary, outDir);
    const clip::Tokenizer tok = clip::Tokenizer::fromFile(outDir);
    const clip::ClipConfig cc = clipConfigFor(c, tok.vocabSize());
    clip::ClipModel model = makeInitialModel(cc, c.seed);
    if (!c.initWeights.empty())
        loadInitialWeights(*model, c.initWeights);
    model->train();
    AdamState adam;
    nlohmann::ordered_json cj = configJson(c);
    cj["vocab_size"] = tok.vocabSize();
    addStageJson(cj, c);
    const std::string cfgText = cj.dump();

    const std::string ckptPath = (dir / kCheckpointName).string(), logPath = (dir / "loss.csv").string();
    int step = 0;
    std::error_code ec;
    if (options.resume && fs::exists(ckptPath, ec))
        step = loadCheckpoint(*model, adam, cfgText, ckptPath);
    std::vector<LogRow> log = readLog(logPath, step);
    const double priorSeconds = log.empty() ? 0 : log.back().seconds;

    PretrainResult result;
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    auto launch = [&](int s) {
        return std::async(std::launch::async, makeBatch, std::cref(c), uint64_t(s) * uint64_t(c.batchSize),
                          c.batchSize, double(s) / c.steps);
    };
    std::future<Batch> next;
    if (step < c.steps)
        next = launch(step);
    const int startStep = step;
    double windowSum = 0;
    int windowCount = 0;
    bool stop = false;
    while (step < c.steps && !stop) {
        Batch batch = next.get();
        if (step + 1 < c.steps)
            next = launch(step + 1);
        const double lr = learningRate(c, step);
        std::vector<int64_t> index;
        const std::vector<std::string> texts = distinctCaptions(batch.captions, index);
        model->zero_grad();
        const torch::Tensor img = model->encodeImage(batch.images);
        const torch::Tensor txt = model->encodeText(tokenizeTexts(tok, texts, c.contextLength));
        const torch::Tensor logits = model->logit_scale.exp() *
                                     torch::matmul(img / img.norm(2, {1}, true), (txt / txt.norm(2, {1}, true)).t());
        const torch::Tensor loss = contrastiveLoss(logits, torch::tensor(index, torch::kLong));
        loss.backward();
        torch::nn::utils::clip_grad_norm_(model->parameters(), 1.0);
        adamwStep(*model, adam, step + 1, lr, c.weightDecay);
        ++step;
        const double value = loss.item<double>();
        windowSum += value;
        ++windowCount;
        PretrainProgress p;
        p.step = step;
        p.steps = c.steps;
        p.loss = value;
        p.learningRate = lr;
        p.logitScale = model->logitScale();
        p.elapsedSeconds = elapsed();
        p.etaSeconds = p.elapsedSeconds / (step - startStep) * (c.steps - step);
        p.averageLoss = windowSum / windowCount;
        const bool logNow = step % c.logEvery == 0 || step == c.steps;
        if (logNow) {
            log.push_back({step, p.averageLoss, lr, p.logitScale, priorSeconds + p.elapsedSeconds});
            if (result.firstLoss == 0)
                result.firstLoss = p.averageLoss;
            result.finalLoss = p.averageLoss;
            windowSum = 0;
            windowCount = 0;
            writeLog(log, logPath);
        }
        if (progress && !progress(p))
            stop = true;
        if (options.stopAfter > 0 && step >= options.stopAfter)
            stop = true;
        if (stop || step % c.checkpointEvery == 0 || step == c.steps)
            saveCheckpoint(*model, adam, step, cfgText, ckptPath);
    }
    if (next.valid())
        next.wait();
    result.stepsDone = step;
    result.seconds = elapsed();
    if (result.finalLoss == 0 && !log.empty())
        result.finalLoss = log.back().loss;
    if (step < c.steps)
        return result;

    model->eval();
    const std::string weights = (dir / kWeightsName).string();
    saveWeightsFp16(*model, weights,
                    {{"vaclip_pretrain_config", cfgText}, {"vaclip_description", "VideoAnomalyCLIP demo backbone"}});
    nlohmann::ordered_json info;
    info["config"] = cj;
    info["steps"] = step;
    info["final_loss"] = result.finalLoss;
    info["minutes"] = (priorSeconds + result.seconds) / 60.0;
    info["weights"] = kWeightsName;
    info["architecture"] = cc.architectureName();
    writeFileAtomic((dir / "pretrain.json").string(), info.dump(2) + "\n");
    result.finished = true;
    result.weightsPath = weights;
    return result;
}

} // namespace vaclip::pretrain

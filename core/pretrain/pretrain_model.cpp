// Model set-up, AdamW and the weight / checkpoint files of the pretraining (pretrain_internal.h).

#include "common/error.h"
#include "io/safetensors.h"
#include "pretrain/pretrain_internal.h"

#include <cmath>
#include <cstring>
#include <filesystem>

namespace vaclip::pretrain {

clip::ClipConfig clipConfigFor(const PretrainConfig& c, int vocabSize)
{
    clip::ClipConfig cc;
    cc.embedDim = c.embedDim;
    cc.imageResolution = c.imageSize;
    cc.visionLayers = c.visionLayers;
    cc.visionWidth = c.visionWidth;
    cc.visionHeads = c.visionHeads;
    cc.visionPatchSize = c.patchSize;
    cc.visionMlpWidth = 4 * c.visionWidth;
    cc.contextLength = c.contextLength;
    cc.vocabSize = vocabSize;
    cc.transformerWidth = c.textWidth;
    cc.transformerHeads = c.textHeads;
    cc.transformerLayers = c.textLayers;
    cc.textMlpWidth = 4 * c.textWidth;
    return cc;
}

namespace {

void initTransformer(clip::Transformer& t, int width, int layers)
{
    const double attnStd = std::pow(width, -0.5);
    const double projStd = attnStd * std::pow(2.0 * layers, -0.5);
    const double fcStd = std::pow(2.0 * width, -0.5);
    for (auto& p : t->named_parameters()) {
        const std::string& n = p.key();
        torch::Tensor& v = p.value();
        if (n.find("attn.in_proj_weight") != std::string::npos)
            v.normal_(0, attnStd);
        else if (n.find("attn.out_proj.weight") != std::string::npos || n.find("mlp.c_proj.weight") != std::string::npos)
            v.normal_(0, projStd);
        else if (n.find("mlp.c_fc.weight") != std::string::npos)
            v.normal_(0, fcStd);
        else if (n.find("bias") != std::string::npos && n.find("ln_") == std::string::npos)
            v.zero_();
    }
}

std::vector<uint8_t> bytesOf(const torch::Tensor& t)
{
    const torch::Tensor c = t.contiguous();
    std::vector<uint8_t> out(std::size_t(c.numel()) * c.element_size());
    if (!out.empty())
        std::memcpy(out.data(), c.data_ptr(), out.size());
    return out;
}

} // namespace

clip::ClipModel makeInitialModel(const clip::ClipConfig& config, uint64_t seed)
{
    torch::manual_seed(seed);
    clip::ClipModel model(config);
    torch::NoGradGuard noGrad;
    model->token_embedding->weight.normal_(0, 0.02);
    model->positional_embedding.normal_(0, 0.01);
    initTransformer(model->transformer, config.transformerWidth, config.transformerLayers);
    model->text_projection.normal_(0, std::pow(config.transformerWidth, -0.5));
    const double scale = std::pow(config.visionWidth, -0.5);
    model->visual->class_embedding.normal_(0, scale);
    model->visual->positional_embedding.normal_(0, scale);
    model->visual->proj.normal_(0, scale);
    initTransformer(model->visual->transformer, config.visionWidth, config.visionLayers);
    model->logit_scale.fill_(std::log(1 / 0.07));
    return model;
}

void loadInitialWeights(clip::ClipModelImpl& model, const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw Error(ErrorCode::NotFound, quoted(path) + ": init.weights: no such file");
    const SafetensorsFile f = SafetensorsFile::open(path);
    torch::NoGradGuard noGrad;
    for (auto& p : model.named_parameters()) {
        const SafetensorsFile::Tensor* t = f.find(p.key());
        if (!t)
            throw Error(ErrorCode::Mismatch, quoted(path) + ": init.weights: no tensor " + p.key() +
                                                 " (not a CLIP of this architecture)");
        if (t->shape != p.value().sizes().vec())
            throw Error(ErrorCode::Mismatch, quoted(path) + ": init.weights: tensor " + p.key() + " is " +
                                                 clip::shapeString(t->shape) + ", the config's model needs " +
                                                 clip::shapeString(p.value().sizes().vec()));
        std::vector<float> values = t->toFloats();
        p.value().copy_(torch::from_blob(values.data(), p.value().sizes(), torch::kFloat));
    }
}

void adamwStep(clip::ClipModelImpl& model, AdamState& state, int t, double lr, double weightDecay)
{
    constexpr double b1 = 0.9, b2 = 0.98, eps = 1e-6;
    torch::NoGradGuard noGrad;
    const double c1 = 1 - std::pow(b1, t), c2 = 1 - std::pow(b2, t);
    for (auto& p : model.named_parameters()) {
        torch::Tensor& w = p.value();
        if (!w.grad().defined())
            continue;
        const torch::Tensor& g = w.grad();
        auto [mi, fresh] = state.m.try_emplace(p.key(), torch::zeros_like(w));
        auto [vi, fresh2] = state.v.try_emplace(p.key(), torch::zeros_like(w));
        (void)fresh;
        (void)fresh2;
        mi->second.mul_(b1).add_(g, 1 - b1);
        vi->second.mul_(b2).addcmul_(g, g, 1 - b2);
        const bool decay = w.dim() >= 2 && p.key().find("embedding") == std::string::npos;
        if (decay && weightDecay > 0)
            w.mul_(1 - lr * weightDecay);
        const torch::Tensor denom = (vi->second / c2).sqrt_().add_(eps);
        w.addcdiv_(mi->second, denom, -lr / c1);
    }
    model.logit_scale.clamp_(0, std::log(100.0));
}

void saveWeightsFp16(clip::ClipModelImpl& model, const std::string& path,
                     const std::map<std::string, std::string>& metadata)
{
    std::vector<SafetensorsEntry> entries;
    for (const auto& p : model.named_parameters()) {
        SafetensorsEntry e;
        e.name = p.key();
        e.dtype = DType::F16;
        e.shape = p.value().sizes().vec();
        e.data = bytesOf(p.value().detach().to(torch::kHalf));
        entries.push_back(std::move(e));
    }
    std::map<std::string, std::string> meta = metadata;
    meta["vision_heads"] = std::to_string(model.config().visionHeads);
    meta["text_heads"] = std::to_string(model.config().transformerHeads);
    meta["format"] = "pt";
    writeSafetensors(path, entries, meta);
}

void saveCheckpoint(clip::ClipModelImpl& model, const AdamState& state, int step, const std::string& configJson,
                    const std::string& path)
{
    std::vector<SafetensorsEntry> entries;
    auto add = [&](const std::string& name, const torch::Tensor& t) {
        entries.push_back({name, DType::F32, t.sizes().vec(), bytesOf(t.detach().to(torch::kFloat))});
    };
    for (const auto& p : model.named_parameters()) {
        add("model." + p.key(), p.value());
        auto m = state.m.find(p.key()), v = state.v.find(p.key());
        if (m != state.m.end() && v != state.v.end()) {
            add("adam_m." + p.key(), m->second);
            add("adam_v." + p.key(), v->second);
        }
    }
    writeSafetensors(path, entries, {{"step", std::to_string(step)}, {"config", configJson}});
}

int loadCheckpoint(clip::ClipModelImpl& model, AdamState& state, const std::string& configJson,
                   const std::string& path)
{
    const SafetensorsFile f = SafetensorsFile::open(path);
    auto meta = f.metadata();
    if (meta["config"] != configJson)
        throw Error(ErrorCode::Mismatch, quoted(path) + ": the checkpoint was made with another pretraining "
                                                        "config (delete it or restore the config to resume)");
    int step = 0;
    try {
        step = std::stoi(meta["step"]);
    } catch (const std::exception&) {
        throw Error(ErrorCode::Format, quoted(path) + ": checkpoint metadata has no valid 'step'");
    }
    auto read = [&](const std::string& name, const torch::Tensor& like) {
        const SafetensorsFile::Tensor& t = f.at(name);
        if (t.dtype != DType::F32 || t.shape != like.sizes().vec())
            throw Error(ErrorCode::Mismatch, quoted(path) + ": tensor " + name + " is " + clip::shapeString(t.shape) +
                                                 ", the model needs " + clip::shapeString(like.sizes().vec()));
        torch::Tensor out = torch::empty_like(like);
        std::memcpy(out.data_ptr(), t.data, t.nbytes);
        return out;
    };
    torch::NoGradGuard noGrad;
    state = AdamState{};
    for (auto& p : model.named_parameters()) {
        p.value().copy_(read("model." + p.key(), p.value()));
        if (f.find("adam_m." + p.key())) {
            state.m[p.key()] = read("adam_m." + p.key(), p.value());
            state.v[p.key()] = read("adam_v." + p.key(), p.value());
        }
    }
    return step;
}

} // namespace vaclip::pretrain

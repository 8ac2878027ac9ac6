#include "model/vad_model.h"

#include "common/error.h"
#include "io/atomic_file.h"

#include <torch/torch.h>

#include <filesystem>
#include <sstream>

namespace vaclip::model {

TemporalTransformerOptions temporalOptions(const Config& config, int64_t dim)
{
    TemporalTransformerOptions o;
    o.dim = dim;
    o.layers = config.temporalTransformerLayers;
    o.heads = config.temporalHeads;
    o.maxLength = config.clipLength;
    o.dropout = config.training.dropout;
    o.position = config.training.temporalPosition;
    return o;
}

PromptLearnerOptions promptOptions(const Config& config)
{
    PromptLearnerOptions o;
    o.normal = config.genericPrompts.normal;
    o.abnormal = config.genericPrompts.abnormal;
    o.nCtx = config.training.nCtx;
    o.deepLayers = config.training.deepPromptLayers;
    return o;
}

VadModelImpl::VadModelImpl(const Config& config, clip::ClipModel clip, clip::Tokenizer tokenizer)
{
    const int64_t d = clip->config().embedDim;
    temporal = register_module("temporal", TemporalTransformer(temporalOptions(config, d)));
    prompts = register_module("prompts", PromptLearner(std::move(clip), std::move(tokenizer), promptOptions(config)));
}

double VadModelImpl::logitScale() const { return prompts->clip()->logitScale(); }
int64_t VadModelImpl::dim() const { return prompts->embedDim(); }

void saveCheckpoint(const std::string& path, VadModelImpl& model, torch::optim::Optimizer* optimizer,
                    const CheckpointInfo& info)
{
    torch::serialize::OutputArchive archive, modelArchive, meta;
    // Flat keys (temporal.blocks.0.qkv.weight, prompts.ctx_normal, ...), so loading can check
    // every shape and name a mismatch.
    for (const auto& p : model.named_parameters())
        modelArchive.write(p.key(), p.value());
    for (const auto& b : model.named_buffers())
        modelArchive.write(b.key(), b.value(), /*is_buffer=*/true);
    archive.write("model", modelArchive);
    if (optimizer) {
        torch::serialize::OutputArchive opt;
        optimizer->save(opt);
        archive.write("optimizer", opt);
    }
    meta.write("format", c10::IValue(std::string("vaclip-checkpoint-1")));
    meta.write("epoch", c10::IValue(int64_t(info.epoch)));
    meta.write("step", c10::IValue(info.step));
    meta.write("best_auc", c10::IValue(info.bestAuc));
    meta.write("last_loss", c10::IValue(info.lastLoss));
    meta.write("backbone_id", c10::IValue(info.backboneId));
    meta.write("config", c10::IValue(info.configYaml));
    meta.write("rng", c10::IValue(info.rngState));
    if (info.dropoutState.defined())
        meta.write("dropout_state", info.dropoutState, /*is_buffer=*/true);
    archive.write("meta", meta);
    std::ostringstream out(std::ios::binary);
    archive.save_to(out);
    writeFileAtomic(path, out.str());
}

namespace {
torch::serialize::InputArchive openArchive(const std::string& path)
{
    if (!std::filesystem::is_regular_file(path))
        throw Error(ErrorCode::NotFound, "checkpoint " + quoted(path) + " does not exist");
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path);
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Format, "checkpoint " + quoted(path) + " is not a readable checkpoint: " +
                                           std::string(e.what_without_backtrace()));
    }
    return archive;
}

CheckpointInfo readMeta(torch::serialize::InputArchive& archive, const std::string& path)
{
    torch::serialize::InputArchive meta;
    c10::IValue v;
    CheckpointInfo info;
    try {
        archive.read("meta", meta);
        meta.read("format", v);
        if (!v.isString() || v.toStringRef() != "vaclip-checkpoint-1")
            throw Error(ErrorCode::Format, "checkpoint " + quoted(path) + " has an unknown format");
        meta.read("epoch", v), info.epoch = int(v.toInt());
        meta.read("step", v), info.step = v.toInt();
        meta.read("best_auc", v), info.bestAuc = v.toDouble();
        meta.read("last_loss", v), info.lastLoss = v.toDouble();
        meta.read("backbone_id", v), info.backboneId = v.toStringRef();
        meta.read("config", v), info.configYaml = v.toStringRef();
        meta.read("rng", v), info.rngState = v.toStringRef();
        torch::Tensor ds;
        if (meta.try_read("dropout_state", ds, /*is_buffer=*/true))
            info.dropoutState = ds;
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Format, "checkpoint " + quoted(path) + " lacks its meta data: " +
                                           std::string(e.what_without_backtrace()));
    }
    return info;
}
} // namespace

CheckpointInfo readCheckpointInfo(const std::string& path)
{
    auto archive = openArchive(path);
    return readMeta(archive, path);
}

CheckpointInfo loadCheckpoint(const std::string& path, VadModelImpl& model, torch::optim::Optimizer* optimizer)
{
    auto archive = openArchive(path);
    CheckpointInfo info = readMeta(archive, path);
    try {
        torch::serialize::InputArchive modelArchive;
        archive.read("model", modelArchive);
        // Every shape is checked before anything is copied, so a mismatch leaves the model intact.
        std::vector<std::pair<torch::Tensor, torch::Tensor>> copies;
        auto collect = [&](const std::string& key, const torch::Tensor& dst, bool buffer) {
            torch::Tensor t;
            if (!modelArchive.try_read(key, t, buffer))
                throw Error(ErrorCode::Mismatch, "checkpoint " + quoted(path) + " has no tensor " + key +
                                                     " (made with another configuration?)");
            if (t.sizes() != dst.sizes())
                throw Error(ErrorCode::Mismatch, "checkpoint " + quoted(path) + ": " + key + " is " +
                                                     c10::str(t.sizes()) + " there but " + c10::str(dst.sizes()) +
                                                     " in this model (config differs)");
            copies.emplace_back(dst, t);
        };
        for (const auto& p : model.named_parameters())
            collect(p.key(), p.value(), false);
        for (const auto& b : model.named_buffers())
            collect(b.key(), b.value(), true);
        torch::NoGradGuard ng;
        for (auto& [dst, src] : copies)
            dst.copy_(src);
        if (optimizer) {
            torch::serialize::InputArchive opt;
            archive.read("optimizer", opt);
            optimizer->load(opt);
        }
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Mismatch, "checkpoint " + quoted(path) + " does not fit this model: " +
                                             std::string(e.what_without_backtrace()));
    }
    if (info.dropoutState.defined())
        model.temporal->setDropoutState(info.dropoutState);
    return info;
}

std::string resolveCheckpoint(const std::string& fileOrFolder)
{
    namespace fs = std::filesystem;
    if (fs::is_directory(fileOrFolder)) {
        const fs::path last = fs::path(fileOrFolder) / "last.ckpt";
        if (!fs::is_regular_file(last))
            throw Error(ErrorCode::NotFound, "no last.ckpt in checkpoint folder " + quoted(fileOrFolder) +
                                                 " (train first: vaclip train --config ...)");
        return last.string();
    }
    if (!fs::is_regular_file(fileOrFolder))
        throw Error(ErrorCode::NotFound, "checkpoint " + quoted(fileOrFolder) + " does not exist");
    return fileOrFolder;
}

} // namespace vaclip::model

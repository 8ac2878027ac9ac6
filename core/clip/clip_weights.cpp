// Reading CLIP checkpoints (TorchScript, torch.save pickles, safetensors) into OpenAI-named
// tensors. See clip_weights.h; the Hugging Face renaming lives in clip_weights_hf.cpp.
#include "clip/clip_weights.h"

#include "common/error.h"
#include "io/safetensors.h"

#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/ir/ir.h>
#include <torch/script.h>
#include <torch/serialize.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace vaclip::clip {

namespace fs = std::filesystem;

namespace {

/// Keys OpenAI's TorchScript files carry that are not parameters (build_model() deletes them).
bool isOpenAIMetaKey(const std::string& name)
{
    return name == "input_resolution" || name == "context_length" || name == "vocab_size";
}

/// The head count a traced nn.MultiheadAttention used: its graph divides the embedding width by
/// the heads to get head_dim (`head_dim = torch.div(embed_dim, CONSTANTS.c0, ...)`). 0 = not found.
int tracedHeads(const torch::jit::Module& attn)
{
    if (!attn.find_method("forward"))
        return 0;
    const std::shared_ptr<torch::jit::Graph> graph = attn.get_method("forward").graph();
    for (const torch::jit::Node* node : graph->nodes()) {
        if (node->kind() != c10::Symbol::fromQualString("aten::div") || node->inputs().size() < 2 ||
            node->outputs().empty())
            continue;
        const std::string outName = node->output(0)->debugName();
        if (outName.rfind("head_dim", 0) != 0)
            continue;
        const c10::optional<c10::IValue> v = torch::jit::toIValue(node->input(1));
        if (!v)
            continue;
        if (v->isInt())
            return int(v->toInt());
        if (v->isTensor() && v->toTensor().numel() == 1)
            return int(v->toTensor().item<int64_t>());
    }
    return 0;
}

std::string stripPrefix(const std::string& name)
{
    std::string n = name;
    for (const char* prefix : {"module.", "_orig_mod."})
        while (n.rfind(prefix, 0) == 0)
            n = n.substr(std::string(prefix).size());
    return n;
}

void collectStateDict(const c10::IValue& value, std::map<std::string, torch::Tensor>& out,
                      const std::string& where, int depth)
{
    if (!value.isGenericDict())
        throw Error(ErrorCode::Format, where + "not a CLIP checkpoint: the pickle holds a " +
                                           value.tagKind() + ", not a state dict");
    const c10::Dict<c10::IValue, c10::IValue> dict = value.toGenericDict();
    // open_clip training checkpoints: {"epoch": .., "state_dict": {...}, "optimizer": ...}
    for (const char* inner : {"state_dict", "model", "state"}) {
        for (const auto& item : dict)
            if (item.key().isString() && item.key().toStringRef() == inner && depth == 0 &&
                item.value().isGenericDict()) {
                collectStateDict(item.value(), out, where, depth + 1);
                return;
            }
    }
    for (const auto& item : dict) {
        if (!item.key().isString() || !item.value().isTensor())
            continue;
        const std::string name = stripPrefix(item.key().toStringRef());
        if (!isOpenAIMetaKey(name))
            out[name] = item.value().toTensor();
    }
}

c10::ScalarType torchType(DType t, const std::string& where, const std::string& key)
{
    switch (t) {
    case DType::F16: return torch::kHalf;
    case DType::BF16: return torch::kBFloat16;
    case DType::F32: return torch::kFloat;
    case DType::F64: return torch::kDouble;
    default:
        throw Error(ErrorCode::Unsupported, where + "tensor " + key + " has dtype " + dtypeName(t) +
                                                ": CLIP weights must be float16, bfloat16 or float32");
    }
}

} // namespace

CheckpointTensors readTorchScriptCheckpoint(const std::string& path)
{
    torch::jit::Module m = torch::jit::load(path, torch::kCPU);
    CheckpointTensors ck;
    for (const auto& p : m.named_parameters(/*recurse=*/true))
        if (!isOpenAIMetaKey(p.name))
            ck.tensors[p.name] = p.value.detach();
    for (const auto& b : m.named_buffers(/*recurse=*/true))
        if (!isOpenAIMetaKey(b.name))
            ck.tensors[b.name] = b.value.detach();
    // Heads: read off the first attention module of each tower.
    for (const auto& sub : m.named_modules()) {
        const std::string& name = sub.name;
        const bool visual = name.rfind("visual.transformer.resblocks.", 0) == 0;
        const bool text = name.rfind("transformer.resblocks.", 0) == 0;
        if ((!visual && !text) || name.size() < 5 || name.compare(name.size() - 5, 5, ".attn") != 0)
            continue;
        int& slot = visual ? ck.hints.visionHeads : ck.hints.textHeads;
        if (slot == 0)
            slot = tracedHeads(sub.value);
    }
    return ck;
}

CheckpointTensors readPickleCheckpoint(const std::string& path)
{
    const std::string where = quoted(path) + ": ";
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, where + "cannot open");
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const c10::IValue value = torch::pickle_load(bytes);
    CheckpointTensors ck;
    collectStateDict(value, ck.tensors, where, 0);
    if (hasHuggingFaceNames(ck.tensors)) {
        ck.tensors = mapHuggingFaceNames(std::move(ck.tensors), path);
        const fs::path config = fs::path(path).parent_path() / "config.json";
        if (fs::exists(config))
            ck.hints = readHuggingFaceConfig(config.string());
    }
    return ck;
}

CheckpointTensors readSafetensorsCheckpoint(const std::string& path, const std::string& hfConfigPath)
{
    const std::string where = quoted(path) + ": ";
    auto file = std::make_shared<SafetensorsFile>(SafetensorsFile::open(path));
    CheckpointTensors ck;
    ck.keepAlive = file;
    for (const SafetensorsFile::Tensor& t : file->tensors()) {
        const c10::ScalarType type = torchType(t.dtype, where, t.name);
        const std::size_t elem = dtypeSize(t.dtype);
        torch::Tensor tensor;
        if (reinterpret_cast<std::uintptr_t>(t.data) % elem == 0) {
            // A read-only view into the mapping: only ever read (copied into the model).
            tensor = torch::from_blob(const_cast<uint8_t*>(t.data), t.shape,
                                      torch::TensorOptions().dtype(type));
        } else {
            tensor = torch::empty(t.shape, torch::TensorOptions().dtype(type));
            std::memcpy(tensor.data_ptr(), t.data, t.nbytes);
        }
        const std::string name = stripPrefix(t.name);
        if (!isOpenAIMetaKey(name))
            ck.tensors[name] = tensor;
    }
    if (hasHuggingFaceNames(ck.tensors)) {
        ck.tensors = mapHuggingFaceNames(std::move(ck.tensors), path);
        std::string config = hfConfigPath;
        if (config.empty() && fs::exists(fs::path(path).parent_path() / "config.json"))
            config = (fs::path(path).parent_path() / "config.json").string();
        if (!config.empty())
            ck.hints = readHuggingFaceConfig(config);
    } else {
        // Optional hints some converters write into __metadata__.
        const auto& meta = file->metadata();
        auto intHint = [&](const char* key) {
            const auto it = meta.find(key);
            return it == meta.end() ? 0 : std::atoi(it->second.c_str());
        };
        ck.hints.visionHeads = intHint("vision_heads");
        ck.hints.textHeads = intHint("text_heads");
        if (ck.hints.textHeads == 0)
            ck.hints.textHeads = intHint("transformer_heads");
    }
    return ck;
}

} // namespace vaclip::clip

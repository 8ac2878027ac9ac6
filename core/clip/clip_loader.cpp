// loadClip: format detection, shape checks, copying into a ClipModel, the backbone id.
#include "clip/clip_loader.h"

#include "clip/clip_weights.h"
#include "common/error.h"

#include <caffe2/serialize/inline_container.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

namespace vaclip::clip {

namespace fs = std::filesystem;

namespace {

/// For a Hugging Face folder (or a path inside one): the folder, else "".
fs::path huggingFaceFolder(const fs::path& p)
{
    const fs::path dir = fs::is_directory(p) ? p : p.parent_path();
    if (fs::is_directory(p) || p.filename() == "config.json" ||
        (p.filename() == "model.safetensors" && fs::exists(dir / "config.json")))
        return fs::exists(dir / "config.json") ? dir : fs::path();
    return {};
}

/// Mixes 64-bit words (a multiply-xorshift, like splitmix64's finaliser, chained).
struct Hasher {
    uint64_t h = 0x243F6A8885A308D3ull;
    void word(uint64_t w)
    {
        h ^= w + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    void bytes(const void* data, std::size_t n)
    {
        const auto* p = static_cast<const uint8_t*>(data);
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            std::memcpy(&w, p + i, 8);
            word(w);
        }
        uint64_t tail = n;
        for (; i < n; ++i)
            tail = (tail << 8) | p[i];
        word(tail);
    }
};

std::string contentHash(const ClipModel& model)
{
    std::map<std::string, torch::Tensor> sorted;
    for (const auto& p : model->named_parameters(true))
        sorted[p.key()] = p.value();
    Hasher h;
    for (const auto& [name, t] : sorted) {
        h.bytes(name.data(), name.size());
        for (int64_t d : t.sizes())
            h.word(uint64_t(d));
        const torch::Tensor c = t.contiguous();
        h.bytes(c.data_ptr(), std::size_t(c.numel()) * c.element_size());
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h.h));
    return hex;
}

ClipModel buildModel(const std::string& path, CheckpointTensors ck, const LoadOptions& options)
{
    const std::string where = quoted(path) + ": ";
    ShapeMap shapes;
    for (const auto& [name, t] : ck.tensors)
        shapes[name] = t.sizes().vec();
    ClipConfigHints hints = ck.hints;
    if (options.visionHeads > 0)
        hints.visionHeads = options.visionHeads;
    if (options.textHeads > 0)
        hints.textHeads = options.textHeads;
    const ClipConfig config = inferClipConfig(shapes, hints, path);

    ClipModel model(config);
    model->eval();
    torch::NoGradGuard noGrad;
    std::set<std::string> used;
    for (auto& p : model->named_parameters(true)) {
        const auto it = ck.tensors.find(p.key());
        const std::vector<int64_t> want = p.value().sizes().vec();
        if (it == ck.tensors.end())
            throw Error(ErrorCode::Format, where + "missing tensor " + p.key() + " (the model needs " +
                                               shapeString(want) + ")");
        const std::vector<int64_t> have = it->second.sizes().vec();
        if (have != want)
            throw Error(ErrorCode::Mismatch, where + "tensor " + p.key() + " has shape " +
                                                 shapeString(have) + " in the file, the model needs " +
                                                 shapeString(want));
        p.value().copy_(it->second);
        used.insert(p.key());
    }
    for (const auto& [name, t] : ck.tensors)
        if (!used.count(name))
            throw Error(ErrorCode::Format, where + "unexpected tensor " + name + " " +
                                               shapeString(t.sizes().vec()) +
                                               " (not part of a CLIP ViT with these dimensions)");
    for (auto& p : model->parameters())
        p.set_requires_grad(false);
    return model;
}

ClipModel load(const std::string& path, const LoadOptions& options)
{
    const ClipFormat format = detectClipFormat(path);
    CheckpointTensors ck;
    std::string source = path;
    switch (format) {
    case ClipFormat::TorchScript: ck = readTorchScriptCheckpoint(path); break;
    case ClipFormat::Pickle: ck = readPickleCheckpoint(path); break;
    case ClipFormat::Safetensors: ck = readSafetensorsCheckpoint(path); break;
    case ClipFormat::HuggingFace: {
        const fs::path dir = huggingFaceFolder(path);
        const fs::path weights = dir / "model.safetensors";
        if (fs::exists(weights)) {
            source = weights.string();
            ck = readSafetensorsCheckpoint(source, (dir / "config.json").string());
        } else if (fs::exists(dir / "pytorch_model.bin")) {
            source = (dir / "pytorch_model.bin").string();
            ck = readPickleCheckpoint(source);
        } else {
            throw Error(ErrorCode::NotFound, quoted(dir.string()) +
                                                 ": Hugging Face folder without model.safetensors");
        }
        break;
    }
    }
    ClipModel model = buildModel(source, std::move(ck), options);
    ClipIdentity id;
    id.format = toString(format);
    id.path = path;
    id.backboneId = model->config().architectureName() +
                    (options.computeId ? "-" + contentHash(model) : std::string());
    model->setIdentity(std::move(id));
    return model;
}

} // namespace

ClipFormat detectClipFormat(const std::string& path)
{
    const fs::path p(path);
    std::error_code ec;
    if (!fs::exists(p, ec))
        throw Error(ErrorCode::NotFound, "CLIP weights " + quoted(path) + " do not exist");
    if (!huggingFaceFolder(p).empty())
        return ClipFormat::HuggingFace;
    if (fs::is_directory(p))
        throw Error(ErrorCode::Format,
                    quoted(path) + ": a folder without config.json (expected a Hugging Face CLIP "
                                   "folder, or point at a .pt / .safetensors file)");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, quoted(path) + ": cannot open");
    unsigned char head[9] = {};
    in.read(reinterpret_cast<char*>(head), 9);
    const std::streamsize got = in.gcount();
    const uintmax_t size = fs::file_size(p, ec);
    if (got >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
        try {
            caffe2::serialize::PyTorchStreamReader reader(path);
            if (reader.hasRecord("constants.pkl") || reader.hasRecord("code/"))
                return ClipFormat::TorchScript;
            for (const std::string& r : reader.getAllRecords())
                if (r.rfind("code/", 0) == 0)
                    return ClipFormat::TorchScript;
            if (reader.hasRecord("data.pkl"))
                return ClipFormat::Pickle;
        } catch (const c10::Error&) {
        }
        throw Error(ErrorCode::Format, quoted(path) + ": a zip archive but not a PyTorch checkpoint");
    }
    if (got == 9) {
        uint64_t n = 0;
        for (int i = 7; i >= 0; --i)
            n = (n << 8) | head[i];
        if (head[8] == '{' && n >= 2 && n <= size - 8)
            return ClipFormat::Safetensors;
    }
    if (got >= 2 && head[0] == 0x80 && head[1] <= 5)
        throw Error(ErrorCode::Unsupported,
                    quoted(path) + ": a legacy (pre-zip) PyTorch pickle; re-save it with torch.save "
                                   "(PyTorch >= 1.6) or convert it to safetensors");
    throw Error(ErrorCode::Format, quoted(path) + ": not a CLIP checkpoint (expected an OpenAI "
                                                  "TorchScript .pt, a safetensors file or a "
                                                  "Hugging Face folder)");
}

ClipModel loadClip(const std::string& path, const LoadOptions& options)
{
    try {
        return load(path, options);
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Format, quoted(path) + ": cannot read the checkpoint: " +
                                           e.what_without_backtrace());
    }
}

} // namespace vaclip::clip

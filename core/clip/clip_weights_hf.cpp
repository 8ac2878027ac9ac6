// Hugging Face CLIPModel -> OpenAI CLIP names and config.json hints (see clip_weights.h).
#include "clip/clip_weights.h"

#include "common/error.h"

#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <regex>

namespace vaclip::clip {

bool hasHuggingFaceNames(const std::map<std::string, torch::Tensor>& tensors)
{
    return tensors.count("vision_model.embeddings.patch_embedding.weight") ||
           tensors.count("text_model.embeddings.token_embedding.weight");
}

namespace {

/// Renames inside one encoder layer: HF suffix -> OpenAI suffix (q/k/v handled separately).
const std::pair<const char*, const char*> kLayerNames[] = {
    {"layer_norm1.weight", "ln_1.weight"},
    {"layer_norm1.bias", "ln_1.bias"},
    {"layer_norm2.weight", "ln_2.weight"},
    {"layer_norm2.bias", "ln_2.bias"},
    {"mlp.fc1.weight", "mlp.c_fc.weight"},
    {"mlp.fc1.bias", "mlp.c_fc.bias"},
    {"mlp.fc2.weight", "mlp.c_proj.weight"},
    {"mlp.fc2.bias", "mlp.c_proj.bias"},
    {"self_attn.out_proj.weight", "attn.out_proj.weight"},
    {"self_attn.out_proj.bias", "attn.out_proj.bias"},
};

const std::pair<const char*, const char*> kTopNames[] = {
    {"vision_model.embeddings.class_embedding", "visual.class_embedding"},
    {"vision_model.embeddings.patch_embedding.weight", "visual.conv1.weight"},
    {"vision_model.embeddings.position_embedding.weight", "visual.positional_embedding"},
    {"vision_model.pre_layrnorm.weight", "visual.ln_pre.weight"},
    {"vision_model.pre_layrnorm.bias", "visual.ln_pre.bias"},
    {"vision_model.post_layernorm.weight", "visual.ln_post.weight"},
    {"vision_model.post_layernorm.bias", "visual.ln_post.bias"},
    {"text_model.embeddings.token_embedding.weight", "token_embedding.weight"},
    {"text_model.embeddings.position_embedding.weight", "positional_embedding"},
    {"text_model.final_layer_norm.weight", "ln_final.weight"},
    {"text_model.final_layer_norm.bias", "ln_final.bias"},
    {"logit_scale", "logit_scale"},
};

} // namespace

std::map<std::string, torch::Tensor> mapHuggingFaceNames(std::map<std::string, torch::Tensor> hf,
                                                         const std::string& source)
{
    std::map<std::string, torch::Tensor> out;
    static const std::regex layerRe(R"(^(vision_model|text_model)\.encoder\.layers\.(\d+)\.(.+)$)");
    // q/k/v pieces per (OpenAI prefix, weight|bias): index 0 = q, 1 = k, 2 = v.
    std::map<std::string, std::array<torch::Tensor, 3>> qkv;
    for (auto& [name, tensor] : hf) {
        if (name == "vision_model.embeddings.position_ids" || name == "text_model.embeddings.position_ids")
            continue;
        bool done = false;
        for (const auto& [from, to] : kTopNames)
            if (name == from) {
                out[to] = tensor;
                done = true;
            }
        if (done)
            continue;
        // visual_projection / text_projection are nn.Linear(W, D, bias=False): weight [D, W];
        // OpenAI keeps [W, D] and multiplies x @ proj.
        if (name == "visual_projection.weight") {
            out["visual.proj"] = tensor.t();
            continue;
        }
        if (name == "text_projection.weight") {
            out["text_projection"] = tensor.t();
            continue;
        }
        std::smatch m;
        if (std::regex_match(name, m, layerRe)) {
            const std::string prefix = std::string(m[1] == "vision_model" ? "visual.transformer"
                                                                           : "transformer") +
                                       ".resblocks." + m[2].str() + ".";
            const std::string rest = m[3];
            for (const auto& [from, to] : kLayerNames)
                if (rest == from) {
                    out[prefix + to] = tensor;
                    done = true;
                }
            static const std::regex qkvRe(R"(^self_attn\.(q|k|v)_proj\.(weight|bias)$)");
            std::smatch q;
            if (!done && std::regex_match(rest, q, qkvRe)) {
                const int slot = q[1] == "q" ? 0 : q[1] == "k" ? 1 : 2;
                qkv[prefix + "attn.in_proj_" + q[2].str()][std::size_t(slot)] = tensor;
                done = true;
            }
            if (done)
                continue;
        }
        out[name] = tensor;  // unknown: reported as unexpected by the loader
    }
    for (auto& [key, parts] : qkv) {
        for (int i = 0; i < 3; ++i)
            if (!parts[std::size_t(i)].defined())
                throw Error(ErrorCode::Format,
                            quoted(source) + ": Hugging Face checkpoint lacks the " +
                                std::string(1, "qkv"[i]) + "_proj part of " + key);
        if (parts[0].sizes() != parts[1].sizes() || parts[0].sizes() != parts[2].sizes())
            throw Error(ErrorCode::Mismatch,
                        quoted(source) + ": q/k/v projections of " + key + " differ in shape: " +
                            shapeString(parts[0].sizes().vec()) + ", " +
                            shapeString(parts[1].sizes().vec()) + ", " +
                            shapeString(parts[2].sizes().vec()));
        out[key] = torch::cat({parts[0], parts[1], parts[2]}, 0);
    }
    return out;
}

ClipConfigHints readHuggingFaceConfig(const std::string& configPath)
{
    const std::string where = quoted(configPath) + ": ";
    std::ifstream in(configPath);
    if (!in)
        throw Error(ErrorCode::Io, where + "cannot open");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::Format, where + "not valid JSON: " + e.what());
    }
    if (!j.is_object())
        throw Error(ErrorCode::Format, where + "not a Hugging Face config (not a JSON object)");
    if (j.contains("model_type") && j["model_type"].is_string() && j["model_type"] != "clip")
        throw Error(ErrorCode::Unsupported, where + "model_type is " + j["model_type"].dump() +
                                                ", not \"clip\"");
    ClipConfigHints h;
    double visionEps = 0, textEps = 0;
    auto tower = [&](const char* key, int& heads, double& eps) {
        if (!j.contains(key) || !j[key].is_object())
            return;
        const nlohmann::json& t = j[key];
        if (t.contains("num_attention_heads") && t["num_attention_heads"].is_number_integer())
            heads = t["num_attention_heads"].get<int>();
        if (t.contains("layer_norm_eps") && t["layer_norm_eps"].is_number())
            eps = t["layer_norm_eps"].get<double>();
        if (t.contains("hidden_act") && t["hidden_act"].is_string() && t["hidden_act"] != "quick_gelu")
            throw Error(ErrorCode::Unsupported,
                        where + key + ".hidden_act is " + t["hidden_act"].dump() +
                            ": only OpenAI's quick_gelu CLIP architecture is supported");
    };
    tower("vision_config", h.visionHeads, visionEps);
    tower("text_config", h.textHeads, textEps);
    if (visionEps > 0 && textEps > 0 && visionEps != textEps)
        throw Error(ErrorCode::Unsupported, where + "different layer_norm_eps in the vision (" +
                                                std::to_string(visionEps) + ") and text (" +
                                                std::to_string(textEps) + ") towers");
    h.layerNormEps = visionEps > 0 ? visionEps : textEps;
    return h;
}

} // namespace vaclip::clip

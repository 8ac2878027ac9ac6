// ctest-labels: unit clip
// ctest-link: vaclip_ml
// The C++ CLIP against OpenAI's clip/model.py: shared/reference/clip/tiny-a in all three weight
// formats (OpenAI-named fp16 safetensors, TorchScript .pt, Hugging Face folder) must reproduce the
// reference image features, every visual token (after ln_post and projected), text features,
// logits (1e-4) and token ids (exactly). Dimensions come from the loaded config and the .npy
// shapes, head counts for the safetensors file from manifest.json, never from this file.

#include "clip/clip_loader.h"
#include "common/error.h"
#include "io/npy.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <fstream>
#include <iostream>

using namespace vaclip;
using namespace vaclip::clip;

namespace {

std::string tinyDir() { return (test::sharedDir() / "reference" / "clip" / "tiny-a").string(); }
std::string tiny(const std::string& name) { return tinyDir() + "/" + name; }

torch::Tensor npyFloat(const std::string& path)
{
    const NpyArray a = readNpy(path);
    std::vector<float> v = a.toFloats();
    return torch::from_blob(v.data(), a.shape, torch::kFloat).clone();
}

torch::Tensor npyLong(const std::string& path)
{
    const NpyArray a = readNpy(path);
    std::vector<int64_t> v = a.toInt64();
    return torch::from_blob(v.data(), a.shape, torch::kLong).clone();
}

nlohmann::json manifest()
{
    std::ifstream in(tiny("manifest.json"));
    return nlohmann::json::parse(in);
}

/// The head counts the reference model was built with (safetensors files cannot say them).
LoadOptions manifestHeads()
{
    const nlohmann::json m = manifest();
    LoadOptions o;
    o.visionHeads = m.at("vision_heads").get<int>();
    o.textHeads = m.at("config").at("transformer_heads").get<int>();
    return o;
}

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b)
{
    EXPECT_EQ(a.sizes(), b.sizes());
    if (a.sizes() != b.sizes())
        return 1e9;
    return (a - b).abs().max().item<double>();
}

struct FormatCase {
    const char* name;
    std::string path;
    bool needsHeads;
    const char* format;
};

std::vector<FormatCase> formats()
{
    return {{"safetensors", tiny("openai_names.f16.safetensors"), true, "safetensors"},
            {"torchscript", tiny("openai_style.jit.pt"), false, "torchscript"},
            {"huggingface", tiny("hf"), false, "huggingface"}};
}

ClipModel loadCase(const FormatCase& c)
{
    return loadClip(c.path, c.needsHeads ? manifestHeads() : LoadOptions{});
}

} // namespace

TEST(ClipReference, EveryFormatMatchesOpenAI)
{
    const torch::Tensor images = npyFloat(tiny("images_normalized.npy"));
    const torch::Tensor ids = npyLong(tiny("text_token_ids.npy"));
    const torch::Tensor wantImage = npyFloat(tiny("image_features.npy"));
    const torch::Tensor wantText = npyFloat(tiny("text_features.npy"));
    const torch::Tensor wantLogits = npyFloat(tiny("logits_per_image.npy"));
    const torch::Tensor wantNormed = npyFloat(tiny("visual_tokens_ln_post.npy"));
    const torch::Tensor wantProjected = npyFloat(tiny("visual_tokens_projected.npy"));
    const nlohmann::json m = manifest();
    // Non-vacuous: the references are real vectors, and a model with other weights misses them.
    ASSERT_GT(wantImage.abs().max().item<double>(), 1e-2);
    ASSERT_GT(wantText.abs().max().item<double>(), 1e-2);
    {
        ClipModel random(loadClip(tiny("hf"))->config());
        c10::InferenceMode guard;
        EXPECT_GT(maxAbsDiff(random->encodeImage(images), wantImage), 1e-2);
    }

    std::set<std::string> ids64;
    for (const FormatCase& c : formats()) {
        SCOPED_TRACE(c.name);
        ClipModel clip = loadCase(c);
        const ClipConfig& cfg = clip->config();
        // The config read off the weights is the one the reference was built with.
        EXPECT_EQ(cfg.embedDim, m["config"]["embed_dim"].get<int>());
        EXPECT_EQ(cfg.imageResolution, m["config"]["image_resolution"].get<int>());
        EXPECT_EQ(cfg.visionWidth, m["config"]["vision_width"].get<int>());
        EXPECT_EQ(cfg.visionLayers, m["config"]["vision_layers"].get<int>());
        EXPECT_EQ(cfg.visionHeads, m["vision_heads"].get<int>());
        EXPECT_EQ(cfg.transformerHeads, m["config"]["transformer_heads"].get<int>());
        EXPECT_EQ(cfg.transformerLayers, m["config"]["transformer_layers"].get<int>());
        EXPECT_EQ(clip->identity().format, c.format);
        ids64.insert(clip->identity().backboneId);
        EXPECT_EQ(clip->identity().backboneId.rfind(cfg.architectureName() + "-", 0), 0u);

        c10::InferenceMode guard;
        const torch::Tensor img = clip->encodeImage(images);
        EXPECT_LT(maxAbsDiff(img, wantImage), 1e-4);
        const VisualTokens tok = clip->encodeImageTokens(images);
        ASSERT_EQ(tok.normed.size(), 1u);
        EXPECT_LT(maxAbsDiff(tok.normed[0], wantNormed), 1e-4);
        EXPECT_LT(maxAbsDiff(tok.projected[0], wantProjected), 1e-4);
        EXPECT_LT(maxAbsDiff(tok.embedding, wantImage), 1e-4);
        const torch::Tensor txt = clip->encodeText(ids);
        EXPECT_LT(maxAbsDiff(txt, wantText), 1e-4);
        EXPECT_LT(maxAbsDiff(clip->logitsPerImage(img, txt), wantLogits), 1e-4);
        std::cout << "[clip] " << c.name << ": max |diff| image " << maxAbsDiff(img, wantImage)
                  << ", tokens " << maxAbsDiff(tok.projected[0], wantProjected) << ", text "
                  << maxAbsDiff(txt, wantText) << ", logits "
                  << maxAbsDiff(clip->logitsPerImage(img, txt), wantLogits) << "\n";

        // The vocabulary found for this backbone gives the reference ids exactly.
        const Tokenizer tokenizer = loadTokenizerFor(c.path);
        const auto prompts = m["prompts"].get<std::vector<std::string>>();
        ASSERT_EQ(int64_t(prompts.size()), ids.size(0));
        for (std::size_t i = 0; i < prompts.size(); ++i) {
            const TokenizeResult r = tokenizer.tokenize(prompts[i], int(ids.size(1)));
            const torch::Tensor got = torch::tensor(r.ids, torch::kLong);
            EXPECT_TRUE(torch::equal(got, ids[int64_t(i)])) << prompts[i];
        }
    }
    // The same weights (fp16 file, fp32 file, TorchScript) give one backbone id.
    EXPECT_EQ(ids64.size(), 1u);
}

TEST(ClipReference, IntermediateLayersAndInterpolatedPositions)
{
    ClipModel clip = loadClip(tiny("hf"));
    const ClipConfig& cfg = clip->config();
    const torch::Tensor images = npyFloat(tiny("images_normalized.npy"));
    c10::InferenceMode guard;
    // Every layer can be asked for; the last one equals the default.
    std::vector<int> all;
    for (int i = 1; i <= cfg.visionLayers; ++i)
        all.push_back(i);
    const VisualTokens t = clip->encodeImageTokens(images, all);
    ASSERT_EQ(t.projected.size(), all.size());
    EXPECT_LT(maxAbsDiff(t.projected.back(), npyFloat(tiny("visual_tokens_projected.npy"))), 1e-4);
    if (all.size() > 1) {
        EXPECT_GT((t.projected[0] - t.projected.back()).abs().max().item<double>(), 1e-3);
    }
    EXPECT_THROW(clip->encodeImageTokens(images, {cfg.visionLayers + 1}), Error);

    // A larger input: the patch grid grows, positions are interpolated, the class position kept.
    const int size = cfg.imageResolution + 2 * cfg.visionPatchSize;
    const int64_t grid = size / cfg.visionPatchSize;
    const torch::Tensor big = torch::nn::functional::interpolate(
        images, torch::nn::functional::InterpolateFuncOptions()
                    .size(std::vector<int64_t>{size, size})
                    .mode(torch::kBilinear)
                    .align_corners(false));
    const VisualTokens tb = clip->encodeImageTokens(big);
    EXPECT_EQ(tb.projected[0].sizes(), (std::vector<int64_t>{images.size(0), 1 + grid * grid, cfg.embedDim}));
    EXPECT_TRUE(torch::isfinite(tb.embedding).all().item<bool>());
    const torch::Tensor pos = clip->visual->positionalEmbeddingFor(size);
    EXPECT_EQ(pos.size(0), 1 + grid * grid);
    EXPECT_TRUE(torch::equal(pos[0], clip->visual->positional_embedding[0]));
    // Bicubic resampling of a field keeps its mean roughly (a smooth resize, not garbage).
    const double before = clip->visual->positional_embedding.slice(0, 1).mean().item<double>();
    const double after = pos.slice(0, 1).mean().item<double>();
    EXPECT_NEAR(after, before, 0.05 * clip->visual->positional_embedding.abs().mean().item<double>() + 1e-3);
    // Same image, larger input: features stay close in direction to the native size's.
    const torch::Tensor a = torch::nn::functional::normalize(clip->encodeImage(images),
                                                              torch::nn::functional::NormalizeFuncOptions().dim(1));
    const torch::Tensor b = torch::nn::functional::normalize(tb.embedding,
                                                              torch::nn::functional::NormalizeFuncOptions().dim(1));
    EXPECT_TRUE(torch::isfinite((a * b).sum(1)).all().item<bool>());
    EXPECT_THROW(clip->encodeImage(torch::zeros({1, 3, size + 1, size + 1})), Error);
}

// Dense tokens for pixel maps (VisionTransformerImpl::denseTokens): the class token is the image
// embedding; a patch token is the last block's value path for that patch alone, so it ignores the
// last block's query / key weights (which change the ordinary tokens), and with a zero out_proj
// weight every patch token is the same vector (ln_post(out_proj bias) @ proj).
TEST(ClipReference, DenseTokensAreTheLastBlocksValuePath)
{
    ClipModel clip = loadClip(tiny("hf"));
    const ClipConfig& cfg = clip->config();
    const torch::Tensor images = npyFloat(tiny("images_normalized.npy"));
    c10::InferenceMode guard;
    const VisualTokens dense = clip->encodeImageDenseTokens(images);
    const int64_t grid = cfg.imageResolution / cfg.visionPatchSize;
    ASSERT_EQ(dense.projected.size(), 1u);
    EXPECT_EQ(dense.projected[0].sizes(), (std::vector<int64_t>{images.size(0), 1 + grid * grid, cfg.embedDim}));
    EXPECT_LT(maxAbsDiff(dense.embedding, npyFloat(tiny("image_features.npy"))), 1e-4);
    EXPECT_LT(maxAbsDiff(dense.projected[0].select(1, 0), dense.embedding), 1e-6);
    const torch::Tensor ordinary = clip->encodeImageTokens(images).projected.back();
    EXPECT_GT(maxAbsDiff(dense.projected[0].slice(1, 1), ordinary.slice(1, 1)), 1e-3);

    auto* last = clip->visual->transformer->resblocks[std::size_t(cfg.visionLayers - 1)]->as<ResidualAttentionBlockImpl>();
    const int64_t W = cfg.visionWidth;
    torch::NoGradGuard noGrad;
    last->attn->in_proj_weight.slice(0, 0, 2 * W).mul_(-3.0);  // queries and keys of the last block
    last->attn->in_proj_bias.slice(0, 0, 2 * W).add_(0.5);
    EXPECT_LT(maxAbsDiff(clip->encodeImageDenseTokens(images).projected[0].slice(1, 1), dense.projected[0].slice(1, 1)),
              1e-5);
    EXPECT_GT(maxAbsDiff(clip->encodeImageTokens(images).projected.back().slice(1, 1), ordinary.slice(1, 1)), 1e-3);

    last->attn->out_proj->weight.zero_();
    const torch::Tensor flat = clip->encodeImageDenseTokens(images).projected[0].slice(1, 1);
    EXPECT_LT(maxAbsDiff(flat, flat.select(1, 0).unsqueeze(1).expand_as(flat)), 1e-5);
}

TEST(ClipReference, TextFromEmbeddingsEqualsTextFromIds)
{
    ClipModel clip = loadClip(tiny("openai_style.jit.pt"));
    const torch::Tensor ids = npyLong(tiny("text_token_ids.npy"));
    c10::InferenceMode guard;
    const torch::Tensor a = clip->encodeText(ids);
    const torch::Tensor b = clip->encodeTextFromEmbeddings(clip->tokenEmbedding(ids), ids.argmax(-1));
    EXPECT_LT(maxAbsDiff(a, b), 1e-6);
    // A shorter context (the prompt learner trims padding) pools the same EOT tokens.
    const int64_t L = ids.argmax(-1).max().item<int64_t>() + 1;
    const torch::Tensor c = clip->encodeText(ids.slice(1, 0, L).contiguous());
    EXPECT_LT(maxAbsDiff(a, c), 1e-5);
}

TEST(ClipReference, DeepPromptsChangeTheOutputAndCarryGradients)
{
    ClipModel clip = loadClip(tiny("hf"));
    const ClipConfig& cfg = clip->config();
    const torch::Tensor ids = npyLong(tiny("text_token_ids.npy"));
    const torch::Tensor emb = clip->tokenEmbedding(ids).detach();
    const torch::Tensor eot = ids.argmax(-1);
    const torch::Tensor plain = clip->encodeTextFromEmbeddings(emb, eot).detach();

    torch::manual_seed(3);
    DeepTextPrompts deep;
    const int n = 2;  // learnable tokens after SOT, replaced before blocks 1..layers-1
    for (int i = 1; i < cfg.transformerLayers; ++i)
        deep.perLayer.push_back(torch::randn({n, cfg.transformerWidth}).requires_grad_(true));
    // Learnable shallow prompt spliced into the embeddings too.
    torch::Tensor shallow = torch::randn({n, cfg.transformerWidth}).requires_grad_(true);
    const torch::Tensor spliced = torch::cat(
        {emb.slice(1, 0, 1), shallow.unsqueeze(0).expand({emb.size(0), n, cfg.transformerWidth}),
         emb.slice(1, 1 + n)}, 1);
    const torch::Tensor out = clip->encodeTextFromEmbeddings(spliced, eot, &deep);
    EXPECT_GT((out - plain).abs().max().item<double>(), 1e-3);
    out.pow(2).sum().backward();
    ASSERT_TRUE(shallow.grad().defined());
    EXPECT_GT(shallow.grad().abs().sum().item<double>(), 0);
    for (const torch::Tensor& p : deep.perLayer) {
        ASSERT_TRUE(p.grad().defined());
        EXPECT_GT(p.grad().abs().sum().item<double>(), 0);
    }
    // The frozen backbone gets no gradient.
    for (const auto& p : clip->parameters())
        EXPECT_FALSE(p.grad().defined());

    // Only the deep prompts, with the original embeddings: still a change.
    const torch::Tensor deepOnly = clip->encodeTextFromEmbeddings(emb, eot, &deep);
    if (cfg.transformerLayers > 1) {
        EXPECT_GT((deepOnly - plain).abs().max().item<double>(), 1e-3);
    }
    // A prompt that does not fit is an error.
    DeepTextPrompts bad;
    bad.perLayer.push_back(torch::zeros({n, cfg.transformerWidth + 1}));
    if (cfg.transformerLayers > 1) {
        EXPECT_THROW(clip->encodeTextFromEmbeddings(emb, eot, &bad), Error);
    }
}

TEST(ClipReference, TiledInferencePathEqualsTheAutogradPath)
{
    // Without autograd the blocks run tiled (clip_layers.h); with it, OpenAI's plain sequence.
    // Sizes chosen so the attention and the MLP both take several tiles, the last one partial.
    ClipConfig c = loadClip(tiny("hf"))->config();
    c.imageResolution = 224;
    c.visionPatchSize = 8;        // 785 tokens: ~3 images per attention tile
    c.visionMlpWidth = 4096;      // 512 token rows per MLP tile
    torch::manual_seed(5);
    ClipModel m(c);
    {
        torch::NoGradGuard g;
        for (auto& p : m->parameters())
            p.normal_(0, 0.05).requires_grad_(false);
    }
    const torch::Tensor images = torch::randn({7, 3, c.imageResolution, c.imageResolution});
    const torch::Tensor ids = npyLong(tiny("text_token_ids.npy"));
    ASSERT_TRUE(torch::GradMode::is_enabled());
    const VisualTokens plain = m->encodeImageTokens(images);  // grad mode: plain path
    const torch::Tensor plainText = m->encodeText(ids);
    c10::InferenceMode guard;
    const VisualTokens tiled = m->encodeImageTokens(images);
    const double scale = plain.projected[0].abs().max().item<double>();
    EXPECT_LT(maxAbsDiff(tiled.projected[0], plain.projected[0]), 1e-5 * std::max(1.0, scale));
    EXPECT_LT(maxAbsDiff(tiled.embedding, plain.embedding), 1e-5 * std::max(1.0, scale));
    EXPECT_LT(maxAbsDiff(m->encodeText(ids), plainText), 1e-5);
}

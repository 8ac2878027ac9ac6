// ctest-labels: unit clip
// ctest-link: vaclip_ml
// Weight loading on bad input: truncated safetensors, a misshaped / missing / extra tensor, files
// that are not CLIP at all, Hugging Face folders with a broken config; plus format detection and
// finding the tokenizer next to the weights. Built from the reference tiny-a files.

#include "clip/clip_loader.h"
#include "common/error.h"
#include "io/safetensors.h"
#include "test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>

using namespace vaclip;
using namespace vaclip::clip;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

namespace {

std::string tiny(const std::string& name)
{
    return (test::sharedDir() / "reference" / "clip" / "tiny-a" / name).string();
}

std::vector<SafetensorsEntry> referenceEntries()
{
    const SafetensorsFile f = SafetensorsFile::open(tiny("openai_names.f16.safetensors"));
    std::vector<SafetensorsEntry> out;
    for (const auto& t : f.tensors())
        out.push_back({t.name, t.dtype, t.shape, std::vector<uint8_t>(t.data, t.data + t.nbytes)});
    return out;
}

/// Loading `path` throws vaclip::Error with `code` whose message contains every `parts`.
void expectLoadError(const std::string& path, ErrorCode code, const std::vector<std::string>& parts,
                     const LoadOptions& o = {2, 2, true})
{
    try {
        loadClip(path, o);
        ADD_FAILURE() << "loaded " << path;
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), code) << e.what();
        for (const std::string& p : parts)
            EXPECT_THAT(e.what(), HasSubstr(p));
    }
}

LoadOptions headsFromRef()
{
    // the reference safetensors file cannot say its heads; take them from the HF config
    const ClipModel hf = loadClip(tiny("hf"), {0, 0, false});
    return {hf->config().visionHeads, hf->config().transformerHeads, true};
}

} // namespace

TEST(ClipLoader, DetectsFormats)
{
    EXPECT_EQ(detectClipFormat(tiny("openai_style.jit.pt")), ClipFormat::TorchScript);
    EXPECT_EQ(detectClipFormat(tiny("openai_names.f16.safetensors")), ClipFormat::Safetensors);
    EXPECT_EQ(detectClipFormat(tiny("hf")), ClipFormat::HuggingFace);
    EXPECT_EQ(detectClipFormat(tiny("hf/model.safetensors")), ClipFormat::HuggingFace);
    EXPECT_EQ(detectClipFormat(tiny("hf/config.json")), ClipFormat::HuggingFace);
}

TEST(ClipLoader, TruncatedSafetensors)
{
    test::TempDir dir;
    std::ifstream in(tiny("openai_names.f16.safetensors"), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    test::writeText(dir.file("cut.safetensors"), bytes.substr(0, bytes.size() / 2));
    expectLoadError(dir.file("cut.safetensors"), ErrorCode::Format, {"cut.safetensors"});
    // header cut as well
    test::writeText(dir.file("head.safetensors"), bytes.substr(0, 40));
    EXPECT_THROW(loadClip(dir.file("head.safetensors")), Error);
}

TEST(ClipLoader, MisshapedTensorNamesKeyAndBothShapes)
{
    test::TempDir dir;
    std::vector<SafetensorsEntry> e = referenceEntries();
    const LoadOptions heads = headsFromRef();
    std::string key;
    std::vector<int64_t> good;
    for (auto& t : e)
        if (t.name == "visual.transformer.resblocks.0.ln_1.bias") {
            key = t.name;
            good = t.shape;
            t.shape = {good[0] - 1};
            t.data.resize(t.data.size() - dtypeSize(t.dtype));
        }
    ASSERT_FALSE(key.empty());
    writeSafetensors(dir.file("shape.safetensors"), e);
    expectLoadError(dir.file("shape.safetensors"), ErrorCode::Mismatch,
                    {key, shapeString({good[0] - 1}), shapeString(good), "shape.safetensors"}, heads);
}

TEST(ClipLoader, MissingAndExtraTensors)
{
    test::TempDir dir;
    const LoadOptions heads = headsFromRef();
    std::vector<SafetensorsEntry> e = referenceEntries();
    std::vector<int64_t> shape;
    for (auto it = e.begin(); it != e.end(); ++it)
        if (it->name == "transformer.resblocks.1.mlp.c_proj.bias") {
            shape = it->shape;
            e.erase(it);
            break;
        }
    ASSERT_FALSE(shape.empty());
    writeSafetensors(dir.file("missing.safetensors"), e);
    expectLoadError(dir.file("missing.safetensors"), ErrorCode::Format,
                    {"missing tensor transformer.resblocks.1.mlp.c_proj.bias", shapeString(shape)}, heads);

    std::vector<SafetensorsEntry> extra = referenceEntries();
    extra.push_back({"visual.attnpool.extra", DType::F32, {3}, std::vector<uint8_t>(12, 0)});
    writeSafetensors(dir.file("extra.safetensors"), extra);
    expectLoadError(dir.file("extra.safetensors"), ErrorCode::Format,
                    {"unexpected tensor visual.attnpool.extra [3]"}, heads);

    // Without the head counts a width below 64 cannot be split into heads: the error says so.
    const LoadOptions none{0, 0, true};
    EXPECT_THROW(loadClip(tiny("openai_names.f16.safetensors"), none), Error);
}

TEST(ClipLoader, NotClipFiles)
{
    test::TempDir dir;
    test::writeText(dir.file("notes.pt"), "just some text, not a checkpoint\n");
    expectLoadError(dir.file("notes.pt"), ErrorCode::Format, {"not a CLIP checkpoint", "notes.pt"});
    // A valid safetensors file with other tensors.
    writeSafetensors(dir.file("other.safetensors"),
                     {{"encoder.weight", DType::F32, {2, 2}, std::vector<uint8_t>(16, 0)}});
    expectLoadError(dir.file("other.safetensors"), ErrorCode::Format,
                    {"not a CLIP ViT checkpoint", "visual.conv1.weight"});
    // A zip that is not a PyTorch archive.
    std::string zip("PK\x03\x04", 4);
    zip += std::string(60, '\0');
    test::writeText(dir.file("x.pt"), zip);
    EXPECT_THROW(loadClip(dir.file("x.pt")), Error);
    // Folders: without config.json, and a Hugging Face folder whose config is broken.
    fs::create_directories(dir.path() / "empty");
    expectLoadError(dir.file("empty"), ErrorCode::Format, {"config.json"});
    fs::create_directories(dir.path() / "hf");
    fs::copy_file(tiny("hf/model.safetensors"), dir.path() / "hf" / "model.safetensors");
    test::writeText(dir.file("hf/config.json"), "{\"vision_config\": {\"hidden_act\": \"gelu\"}}");
    expectLoadError(dir.file("hf"), ErrorCode::Unsupported, {"quick_gelu"});
    test::writeText(dir.file("hf/config.json"), "{ not json");
    expectLoadError(dir.file("hf"), ErrorCode::Format, {"config.json"});
    EXPECT_THROW(loadClip(dir.file("does-not-exist.pt")), Error);
}

TEST(ClipLoader, TokenizerNextToTheWeights)
{
    EXPECT_EQ(fs::path(findTokenizerVocabulary(tiny("hf"))), fs::path(tiny("hf")));
    // tiny-a/x.safetensors -> the .gz one folder up
    EXPECT_EQ(fs::path(findTokenizerVocabulary(tiny("openai_style.jit.pt"))).filename(),
              "bpe_simple_vocab_16e6.txt.gz");
    test::TempDir dir;
    test::writeText(dir.file("w.pt"), "x");
    EXPECT_THROW(findTokenizerVocabulary(dir.file("w.pt")), Error);
    EXPECT_EQ(findTokenizerVocabulary(dir.file("w.pt"), tiny("hf/vocab.json")), tiny("hf/vocab.json"));
}

TEST(ClipConfigTest, StandardArchitecturesRoundTripThroughTheirNames)
{
    using vaclip::clip::standardClipConfig;
    for (const char* name : {"ViT-B-32", "ViT-B-16", "ViT-L-14", "ViT-L-14-336"}) {
        const vaclip::clip::ClipConfig c = standardClipConfig(name);
        EXPECT_EQ(c.architectureName(), name);
        // The shapes these dimensions imply infer back to the same config (build_model's rules).
        vaclip::clip::ShapeMap shapes;
        for (const auto& [key, shape] : vaclip::clip::expectedClipShapes(c))
            shapes[key] = shape;
        EXPECT_EQ(vaclip::clip::inferClipConfig(shapes, {}, name), c) << name;
    }
    EXPECT_EQ(standardClipConfig("ViT-B-32").visionGrid(), 7);
    EXPECT_EQ(standardClipConfig("ViT-L-14-336").visionGrid(), 24);
    try {
        standardClipConfig("ViT-H-14");
        FAIL() << "an unknown architecture must throw";
    } catch (const vaclip::Error& e) {
        EXPECT_THAT(e.what(), ::testing::HasSubstr("ViT-H-14"));
        EXPECT_THAT(e.what(), ::testing::HasSubstr("ViT-B-32"));
    }
}

// ctest-labels: demo
// ctest-link: vaclip_ml
// `vaclip demo` as a library call (core/demo): the whole pipeline on a reduced demo world into a
// temporary workspace — render, extract, train on campus, test on walkway, evaluate — and, with
// the shipped demo backbone, the evidence: zero-shot semantic detection on walkway.
#include "common/error.h"
#include "demo/demo.h"
#include "io/npy.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace vaclip;
using vaclip::test::TempDir;
namespace fs = std::filesystem;

namespace {

/// A few short videos: every walkway category at least once (8 test videos: 3 normal + 5 anomalous).
demo::DemoOptions reducedOptions(const std::string& root, const std::string& backbone)
{
    demo::DemoOptions o;
    o.root = root;
    o.backbone = backbone;
    o.configDir = (test::sourceDir() / "configs").string();
    o.campusVideos = 6;
    o.walkwayVideos = 8;
    o.frames = 40;
    o.epochs = 2;
    o.threads = 2;
    return o;
}

std::string tinyRandomClip() { return (test::sharedDir() / "reference" / "clip" / "tiny-a" / "hf").string(); }

int64_t testFrames(const std::string& metaPath)
{
    std::ifstream in(metaPath);
    const nlohmann::json meta = nlohmann::json::parse(in);
    int64_t frames = 0;
    for (const auto& [category, videos] : meta["test"].items())
        for (const auto& v : videos)
            frames += v["frame_count"].get<int64_t>();
    return frames;
}

} // namespace

TEST(DemoLayout, PathsAndDefaults)
{
    const demo::DemoLayout l = demo::demoLayout("/tmp/ws");
    EXPECT_EQ(l.campus, "/tmp/ws/campus");
    EXPECT_EQ(l.walkwayConfig, "/tmp/ws/configs/walkway_test.yaml");
    EXPECT_EQ(l.checkpoints, "/tmp/ws/runs/campus/checkpoints");
    EXPECT_EQ(l.results("calibrated_max"), "/tmp/ws/runs/walkway/calibrated_max");
    EXPECT_EQ(l.summary, "/tmp/ws/demo.json");

    const char* old = std::getenv("VACLIP_DEMO_DIR");
    const std::string saved = old ? old : "";
    setenv("VACLIP_DEMO_DIR", "/somewhere/demo", 1);
    EXPECT_EQ(demo::defaultDemoRoot(), "/somewhere/demo");
    unsetenv("VACLIP_DEMO_DIR");
    setenv("XDG_DATA_HOME", "/xdg", 1);
    EXPECT_EQ(demo::defaultDemoRoot(), "/xdg/vaclip/demo");
    unsetenv("XDG_DATA_HOME");
    if (!saved.empty())
        setenv("VACLIP_DEMO_DIR", saved.c_str(), 1);
    EXPECT_TRUE(fs::exists(fs::path(demo::defaultDemoConfigDir()) / "demo_walkway_test.yaml"));
}

TEST(DemoLayout, BackboneFolderResolution)
{
    TempDir dir;
    EXPECT_THROW(demo::resolveBackbone(dir.file("missing")), Error);
    EXPECT_THROW(demo::resolveBackbone(dir.path().string()), Error);  // no weights inside
    test::writeText(dir.file("w.safetensors"), "x");
    EXPECT_EQ(demo::resolveBackbone(dir.path().string()), dir.file("w.safetensors"));
    test::writeText(dir.file("checkpoint.safetensors"), "x");  // a pretraining checkpoint is no model
    EXPECT_EQ(demo::resolveBackbone(dir.path().string()), dir.file("w.safetensors"));
    test::writeText(dir.file("v.safetensors"), "x");
    EXPECT_THROW(demo::resolveBackbone(dir.path().string()), Error);  // which one?
    test::writeText(dir.file("demo_backbone.safetensors"), "x");
    EXPECT_EQ(demo::resolveBackbone(dir.path().string()), dir.file("demo_backbone.safetensors"));
    EXPECT_EQ(demo::resolveBackbone(tinyRandomClip()), tinyRandomClip());  // a Hugging Face folder as is
}

// The pipeline with the tiny random-weight reference CLIP: every stage runs and writes its files;
// a second run reuses worlds, features and checkpoint and reproduces the numbers; Stop cancels.
TEST(Demo, ReducedWorldRunsEndToEndAndReuses)
{
    TempDir ws;
    demo::DemoOptions o = reducedOptions(ws.file("demo"), tinyRandomClip());
    std::vector<demo::DemoStage> stages;
    double lastFraction = 0;
    const demo::DemoResult r = demo::runDemo(o, [&](const demo::DemoProgress& p) {
        if (stages.empty() || stages.back() != p.stage)
            stages.push_back(p.stage);
        EXPECT_GE(p.fraction, 0.0);
        EXPECT_LE(p.fraction, 1.0);
        lastFraction = p.fraction;
        return true;
    });
    EXPECT_EQ(stages.size(), 5u);
    EXPECT_EQ(lastFraction, 1.0);
    const demo::DemoLayout& l = r.layout;
    ASSERT_TRUE(fs::exists(l.summary));
    ASSERT_TRUE(fs::exists(fs::path(l.checkpoints) / "last.ckpt"));
    EXPECT_TRUE(fs::exists(l.campusConfig));
    const int64_t frames = testFrames(fs::path(l.walkway) / "meta.json");
    for (const char* mode : {"max_cosine", "calibrated_max", "zero_shot", "unrelated"}) {
        SCOPED_TRACE(mode);
        const demo::ModeMetrics* m = r.mode(mode);
        ASSERT_NE(m, nullptr);
        const NpyArray scores = readNpy(fs::path(l.results(mode)) / "frame_scores.npy");
        ASSERT_EQ(scores.shape.size(), 1u);
        EXPECT_EQ(scores.shape[0], frames);
        EXPECT_TRUE(fs::exists(fs::path(l.results(mode)) / "evaluation" / "metrics.json"));
        EXPECT_TRUE(fs::exists(fs::path(l.results(mode)) / "scores.json"));
        EXPECT_GE(m->frameAuc, 0.0);
        EXPECT_LE(m->frameAuc, 1.0);
        EXPECT_EQ(m->perCategory.size(), 4u);  // bicycle, skateboard, cart, wheelchair
    }
    EXPECT_EQ(r.mode("calibrated_max")->calibration, "normal_reference");
    EXPECT_EQ(r.specificity.size(), 4u);  // each walkway prompt names its category
    EXPECT_GE(r.pixelAuroc, 0.0);
    EXPECT_LE(r.pixelAuroc, 1.0);
    EXPECT_GE(r.pixelAupro, 0.0);

    // Second run: everything reused, same numbers.
    const demo::DemoResult again = demo::runDemo(o);
    bool reusedWorlds = false, reusedCheckpoint = false;
    for (const auto& n : again.notes) {
        reusedWorlds |= n == "campus world reused, walkway world reused";
        reusedCheckpoint |= n == "campus checkpoint reused";
    }
    EXPECT_TRUE(reusedWorlds);
    EXPECT_TRUE(reusedCheckpoint);
    EXPECT_DOUBLE_EQ(again.mode("calibrated_max")->frameAuc, r.mode("calibrated_max")->frameAuc);
    EXPECT_DOUBLE_EQ(again.pixelAupro, r.pixelAupro);

    // Stop from the progress callback: a Cancelled error, not a half-written summary.
    fs::remove(l.summary);
    o.force = true;
    try {
        demo::runDemo(o, [](const demo::DemoProgress& p) { return p.stage == demo::DemoStage::Synth; });
        FAIL() << "runDemo did not stop";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Cancelled) << e.what();
    }
    EXPECT_FALSE(fs::exists(l.summary));
}

TEST(Demo, FolderInTheWayIsAnError)
{
    TempDir ws;
    fs::create_directories(ws.path() / "demo" / "campus");
    test::writeText(ws.file("demo/campus/precious.txt"), "not a demo world");
    demo::DemoOptions o = reducedOptions(ws.file("demo"), tinyRandomClip());
    EXPECT_THROW(demo::runDemo(o), Error);
    EXPECT_TRUE(fs::exists(ws.file("demo/campus/precious.txt")));
}

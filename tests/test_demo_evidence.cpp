// ctest-labels: demo slow
// ctest-link: vaclip_ml
// The demo world issue's evidence, measured by the real `vaclip demo --quick` (the program, not
// a library call) with the shipped backbone (resources/demo_backbone) in a temporary workspace:
// 12 campus + 12 walkway videos of 64 frames rendered from the default seeds, features extracted,
// the campus training (3 epochs), the zero-shot test on walkway. Then `vaclip test` on the same
// workspace with a prompt the vocabulary cannot read. About 30 s on an idle 2-core machine.
//
// Thresholds come from measured runs of exactly this world (rendering and the zero-shot scores are
// deterministic; the campus training may drift a little; every number is printed). With the
// stage-2 (hard-negative) backbone:
//   frame AUC calibrated_max 0.795, zero_shot 0.801, unrelated prompts 0.212;
//   per category (calibrated_max) bicycle 0.871, skateboard 0.663, cart 0.849, wheelchair 0.730;
//   each prompt, own category vs normal videos' frames 0.931 / 0.675 / 0.890 / 0.786, vs the other
//   categories 0.781 / 0.795 / 0.828 / 0.810 (same order);
//   pixel AUROC 0.808, AUPRO(0.3) 0.420.
// With the stage-1 backbone before it: 0.820 / 0.829 / 0.187; 0.881 / 0.615 / 0.901 / 0.875;
// 0.901 / 0.656 / 0.901 / 0.812 and 0.560 / 0.870 / 0.795 / 0.722; pixel 0.845 / 0.538.
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using namespace vaclip;
using vaclip::test::TempDir;
namespace fs = std::filesystem;

namespace {

nlohmann::json readJson(const fs::path& path)
{
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

const nlohmann::json* modeNamed(const nlohmann::json& summary, const std::string& name)
{
    for (const auto& m : summary["modes"])
        if (m["name"] == name)
            return &m;
    return nullptr;
}

std::string backboneDir() { return (test::sourceDir() / "resources" / "demo_backbone").string(); }

} // namespace

class DemoEvidence : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_ws = std::make_unique<TempDir>();
        const std::string cmd = test::shellQuote(test::cliExecutable()) + " demo --quick --threads 1 --dir " +
                                test::shellQuote(s_ws->file("demo")) + " --backbone " +
                                test::shellQuote(backboneDir()) + " 2>&1";
        s_run = test::runCommand(cmd);
        std::printf("%s\n", s_run.output.c_str());
    }
    static void TearDownTestSuite() { s_ws.reset(); }
    static fs::path root() { return s_ws->path() / "demo"; }

    static inline std::unique_ptr<TempDir> s_ws;
    static inline test::CommandResult s_run;
};

TEST_F(DemoEvidence, ZeroShotSemanticDetectionOnWalkway)
{
    ASSERT_EQ(s_run.exitCode, 0) << s_run.output;
    const nlohmann::json summary = readJson(root() / "demo.json");
    const nlohmann::json* cal = modeNamed(summary, "calibrated_max");
    const nlohmann::json* zero = modeNamed(summary, "zero_shot");
    const nlohmann::json* unrelated = modeNamed(summary, "unrelated");
    ASSERT_TRUE(cal && zero && unrelated);
    const double right = (*cal)["frame_auc"], rightZero = (*zero)["frame_auc"], wrong = (*unrelated)["frame_auc"];
    std::printf("frame AUC: calibrated_max %.3f, zero_shot %.3f, unrelated prompts %.3f\n", right, rightZero, wrong);
    // Measured 0.795 / 0.801 / 0.212 on this world (the full 24-video demo: 0.890 / 0.887 / 0.145).
    // 0.75 leaves room for float drift yet fails when a prompt or the scoring breaks (one prompt
    // missing costs about 0.05-0.1; chance is 0.5).
    EXPECT_GE(right, 0.75);
    EXPECT_GE(rightZero, 0.75);
    EXPECT_GT(right - wrong, 0.4);  // measured 0.58

    // Every walkway category is found: that category's frames vs the normal videos' frames.
    ASSERT_EQ((*cal)["per_category_auc"].size(), 4u);
    for (const auto& [category, auc] : (*cal)["per_category_auc"].items()) {
        std::printf("calibrated_max per category %-11s %.3f\n", category.c_str(), auc.get<double>());
        EXPECT_GT(auc.get<double>(), 0.55) << category;  // measured >= 0.663 (skateboard)
    }

    // Each single prompt ranks its own category's anomalous frames above the normal videos' frames
    // AND above the other three categories' anomalous frames (the per-category AUC).
    // Measured vs others 0.781 / 0.795 / 0.828 / 0.810 (bicycle, skateboard, cart, wheelchair): 0.68
    // leaves room for drift and fails for the stage-1 backbone, whose bicycle prompt did not tell
    // bicycles from wheelchairs (0.56 here, 0.485 in the full demo).
    const auto& spec = summary["prompt_specificity"];
    ASSERT_EQ(spec.size(), 4u);
    double meanVsOthers = 0;
    for (const auto& s : spec) {
        const double vsNormal = s["auc_vs_normal_frames"], vsOthers = s["auc_vs_other_categories"];
        std::printf("prompt %-28s own vs normal %.3f, own vs other categories %.3f\n",
                    ("'" + s["prompt"].get<std::string>() + "'").c_str(), vsNormal, vsOthers);
        EXPECT_GT(vsNormal, 0.62) << s["prompt"];   // measured >= 0.675 (skateboard)
        EXPECT_GT(vsOthers, 0.68) << s["prompt"];   // measured >= 0.781 (bicycle)
        meanVsOthers += vsOthers / 4.0;
    }
    EXPECT_GT(meanVsOthers, 0.72);  // measured 0.804 (stage 1: 0.737)

    // Pixel level from the patch maps: reported; asserted above chance (the maps were below chance,
    // 0.13, before the dense patch tokens). The stage-2 backbone lowered them (0.845 / 0.538 with
    // stage 1): see resources/demo_backbone/README.md.
    const double auroc = summary["pixel"]["auroc"], aupro = summary["pixel"]["aupro"];
    std::printf("pixel AUROC %.3f, AUPRO(0.3) %.3f\n", auroc, aupro);
    EXPECT_GT(auroc, 0.7);
    EXPECT_GT(aupro, 0.2);
}

TEST_F(DemoEvidence, UnknownPromptWordsAreReported)
{
    ASSERT_EQ(s_run.exitCode, 0) << s_run.output;
    // The demo's generic abnormal prompts use words outside the backbone's caption vocabulary.
    EXPECT_NE(s_run.output.find("vaclip: warning: prompt 'an abnormal event': unknown words: abnormal, event"),
              std::string::npos);
    EXPECT_NE(s_run.output.find("vaclip: warning: prompt 'a dog': unknown words: dog"), std::string::npos);
    EXPECT_EQ(s_run.output.find("prompt 'a person riding a bicycle': unknown"), std::string::npos);
    const nlohmann::json summary = readJson(root() / "demo.json");
    EXPECT_GE(summary["prompt_warnings"].size(), 2u);

    // vaclip test on the demo workspace: one stderr line per prompt with unknown words, naming them.
    const std::string out = (s_ws->path() / "test_out").string();
    const test::CommandResult r = test::runCommand(
        "{ " + test::shellQuote(test::cliExecutable()) + " test --config " +
        test::shellQuote((root() / "configs" / "walkway_test.yaml").string()) + " --out " + test::shellQuote(out) +
        " --prompt 'a person riding a bicycle' --prompt 'a zebra crossing the walkway' > " +
        test::shellQuote((s_ws->path() / "test_stdout.txt").string()) + "; }");  // r.output: stderr only
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("vaclip: warning: prompt 'a zebra crossing the walkway': unknown words: zebra, crossing, the"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.find("'a person riding a bicycle'"), std::string::npos) << r.output;
    // The prompt is still scored (the known words carry it), and the results are complete.
    const nlohmann::json scores = readJson(fs::path(out) / "scores.json");
    EXPECT_EQ(scores["prompts"].size(), 2u);
    EXPECT_TRUE(fs::exists(fs::path(out) / "evaluation" / "metrics.json"));
    EXPECT_TRUE(fs::exists(fs::path(out) / "pixel_maps"));
}

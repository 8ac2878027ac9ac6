// ctest-labels: unit eval cli
// The real `vaclip evaluate` binary on data made by tests/reference/evaluate_cli_data.py, whose
// answers come from scikit-learn / SciPy: metrics.json must reproduce them (1e-9), the plots
// must be valid PNGs of the expected size, and bad inputs must exit 1 naming the file or video.
#include "io/image.h"
#include "io/npy.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <limits>

using namespace vaclip;
using vaclip::test::TempDir;
namespace fs = std::filesystem;

namespace {

class EvaluateCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        const std::string python = vaclip::test::pythonWithNumpy();
        ASSERT_FALSE(python.empty()) << "python3 not found at configure time (install python3-sklearn)";
        const std::string script = (vaclip::test::sourceDir() / "tests/reference/evaluate_cli_data.py").string();
        const auto r = vaclip::test::runCommand(vaclip::test::shellQuote(python) + " " + vaclip::test::shellQuote(script)
                                                + " " + vaclip::test::shellQuote(dir.path().string()));
        ASSERT_EQ(r.exitCode, 0) << r.output;
        ref = nlohmann::json::parse(vaclip::test::readText(dir.file("reference.json")));
    }

    vaclip::test::CommandResult evaluate(const std::string& args)
    {
        return vaclip::test::runCommand("cd " + vaclip::test::shellQuote(dir.path().string()) + " && "
                                        + vaclip::test::shellQuote(vaclip::test::cliExecutable()) + " evaluate " + args);
    }

    nlohmann::json metrics(const std::string& outDir)
    {
        return nlohmann::json::parse(vaclip::test::readText(dir.file(outDir + "/metrics.json")));
    }

    double value(const nlohmann::json& j) { return j.at("value").get<double>(); }

    TempDir dir;
    nlohmann::json ref;
};

} // namespace

TEST_F(EvaluateCli, ReproducesScikitLearnWithPlots)
{
    const auto r = evaluate("--gt_path meta.json --pred_path pred --pixel_maps maps --output_dir out "
                            "--plot_curves --bootstrap_samples 200 --bootstrap_seed 7");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("frame, micro"), std::string::npos) << r.output;
    const nlohmann::json m = metrics("out");
    EXPECT_NEAR(value(m["frame_micro"]["auc"]), ref["micro_auc"].get<double>(), 1e-9);
    EXPECT_NEAR(value(m["frame_micro"]["ap"]), ref["micro_ap"].get<double>(), 1e-9);
    EXPECT_NEAR(value(m["frame_micro"]["ap_trapezoid"]), ref["micro_ap_trapezoid"].get<double>(), 1e-9);
    EXPECT_NEAR(value(m["frame_macro"]["auc"]), ref["macro_auc"].get<double>(), 1e-9);
    EXPECT_NEAR(value(m["frame_macro"]["ap"]), ref["macro_ap"].get<double>(), 1e-9);
    EXPECT_EQ(m["frame_macro"]["videos_undefined"], ref["macro_undefined"]);
    EXPECT_EQ(m["frame_macro"]["undefined_videos"][0], "v4");
    EXPECT_NEAR(value(m["video_level"]["auc"]), ref["video_auc"].get<double>(), 1e-9);
    EXPECT_NEAR(value(m["video_level"]["ap"]), ref["video_ap"].get<double>(), 1e-9);
    EXPECT_NEAR(value(m["pixel"]["auroc"]), ref["pixel_auroc"].get<double>(), 1e-9);
    EXPECT_NEAR(value(m["pixel"]["aupro"]), ref["aupro"].get<double>(), 1e-9);
    EXPECT_TRUE(m["pixel"]["exact"].get<bool>());
    for (std::size_t i = 0; i < ref["per_video"].size(); ++i) {
        const nlohmann::json& want = ref["per_video"][i];
        const nlohmann::json& got = m["per_video"][i];
        EXPECT_EQ(got["video"], want["video"]);
        EXPECT_NEAR(got["video_score"].get<double>(), want["video_score"].get<double>(), 1e-12);
        if (want.contains("auc"))
            EXPECT_NEAR(got["auc"].get<double>(), want["auc"].get<double>(), 1e-9) << want["video"];
        else
            EXPECT_TRUE(got["auc"].is_null()) << "single-class video reported as undefined";
    }
    const nlohmann::json& ci = m["frame_micro"]["ci"];
    EXPECT_EQ(ci["samples"], 200);
    EXPECT_LE(ci["auc"]["low"].get<double>(), ci["auc"]["high"].get<double>());
    EXPECT_EQ(m["options"]["postprocess"]["applied"], "none");
    EXPECT_TRUE(m["frame_micro"]["auc"].contains("definition"));

    // CSVs: header + one line per video; ROC starts at (0, 0) with threshold inf.
    const std::string pv = vaclip::test::readText(dir.file("out/per_video.csv"));
    EXPECT_EQ(std::count(pv.begin(), pv.end(), '\n'), 6);
    EXPECT_NE(pv.find("\nv4,40,0,,,"), std::string::npos) << pv;
    const std::string roc = vaclip::test::readText(dir.file("out/roc.csv"));
    EXPECT_EQ(roc.rfind("threshold,fpr,tpr\ninf,0,0\n", 0), 0u) << roc.substr(0, 80);
    EXPECT_NE(vaclip::test::readText(dir.file("out/pr.csv")).find("\n,1,0\n"), std::string::npos);

    // Plots: three formats each; PNGs rendered at 2x.
    for (const std::string stem : {"roc", "pr"}) {
        const Image png = readImage(dir.file("out/" + stem + ".png"));
        EXPECT_EQ(png.width, 1600) << stem;
        EXPECT_EQ(png.height, 1200) << stem;
        EXPECT_TRUE(fs::file_size(dir.file("out/" + stem + ".pdf")) > 1000);
        EXPECT_NE(vaclip::test::readText(dir.file("out/" + stem + ".svg")).find("<svg"), std::string::npos);
    }
    for (int v = 0; v < 5; ++v) {
        const Image png = readImage(dir.file("out/scores_v" + std::to_string(v) + ".png"));
        EXPECT_EQ(png.width, 2000);
        EXPECT_EQ(png.height, 720);
    }
    if (const char* keep = std::getenv("VACLIP_KEEP_PLOTS"))  // to look at them
        fs::copy(dir.path() / "out", keep, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

TEST_F(EvaluateCli, ConcatenatedNpySmoothingAndTrapezoidAp)
{
    const auto r = evaluate("--gt-path meta.json --pred-path all.npy --gaussian-sigma 2 --ap trapezoid "
                            "--output-dir out2 --bootstrap-samples 0");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const nlohmann::json m = metrics("out2");
    EXPECT_NEAR(value(m["frame_micro"]["auc"]), ref["smoothed_auc"].get<double>(), 1e-9);
    EXPECT_NEAR(value(m["frame_micro"]["ap"]), ref["smoothed_ap_trapezoid"].get<double>(), 1e-9);
    EXPECT_EQ(m["options"]["ap_definition"], "trapezoid");
    EXPECT_EQ(m["options"]["postprocess"]["applied"], "gaussian(sigma=2)");
    EXPECT_TRUE(m["frame_micro"]["ci"].is_null());
    EXPECT_FALSE(fs::exists(dir.file("out2/roc.png"))) << "no plots unless asked";
}

TEST_F(EvaluateCli, ReadsTheScoresJsonOfVaclipTest)
{
    // The layout `vaclip test` writes: {"videos": [{"video_path": ..., "scores": [...]}, ...]}.
    nlohmann::json j;
    j["format"] = "vaclip-test-scores";
    j["videos"] = nlohmann::json::array();
    for (int v = 0; v < 5; ++v)
        j["videos"].push_back({{"video_path", "v" + std::to_string(v)},
                               {"scores", readNpy(dir.file("pred/v" + std::to_string(v) + ".npy")).toDoubles()}});
    vaclip::test::writeText(dir.file("scores.json"), j.dump());
    const auto r = evaluate("--gt_path meta.json --pred_path scores.json --output_dir out5 --video_score topk_mean "
                            "--top_k 1");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const nlohmann::json m = metrics("out5");
    EXPECT_NEAR(value(m["frame_micro"]["auc"]), ref["micro_auc"].get<double>(), 1e-9);
    EXPECT_NEAR(value(m["video_level"]["auc"]), ref["video_auc"].get<double>(), 1e-9) << "top-1 mean = max";
    EXPECT_EQ(m["options"]["video_score"]["mode"], "topk_mean");
}

TEST_F(EvaluateCli, ConfigGivesDefaultsAndOptionsWin)
{
    vaclip::test::writeText(dir.file("eval.yaml"), "dataset:\n  meta: meta.json\n"
                                                   "testing:\n  smoothing:\n    gaussian_sigma: 2\n"
                                                   "evaluation:\n  bootstrap_samples: 50\n  bootstrap_seed: 3\n"
                                                   "  plot_curves: false\n  ap_definition: trapezoid\n"
                                                   "  video_score: topk_mean\n  top_k: 3\n");
    auto r = evaluate("eval.yaml --pred_path all.npy --output_dir out3");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    nlohmann::json m = metrics("out3");
    // testing.smoothing describes what `vaclip test` already applied: recorded, never applied twice.
    EXPECT_NEAR(value(m["frame_micro"]["auc"]), ref["micro_auc"].get<double>(), 1e-9);
    EXPECT_EQ(m["options"]["postprocess"]["applied"], "none");
    EXPECT_EQ(m["options"]["postprocess"]["config_testing_smoothing"]["gaussian_sigma"], 2.0);
    EXPECT_NEAR(value(m["frame_micro"]["ap"]), ref["micro_ap_trapezoid"].get<double>(), 1e-9);
    EXPECT_EQ(m["options"]["video_score"]["mode"], "topk_mean");
    EXPECT_EQ(m["options"]["video_score"]["top_k"], 3);
    EXPECT_EQ(m["frame_micro"]["ci"]["samples"], 50);
    EXPECT_EQ(m["frame_micro"]["ci"]["seed"], 3);
    EXPECT_NE(m["inputs"]["config"].get<std::string>().find("eval.yaml"), std::string::npos);
    r = evaluate("--config eval.yaml --pred_path all.npy --output_dir out4 --gaussian_sigma 2 --bootstrap_samples 0");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    m = metrics("out4");
    EXPECT_NEAR(value(m["frame_micro"]["auc"]), ref["smoothed_auc"].get<double>(), 1e-9) << "asked explicitly";
    EXPECT_TRUE(m["frame_micro"]["ci"].is_null()) << "the option overrides the config's bootstrap_samples";
}

TEST_F(EvaluateCli, BadInputsExitOneNamingTheProblem)
{
    // NaN in one video's scores.
    std::vector<double> s = NpyArray(readNpy(dir.file("pred/v2.npy"))).toDoubles();
    s[3] = std::numeric_limits<double>::quiet_NaN();
    writeNpy(dir.file("pred/v2.npy"), NpyArray::fromDoubles(s, {int64_t(s.size())}));
    auto r = evaluate("--gt_path meta.json --pred_path pred --output_dir bad");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("vaclip: error:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("video 'v2'"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("frame 3"), std::string::npos) << r.output;

    // Length mismatch: the concatenation is one frame short.
    std::vector<double> all = readNpy(dir.file("all.npy")).toDoubles();
    all.pop_back();
    writeNpy(dir.file("short.npy"), NpyArray::fromDoubles(all, {int64_t(all.size())}));
    r = evaluate("--gt_path meta.json --pred_path short.npy --output_dir bad");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("short.npy"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(std::to_string(all.size())), std::string::npos) << r.output;

    // A per-video file of the wrong length names the file and the video.
    writeNpy(dir.file("pred/v2.npy"), NpyArray::fromDoubles({0.1, 0.2}, {2}));
    r = evaluate("--gt_path meta.json --pred_path pred --output_dir bad");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("v2.npy"), std::string::npos) << r.output;

    // Missing files.
    r = evaluate("--gt_path meta.json --pred_path nowhere.npy --output_dir bad");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("nowhere.npy"), std::string::npos) << r.output;
    fs::remove(dir.file("maps/v1.npy"));
    r = evaluate("--gt_path meta.json --pred_path all.npy --pixel_maps maps --output_dir bad");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("v1"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("no pixel map"), std::string::npos) << r.output;

    // Only normal frames: micro AUC undefined is an error, not 0.5.
    fs::create_directories(dir.path() / "normal_gt");
    vaclip::test::writeText(dir.file("normal_gt/a.txt"), "0\n0\n0\n");
    writeNpy(dir.file("a.npy"), NpyArray::fromDoubles({0.1, 0.5, 0.2}, {3}));
    r = evaluate("--gt_path normal_gt --dataset generic --pred_path a.npy --output_dir bad");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("only normal"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir.file("bad/metrics.json"))) << "nothing written on failure";

    // Usage errors exit 2.
    EXPECT_EQ(evaluate("--pred_path all.npy").exitCode, 2);
    EXPECT_EQ(evaluate("--gt_path meta.json --pred_path all.npy --ap interpolated").exitCode, 2);
}

// ctest-labels: unit plugins
// ctest-link: vaclip_plugin_host
// Dataset-format plugins: metadata read without loading, discovery from several folders,
// broken plugins (not a plugin, another SDK version, a wrong name, throwing detect/import)
// reported and skipped, the built-in formats and the example plugin through the registry, and
// `vaclip import` with plugin folders from VACLIP_PLUGIN_PATH and XDG_DATA_HOME.
#include "common/error.h"
#include "data/ground_truth.h"
#include "data/importers.h"
#include "dataset_plugin_registry.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace vaclip;
using vaclip::test::shellQuote;
using vaclip::test::TempDir;
using vaclip::test::writeText;

namespace {

const fs::path kBuildPlugins = VACLIP_BUILD_PLUGIN_DIR;
const fs::path kBrokenPlugins = VACLIP_TEST_PLUGIN_DIR;

fs::path builtPlugin(const std::string& target) { return kBuildPlugins / ("lib" + target + ".so"); }
fs::path brokenPlugin(const std::string& target) { return kBrokenPlugins / ("lib" + target + ".so"); }

/// True when the shared object is mapped into this process (i.e. it was loaded).
bool isMapped(const fs::path& file)
{
    std::ifstream maps("/proc/self/maps");
    const std::string name = fs::canonical(file).string();
    for (std::string line; std::getline(maps, line);)
        if (line.find(name) != std::string::npos)
            return true;
    return false;
}

bool contains(const std::vector<std::string>& lines, const std::string& a, const std::string& b = {})
{
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
        return l.find(a) != std::string::npos && l.find(b) != std::string::npos;
    });
}

std::string joined(const std::vector<std::string>& lines)
{
    std::string out;
    for (const std::string& l : lines)
        out += l + "\n";
    return out;
}

void touchFrames(const fs::path& dir, int n, const char* ext = ".tif")
{
    fs::create_directories(dir);
    for (int i = 1; i <= n; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "%03d%s", i, ext);
        writeText((dir / name).string(), "");
    }
}

/// A UCSD Ped2 tree (frame files need not decode: the import counts them).
fs::path makeUcsdPed2(const fs::path& root)
{
    const fs::path ped = root / "UCSDped2";
    touchFrames(ped / "Train" / "Train001", 3);
    touchFrames(ped / "Test" / "Test001", 5);
    touchFrames(ped / "Test" / "Test002", 4);
    writeText((ped / "Test" / "UCSDped2.m").string(), "TestVideoFile = {};\n"
                                                      "TestVideoFile{end+1}.gt_frame = [3:5];\n"
                                                      "TestVideoFile{end+1}.gt_frame = [1:2, 4];\n");
    return ped;
}

template <typename F>
std::string errorOf(F f, ErrorCode code)
{
    try {
        f();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), code) << e.what();
        return e.what();
    }
    ADD_FAILURE() << "no vaclip::Error";
    return {};
}

const std::vector<std::string> kBuiltinTargets = {"vaclip_format_ucsd_ped1", "vaclip_format_ucsd_ped2",
                                                  "vaclip_format_shanghaitech", "vaclip_format_avenue",
                                                  "vaclip_format_folder", "vaclip_format_interval_csv"};

} // namespace

TEST(DatasetPlugins, MetadataIsListedWithoutLoading)
{
    DatasetPluginRegistry registry({{kBuildPlugins, "build"}});
    EXPECT_TRUE(registry.problems().empty()) << joined(registry.problems());
    // Every shipped plugin, described by the JSON file in the source tree (read here independently).
    const std::vector<std::pair<std::string, std::string>> sources = {
        {"ucsd_ped1", "ucsd_ped1.json"}, {"ucsd_ped2", "ucsd_ped2.json"}, {"shanghaitech", "shanghaitech.json"},
        {"avenue", "avenue.json"},       {"folder", "folder.json"},       {"example", "interval_csv.json"}};
    ASSERT_EQ(registry.plugins().size(), sources.size());
    for (const auto& [folder, file] : sources) {
        std::ifstream in(vaclip::test::sourceDir() / "plugins" / folder / file);
        const nlohmann::json j = nlohmann::json::parse(in);
        const DatasetPluginInfo* info = registry.find(j.at("name").get<std::string>());
        ASSERT_NE(info, nullptr) << j.at("name");
        EXPECT_EQ(info->version, j.at("version").get<std::string>());
        EXPECT_EQ(info->description, j.at("description").get<std::string>());
        EXPECT_EQ(info->reads, j.at("reads").get<std::vector<std::string>>());
        EXPECT_EQ(info->catchAll, j.value("catchAll", false));
        EXPECT_EQ(info->origin, "build");
        EXPECT_FALSE(registry.isLoaded(info->name));
        EXPECT_FALSE(isMapped(info->file)) << info->file << " was loaded to read its metadata";
    }
    // Loading one maps that one only; its DatasetFormat agrees with the metadata.
    const DatasetFormat* ped2 = registry.load("ucsd-ped2");
    ASSERT_NE(ped2, nullptr) << joined(registry.problems());
    EXPECT_EQ(ped2->name(), "ucsd-ped2");
    EXPECT_EQ(ped2->description(), registry.find("ucsd-ped2")->description);
    EXPECT_TRUE(registry.isLoaded("ucsd-ped2"));
    EXPECT_TRUE(isMapped(builtPlugin("vaclip_format_ucsd_ped2")));
    EXPECT_FALSE(isMapped(builtPlugin("vaclip_format_shanghaitech")));
    EXPECT_EQ(registry.load("no-such-format"), nullptr);
}

TEST(DatasetPlugins, DiscoveryFromTwoFoldersFirstWins)
{
    TempDir a, b;
    fs::copy_file(builtPlugin("vaclip_format_ucsd_ped2"), a.path() / "libvaclip_format_ucsd_ped2.so");
    fs::copy_file(builtPlugin("vaclip_format_avenue"), b.path() / "libvaclip_format_avenue.so");
    fs::copy_file(builtPlugin("vaclip_format_ucsd_ped2"), b.path() / "libcopy_of_ped2.so");
    writeText(b.file("README.txt"), "not a library: ignored without a message\n");
    std::vector<std::string> reported;
    DatasetPluginRegistry registry({{a.path(), "user"}, {b.path(), "install"}, {a.file("missing"), "env"}},
                                   [&](const std::string& m) { reported.push_back(m); });
    ASSERT_EQ(registry.plugins().size(), 2u) << joined(registry.problems());
    EXPECT_EQ(registry.plugins()[0].name, "ucsd-ped2");
    EXPECT_EQ(registry.plugins()[0].origin, "user");
    EXPECT_EQ(registry.plugins()[1].name, "avenue");
    EXPECT_EQ(registry.plugins()[1].origin, "install");
    // the second ucsd-ped2 is reported, once, with both files named
    ASSERT_EQ(registry.problems().size(), 1u) << joined(registry.problems());
    EXPECT_TRUE(contains(registry.problems(), b.file("libcopy_of_ped2.so"), "already provided by"));
    EXPECT_TRUE(contains(registry.problems(), a.file("libvaclip_format_ucsd_ped2.so")));
    ASSERT_EQ(reported.size(), 1u);
    EXPECT_TRUE(contains(reported, "skipped", "libcopy_of_ped2.so"));

    // A plugin from a copied folder imports like the built-in format.
    TempDir data;
    const fs::path ped = makeUcsdPed2(data.path());
    EXPECT_EQ(registry.detectFormats(ped.string()), std::vector<std::string>{"ucsd-ped2"});
    const ImportResult r = registry.importDataset({"auto", ped.string(), (ped / "meta.json").string()});
    EXPECT_EQ(r.format, "ucsd-ped2");
    EXPECT_EQ(r.meta.train.size(), 1u);
    ASSERT_EQ(r.meta.test.size(), 2u);
    EXPECT_TRUE(r.meta.test[0].anomaly);
}

TEST(DatasetPlugins, BrokenPluginsAreReportedAndSkipped)
{
    TempDir dir;
    writeText(dir.file("libnot_a_plugin.so"), "this is text, not an ELF shared object\n");
    for (const char* t : {"vaclip_test_plugin_throws", "vaclip_test_plugin_old_sdk", "vaclip_test_plugin_misnamed"})
        fs::copy_file(brokenPlugin(t), dir.path() / ("lib" + std::string(t) + ".so"));
    fs::copy_file(builtPlugin("vaclip_format_ucsd_ped2"), dir.path() / "libvaclip_format_ucsd_ped2.so");
    std::vector<std::string> reported;
    DatasetPluginRegistry registry({{dir.path(), "user"}}, [&](const std::string& m) { reported.push_back(m); });

    // Found while scanning: the text file and the SDK-0 plugin.
    EXPECT_TRUE(contains(registry.problems(), dir.file("libnot_a_plugin.so"), "not a Qt plugin"))
        << joined(registry.problems());
    EXPECT_TRUE(contains(registry.problems(), "old_sdk", "built for dataset plugin SDK 0, this vaclip loads SDK 1"))
        << joined(registry.problems());
    EXPECT_EQ(registry.problems().size(), 2u) << joined(registry.problems());
    EXPECT_EQ(reported.size(), 2u);
    std::vector<std::string> names;
    for (const auto& p : registry.plugins())
        names.push_back(p.name);
    // file-name order: libvaclip_format_ucsd_ped2.so < libvaclip_test_plugin_*.so
    EXPECT_EQ(names, (std::vector<std::string>{"ucsd-ped2", "test-misnamed", "test-throws"}));

    // Detection loads them all: the misnamed one and the one whose detect throws are skipped,
    // the good one still answers.
    TempDir data;
    const fs::path ped = makeUcsdPed2(data.path());
    EXPECT_EQ(registry.detectFormats(ped.string()), std::vector<std::string>{"ucsd-ped2"});
    EXPECT_TRUE(contains(registry.problems(), "misnamed", "calls itself 'something-else'"))
        << joined(registry.problems());
    EXPECT_TRUE(contains(registry.problems(), "throws", "detect() threw: deliberately broken detect"))
        << joined(registry.problems());
    EXPECT_EQ(registry.load("test-misnamed"), nullptr);
    EXPECT_EQ(registry.load("test-throws"), nullptr);   // broken for the rest of this registry
    const std::string broken = errorOf(
        [&] { registry.importDataset({"test-throws", ped.string(), (ped / "meta.json").string()}); },
        ErrorCode::Unsupported);
    EXPECT_NE(broken.find("is broken: detect() threw"), std::string::npos) << broken;
    EXPECT_EQ(registry.importDataset({"auto", ped.string(), (ped / "m.json").string()}).format, "ucsd-ped2");
}

TEST(DatasetPlugins, ThrowingImportBecomesAnErrorNamingThePlugin)
{
    DatasetPluginRegistry registry({{kBrokenPlugins, "env"}});
    TempDir data;
    touchFrames(data.path() / "v", 2);
    const std::string meta = data.file("meta.json");
    // any other exception: the plugin is broken; the message names it and its file
    const std::string what =
        errorOf([&] { registry.importDataset({"test-throws", data.path().string(), meta}); }, ErrorCode::Unsupported);
    EXPECT_NE(what.find("dataset plugin 'test-throws'"), std::string::npos) << what;
    EXPECT_NE(what.find(brokenPlugin("vaclip_test_plugin_throws").string()), std::string::npos) << what;
    EXPECT_NE(what.find("failed in import(): deliberately broken import"), std::string::npos) << what;
    EXPECT_TRUE(contains(registry.problems(), "throws", "import() threw"));
    EXPECT_EQ(registry.load("test-throws"), nullptr);

    // a vaclip::Error is the dataset's problem: passed through unchanged, plugin still usable
    DatasetPluginRegistry fresh({{kBrokenPlugins, "env"}});
    writeText(data.file("raise-vaclip-error"), "");
    const std::string dataset =
        errorOf([&] { fresh.importDataset({"test-throws", data.path().string(), meta}); }, ErrorCode::Format);
    EXPECT_NE(dataset.find("a dataset problem the plugin found"), std::string::npos) << dataset;
    EXPECT_NE(fresh.load("test-throws"), nullptr);
    errorOf([&] { fresh.readGroundTruth("test-throws", data.path().string()); }, ErrorCode::Format);

    const std::string unknown =
        errorOf([&] { fresh.importDataset({"nope", data.path().string(), meta}); }, ErrorCode::InvalidArgument);
    EXPECT_NE(unknown.find("unknown dataset format 'nope' (known: test-misnamed, test-throws"), std::string::npos)
        << unknown;
    DatasetPluginRegistry none({{data.file("no-plugins-here"), "user"}});
    const std::string empty =
        errorOf([&] { none.importDataset({"auto", data.path().string(), meta}); }, ErrorCode::NotFound);
    EXPECT_NE(empty.find("no dataset-format plugins found"), std::string::npos) << empty;
    EXPECT_NE(empty.find(data.file("no-plugins-here")), std::string::npos) << empty;
}

// ---- the example plugin (plugins/example: interval-csv) -----------------------------------------

TEST(DatasetPlugins, ExamplePluginImportsIntervalCsv)
{
    const std::string ffmpeg = vaclip::test::ffmpegExecutable();
    ASSERT_FALSE(ffmpeg.empty()) << "the ffmpeg CLI is required";
    TempDir dir;
    const fs::path root = dir.path() / "cams";
    touchFrames(root / "videos" / "cam1", 10, ".png");
    const auto made = vaclip::test::runCommand(ffmpeg + " -v error -y -f lavfi -i testsrc=s=32x24:r=10 -frames:v 12 "
                                               "-c:v mpeg4 " + shellQuote((root / "videos" / "cam2.avi").string()));
    ASSERT_EQ(made.exitCode, 0) << made.output;
    touchFrames(root / "videos" / "cam3", 4, ".png");   // no row: normal
    writeText((root / "annotations.csv").string(), "# intervals, 0-based inclusive\n"
                                                   "video,first_frame,last_frame\n"
                                                   "cam1, 2, 4\n"
                                                   "cam1,8,8   # one frame\n"
                                                   "cam2,0,1\n");
    DatasetPluginRegistry registry({{kBuildPlugins, "build"}});
    EXPECT_EQ(registry.detectFormats(root.string()), std::vector<std::string>{"interval-csv"});
    const ImportResult r = registry.importDataset({"auto", root.string(), (root / "meta.json").string()});
    EXPECT_EQ(r.format, "interval-csv");
    EXPECT_TRUE(r.meta.train.empty());
    ASSERT_EQ(r.meta.test.size(), 3u);
    ASSERT_EQ(r.files.size(), 3u);
    const std::vector<std::vector<uint8_t>> expected = {
        {0, 0, 1, 1, 1, 0, 0, 0, 1, 0}, {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0}};
    const std::vector<bool> anomaly = {true, true, false};
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(r.meta.test[i].anomaly, anomaly[i]) << i;
        EXPECT_EQ(r.meta.test[i].frameCount, int64_t(expected[i].size())) << i;
        EXPECT_EQ(parseLabelText(r.files[i].content, r.files[i].path), expected[i]) << i;
    }
    EXPECT_EQ(r.files[1].path, (root / "gt" / "interval-csv" / "cam2.txt").string());
    const auto gt = registry.readGroundTruth("interval-csv", root.string());
    ASSERT_EQ(gt.size(), 3u);
    EXPECT_EQ(gt[0].video, "videos/cam1");
    EXPECT_EQ(gt[1].video, "videos/cam2.avi");
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(gt[i].labels, expected[i]) << i;

    // errors name the CSV line
    const std::string csv = (root / "annotations.csv").string();
    writeText(csv, "cam1,2,4\ncam1,5\n");
    std::string what = errorOf([&] { registry.readGroundTruth("interval-csv", root.string()); }, ErrorCode::Format);
    EXPECT_NE(what.find(csv + "' line 2: expected 3 fields"), std::string::npos) << what;
    writeText(csv, "cam1,2,4\ncam2,10,12\n");
    what = errorOf([&] { registry.importDataset({"interval-csv", root.string(), (root / "meta.json").string()}); },
                   ErrorCode::Mismatch);
    EXPECT_NE(what.find("line 2: last frame 12 of cam2, which has 12 frames"), std::string::npos) << what;
    writeText(csv, "cam9,0,0\n");
    what = errorOf([&] { registry.importDataset({"interval-csv", root.string(), (root / "meta.json").string()}); },
                   ErrorCode::Mismatch);
    EXPECT_NE(what.find("video 'cam9' is not in videos/"), std::string::npos) << what;
}

TEST(DatasetPlugins, BuiltinFormatThroughItsPluginReadsGroundTruth)
{
    DatasetPluginRegistry registry({{kBuildPlugins, "build"}});
    TempDir data;
    const fs::path ped = makeUcsdPed2(data.path());
    const auto gt = registry.readGroundTruth("ucsd-ped2", data.path().string());
    ASSERT_EQ(gt.size(), 2u);
    EXPECT_EQ(gt[0].video, "UCSDped2/Test/Test001");
    EXPECT_EQ(gt[0].labels, (std::vector<uint8_t>{0, 0, 1, 1, 1}));   // [3:5], 1-based inclusive
    EXPECT_EQ(gt[1].labels, (std::vector<uint8_t>{1, 1, 0, 1}));      // [1:2, 4]
    EXPECT_NE(gt[1].source.find("UCSDped2.m line 3"), std::string::npos) << gt[1].source;
    EXPECT_FALSE(fs::exists(data.path() / "gt")) << "reading ground truth must not write";
}

// ---- vaclip import with plugin folders -----------------------------------------------------------

TEST(DatasetPluginsCli, ListShowsFormatsFilesFoldersAndSkipped)
{
    TempDir env, xdg;
    writeText(env.file("libgarbage.so"), "not a plugin");
    const auto r = vaclip::test::runCommand("VACLIP_PLUGIN_PATH=" + shellQuote(env.path().string()) + " XDG_DATA_HOME="
                                            + shellQuote(xdg.path().string()) + " " + vaclip::test::cliExecutable()
                                            + " import --list");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    for (const char* f : {"ucsd-ped1", "ucsd-ped2", "shanghaitech", "avenue", "folder", "interval-csv", "auto"})
        EXPECT_NE(r.output.find(std::string("\n  ") + f + " "), std::string::npos) << f << " in\n" << r.output;
    EXPECT_NE(r.output.find("Plugins (read from their metadata, not loaded)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("build  " + builtPlugin("vaclip_format_avenue").string()), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("env       " + env.path().string()), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("user      " + (xdg.path() / "vaclip" / "plugins").string() + "  (does not exist)"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("Skipped:\n  " + env.file("libgarbage.so") + ": not a Qt plugin"), std::string::npos)
        << r.output;
}

TEST(DatasetPluginsCli, BrokenUserPluginIsSkippedWithAWarning)
{
    TempDir xdg, data;
    const fs::path user = xdg.path() / "vaclip" / "plugins";
    fs::create_directories(user);
    fs::copy_file(brokenPlugin("vaclip_test_plugin_throws"), user / "libthrows.so");
    const fs::path ped = makeUcsdPed2(data.path());
    const std::string cli = "env -u VACLIP_PLUGIN_PATH XDG_DATA_HOME=" + shellQuote(xdg.path().string()) + " "
                            + vaclip::test::cliExecutable();
    const auto ok = vaclip::test::runCommand(cli + " import --root " + shellQuote(ped.string()));
    EXPECT_EQ(ok.exitCode, 0) << ok.output;
    EXPECT_NE(ok.output.find("vaclip: warning: dataset plugin '" + (user / "libthrows.so").string()
                             + "' skipped: detect() threw: deliberately broken detect"),
              std::string::npos)
        << ok.output;
    EXPECT_NE(ok.output.find("imported ucsd-ped2"), std::string::npos) << ok.output;

    const auto bad = vaclip::test::runCommand(cli + " import --format test-throws --root " + shellQuote(ped.string())
                                              + " --out " + shellQuote((ped / "other.json").string()));
    EXPECT_EQ(bad.exitCode, 1) << bad.output;
    const std::string last = bad.output.substr(bad.output.rfind('\n', bad.output.size() - 2) + 1);
    EXPECT_EQ(last.rfind("vaclip: error: dataset plugin 'test-throws'", 0), 0u) << bad.output;
    EXPECT_NE(last.find("failed in import(): deliberately broken import"), std::string::npos) << bad.output;
    EXPECT_FALSE(fs::exists(ped / "other.json"));
}

// ctest-labels: unit config
// core/config: defaults, the shipped configs, round trips, every kind of error, the generated
// reference page, and `vaclip check-config`.
#include "common/error.h"
#include "config/config.h"
#include "config/schema.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <set>

namespace fs = std::filesystem;
using namespace vaclip;
using vaclip::test::TempDir;

namespace {

/// The vaclip::Error message of configFromYaml(text), or "" when it loads.
std::string loadError(const std::string& text, ErrorCode* code = nullptr)
{
    try {
        configFromYaml(text, "cfg.yaml");
    } catch (const Error& e) {
        if (code)
            *code = e.code();
        return e.what();
    }
    return {};
}

std::string cli(const std::string& args)
{
    return vaclip::test::shellQuote(vaclip::test::cliExecutable()) + " " + args;
}

} // namespace

TEST(Config, DefaultsMatchTheResearchCode)
{
    const Config c;
    EXPECT_EQ(c.temporalTransformerLayers, 2);
    EXPECT_EQ(c.temporalHeads, 8);
    EXPECT_EQ(c.clipLength, 16);
    EXPECT_EQ(c.stride, 8);
    EXPECT_EQ(c.genericPrompts.normal, (std::vector<std::string>{"a normal scene", "people walking normally"}));
    EXPECT_EQ(c.genericPrompts.abnormal, (std::vector<std::string>{"an abnormal event", "an unusual activity"}));
    EXPECT_TRUE(c.semanticPrompts.empty());
    EXPECT_EQ(c.backbone.inputSize, 224);
    EXPECT_EQ(c.backbone.device, "cpu");
    EXPECT_DOUBLE_EQ(c.training.learningRate, 1e-3);
    EXPECT_EQ(c.training.seed, 42u);
    EXPECT_EQ(c.training.threads, 0);
    EXPECT_EQ(c.training.nCtx, 12);
    EXPECT_EQ(c.training.deepPromptLayers, 0);
    EXPECT_DOUBLE_EQ(c.training.dropout, 0.1);
    EXPECT_EQ(c.training.temporalPosition, TemporalPosition::Learned);
    EXPECT_EQ(c.training.supervision, SupervisionMode::Auto);
    EXPECT_EQ(c.testing.scoring, ScoringMode::MaxCosine);
    EXPECT_EQ(c.testing.promptMode, PromptMode::Plain);
    EXPECT_EQ(c.testing.smoothing.gaussianSigma, 0.0);
    EXPECT_EQ(c.testing.smoothing.movingAverage, 0);
    EXPECT_EQ(c.evaluation.bootstrapSamples, 1000);
}

TEST(Config, EmptyAndCommentOnlyFilesGiveDefaults)
{
    EXPECT_EQ(configFromYaml("", "empty.yaml"), Config{});
    EXPECT_EQ(configFromYaml("# nothing here\n\n", "c.yaml"), Config{});
    EXPECT_EQ(configFromYaml("---\n", "c.yaml"), Config{});
    EXPECT_EQ(configFromYaml("training:\n", "c.yaml"), Config{});  // an empty group
}

TEST(Config, ReadsEveryKindOfValue)
{
    const Config c = configFromYaml(R"(
clip_length: 32
stride: 32
semantic_prompts: ["a person riding a bicycle", a car]
generic_prompts:
  normal:
    - "a quiet street"
backbone: {device: "cuda:1", input_size: 336}
training:
  learning_rate: 5e-4
  weight_decay: 0
  seed: 7
  temporal_position: sinusoidal
  supervision: normal_only
  pseudo_anomalies: {shuffle: yes, reverse: off}
testing:
  scoring: softmax_vs_normal
  smoothing:
    gaussian_sigma: 2.5
evaluation:
  metrics: [frame_auc, aupro]
)",
                                    "c.yaml");
    EXPECT_EQ(c.clipLength, 32);
    EXPECT_EQ(c.stride, 32);
    EXPECT_EQ(c.semanticPrompts, (std::vector<std::string>{"a person riding a bicycle", "a car"}));
    EXPECT_EQ(c.genericPrompts.normal, (std::vector<std::string>{"a quiet street"}));
    EXPECT_EQ(c.genericPrompts.abnormal, Config{}.genericPrompts.abnormal);
    EXPECT_EQ(c.backbone.device, "cuda:1");
    EXPECT_EQ(c.backbone.inputSize, 336);
    EXPECT_DOUBLE_EQ(c.training.learningRate, 5e-4);
    EXPECT_EQ(c.training.weightDecay, 0.0);
    EXPECT_EQ(c.training.seed, 7u);
    EXPECT_EQ(c.training.temporalPosition, TemporalPosition::Sinusoidal);
    EXPECT_EQ(c.training.supervision, SupervisionMode::NormalOnly);
    EXPECT_TRUE(c.training.pseudoAnomalies.shuffle);
    EXPECT_FALSE(c.training.pseudoAnomalies.reverse);
    EXPECT_TRUE(c.training.pseudoAnomalies.skipFrames);
    EXPECT_EQ(c.testing.scoring, ScoringMode::SoftmaxVsNormal);
    EXPECT_DOUBLE_EQ(c.testing.smoothing.gaussianSigma, 2.5);
    EXPECT_EQ(c.evaluation.metrics, (std::vector<std::string>{"frame_auc", "aupro"}));
}

TEST(Config, ShippedConfigsLoad)
{
    const fs::path configs = vaclip::test::sourceDir() / "configs";
    const Config train = loadConfig((configs / "shanghaitech_train.yaml").string());
    EXPECT_EQ(train.clipLength, 16);
    EXPECT_EQ(train.stride, 8);
    EXPECT_EQ(train.temporalTransformerLayers, 2);
    EXPECT_FALSE(train.genericPrompts.normal.empty());
    EXPECT_FALSE(train.genericPrompts.abnormal.empty());
    // Relative paths resolve against configs/, so ../data/... is the repository's data/.
    EXPECT_EQ(fs::path(train.dataset.meta),
              (vaclip::test::sourceDir() / "data/shanghaitech/meta.json").lexically_normal());

    const Config test = loadConfig((configs / "ucsd_test.yaml").string());
    const std::set<std::string> prompts(test.semanticPrompts.begin(), test.semanticPrompts.end());
    for (const char* p : {"a person riding a bicycle", "a person on a skateboard", "a small cart on a walkway",
                          "a person in a wheelchair"})
        EXPECT_EQ(prompts.count(p), 1u) << p;
    EXPECT_EQ(fs::path(test.dataset.meta), (vaclip::test::sourceDir() / "data/ucsd_ped2/meta.json").lexically_normal());
    EXPECT_TRUE(fs::path(test.outputDir).is_absolute());
    // Both configs describe the same model.
    EXPECT_EQ(test.clipLength, train.clipLength);
    EXPECT_EQ(test.temporalHeads, train.temporalHeads);
    EXPECT_EQ(test.training.nCtx, train.training.nCtx);
}

TEST(Config, EffectiveYamlRoundTrips)
{
    const fs::path configs = vaclip::test::sourceDir() / "configs";
    std::vector<Config> originals{Config{}, loadConfig((configs / "shanghaitech_train.yaml").string()),
                                  loadConfig((configs / "ucsd_test.yaml").string())};
    Config odd;
    odd.semanticPrompts = {"quotes \" and \\ backslash", "colon: yes", "# not a comment", "true", "123", "ünïcode",
                          "line\nbreak", "  padded  ", "- dash", "[bracket"};
    odd.training.learningRate = 0.1;
    odd.training.smoothnessWeight = 1.0 / 3.0;
    odd.training.seed = 9007199254740993ull;
    odd.evaluation.metrics = {};
    odd.dataset.root = "";
    odd.testing.scoring = ScoringMode::SoftmaxVsNormal;
    originals.push_back(odd);
    for (const Config& original : originals) {
        const std::string yaml = effectiveYaml(original);
        const Config back = configFromYaml(yaml, "effective.yaml");
        EXPECT_EQ(back, original) << yaml;
        EXPECT_EQ(effectiveYaml(back), yaml);
    }
    EXPECT_NE(odd, Config{});
}

TEST(Config, EffectiveYamlHasEveryKey)
{
    const std::string yaml = effectiveYaml(Config{});
    for (const ConfigKeyInfo& k : configKeys()) {
        const std::string last = k.path.substr(k.path.rfind('.') + 1);
        EXPECT_NE(yaml.find(last + ":"), std::string::npos) << k.path;
    }
}

TEST(Config, SaveWritesAtomicallyAndLoadsBack)
{
    TempDir dir;
    Config c;
    c.clipLength = 8;
    c.stride = 4;
    c.outputDir = "results";  // relative: resolves against the saved file's folder on load
    const std::string path = dir.file("sub/saved.yaml");
    saveConfig(c, path);
    const Config back = loadConfig(path);
    EXPECT_EQ(back.clipLength, 8);
    EXPECT_EQ(fs::path(back.outputDir), (dir.path() / "sub/results").lexically_normal());
    for (const auto& entry : fs::directory_iterator(dir.path() / "sub"))
        EXPECT_EQ(entry.path().filename(), "saved.yaml");  // no temporary left behind
}

TEST(Config, RelativePathsResolveAgainstTheConfigFolder)
{
    TempDir dir;
    vaclip::test::writeText(dir.file("cfgs/a.yaml"),
                            "dataset:\n  meta: ../data/meta.json\n  root: /abs/root\nbackbone:\n  path: w.safetensors\n");
    const Config c = loadConfig(dir.file("cfgs/a.yaml"));
    EXPECT_EQ(fs::path(c.dataset.meta), (dir.path() / "data/meta.json").lexically_normal());
    EXPECT_EQ(c.dataset.root, "/abs/root");
    EXPECT_EQ(fs::path(c.backbone.path), (dir.path() / "cfgs/w.safetensors").lexically_normal());
    EXPECT_EQ(fs::path(c.training.checkpointDir), (dir.path() / "cfgs/checkpoints").lexically_normal());
    EXPECT_EQ(c.testing.checkpoint, "");  // empty = unset, never resolved
    // Without a base folder (configFromYaml), paths stay as written.
    EXPECT_EQ(configFromYaml("dataset: {meta: x/m.json}", "t").dataset.meta, "x/m.json");
}

TEST(ConfigErrors, SyntaxErrorNamesFileLineAndColumn)
{
    ErrorCode code{};
    const std::string msg = loadError("clip_length: 16\nstride: [1, 2\nheads: 3\n", &code);
    EXPECT_EQ(code, ErrorCode::Format);
    EXPECT_EQ(msg.rfind("cfg.yaml:3:", 0), 0u) << msg;
    EXPECT_NE(msg.find("YAML syntax error"), std::string::npos) << msg;
}

TEST(ConfigErrors, UnknownKeySuggestsTheNearestKey)
{
    std::string msg = loadError("clip_length: 16\nclip_lenght: 32\n");
    EXPECT_EQ(msg, "cfg.yaml:2:1: unknown key 'clip_lenght' (did you mean 'clip_length'?)");

    msg = loadError("training:\n  epochs: 3\n  lerning_rate: 0.1\n");
    EXPECT_EQ(msg, "cfg.yaml:3:3: unknown key 'training.lerning_rate' (did you mean 'training.learning_rate'?)");

    msg = loadError("learning_rate: 0.1\n");  // right name, wrong level
    EXPECT_NE(msg.find("did you mean 'training.learning_rate'?"), std::string::npos) << msg;

    msg = loadError("frobnicate: 1\n");  // nothing close: no suggestion
    EXPECT_EQ(msg, "cfg.yaml:1:1: unknown key 'frobnicate'");

    msg = loadError("testing:\n  smoothing:\n    gausian_sigma: 1\n");
    EXPECT_NE(msg.find("did you mean 'testing.smoothing.gaussian_sigma'?"), std::string::npos) << msg;
}

TEST(ConfigErrors, WrongTypes)
{
    EXPECT_EQ(loadError("stride: eight\n"), "cfg.yaml:1:9: stride: expected an integer, got 'eight'");
    EXPECT_EQ(loadError("clip_length: 16.5\n"), "cfg.yaml:1:14: clip_length: expected an integer, got '16.5'");
    EXPECT_EQ(loadError("training:\n  learning_rate: fast\n"),
              "cfg.yaml:2:18: training.learning_rate: expected a number, got 'fast'");
    EXPECT_EQ(loadError("testing:\n  pixel_maps: maybe\n"),
              "cfg.yaml:2:15: testing.pixel_maps: expected true or false, got 'maybe'");
    EXPECT_EQ(loadError("semantic_prompts: a dog\n"),
              "cfg.yaml:1:19: semantic_prompts: expected a list, got 'a dog' (write [a dog] for a list of one)");
    EXPECT_EQ(loadError("clip_length: [16]\n"), "cfg.yaml:1:14: clip_length: expected an integer, got a list");
    EXPECT_EQ(loadError("training: 5\n"), "cfg.yaml:1:11: training: expected a group of keys (a mapping), got '5'");
    EXPECT_EQ(loadError("stride:\n"), "cfg.yaml:1:1: stride: expected an integer, got nothing");
    EXPECT_NE(loadError("training:\n  learning_rate: .nan\n").find("expected a number"), std::string::npos);
    EXPECT_NE(loadError("semantic_prompts: [[a]]\n").find("entry 1: expected a string, got a list"),
              std::string::npos);
}

TEST(ConfigErrors, OutOfRange)
{
    EXPECT_EQ(loadError("clip_length: 0\n"), "cfg.yaml:1:14: clip_length: 0 is out of range (allowed: 1 .. 1024)");
    EXPECT_EQ(loadError("temporal_heads: 0\n"), "cfg.yaml:1:17: temporal_heads: 0 is out of range (allowed: 1 .. 64)");
    EXPECT_EQ(loadError("training:\n  learning_rate: 0\n"),
              "cfg.yaml:2:18: training.learning_rate: 0.0 is out of range (allowed: > 0.0)");
    EXPECT_NE(loadError("training:\n  threads: -1\n").find("training.threads: -1 is out of range (allowed: >= 0)"),
              std::string::npos);
    EXPECT_NE(loadError("training:\n  dropout: 1\n").find("out of range (allowed: >= 0.0 and < 1.0)"),
              std::string::npos);
    EXPECT_NE(loadError("training:\n  threads: 99999999999\n").find("too large"), std::string::npos);
    EXPECT_NE(loadError("training:\n  seed: 99999999999999999999999\n").find("too large"), std::string::npos);
    EXPECT_NE(loadError("generic_prompts:\n  normal: []\n").find("needs at least 1 entry"), std::string::npos);
    EXPECT_NE(loadError("semantic_prompts: [\"\"]\n").find("entry 1 is empty"), std::string::npos);
    EXPECT_NE(loadError("backbone:\n  device: gpu\n").find("'gpu' is not a device"), std::string::npos);
    EXPECT_TRUE(loadError("backbone:\n  device: cuda:0\n").empty());
}

TEST(ConfigErrors, StrideMustNotExceedClipLength)
{
    EXPECT_EQ(loadError("clip_length: 8\nstride: 9\n"),
              "cfg.yaml:2:9: stride: 9 is larger than clip_length (8); allowed: 1 .. clip_length");
    // Blames clip_length when stride is the default.
    EXPECT_EQ(loadError("clip_length: 4\n").rfind("cfg.yaml:1:14: stride: 8 is larger", 0), 0u);
    EXPECT_TRUE(loadError("clip_length: 8\nstride: 8\n").empty());
}

TEST(ConfigErrors, BadChoicesListTheAllowedOnes)
{
    EXPECT_EQ(loadError("testing:\n  scoring: max_cosin\n"),
              "cfg.yaml:2:12: testing.scoring: 'max_cosin' is not one of: max_cosine, softmax_vs_normal, calibrated_max "
              "(did you mean 'max_cosine'?)");
    EXPECT_EQ(loadError("training:\n  temporal_position: rotary\n"),
              "cfg.yaml:2:22: training.temporal_position: 'rotary' is not one of: learned, sinusoidal");
    EXPECT_NE(loadError("evaluation:\n  metrics: [frame_auc, frame_aucc]\n")
                  .find("entry 2 'frame_aucc' is not one of: frame_auc, frame_ap"),
              std::string::npos);
    EXPECT_NE(loadError("evaluation:\n  metrics: [aupro, aupro]\n").find("listed twice"), std::string::npos);
}

TEST(ConfigErrors, StructuralProblems)
{
    EXPECT_EQ(loadError("- clip_length\n- stride\n"),
              "cfg.yaml:1:1: the top level must be a mapping of keys (like 'clip_length: 16'), got a list");
    EXPECT_NE(loadError("just words\n").find("the top level must be a mapping"), std::string::npos);
    EXPECT_EQ(loadError("stride: 4\nstride: 2\n"), "cfg.yaml:2:1: duplicate key 'stride'");
    EXPECT_NE(loadError("stride: 4\n---\nstride: 2\n").find("one YAML document"), std::string::npos);
}

TEST(ConfigErrors, MissingFileAndFolder)
{
    TempDir dir;
    try {
        loadConfig(dir.file("nope.yaml"));
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
        EXPECT_NE(std::string(e.what()).find("nope.yaml"), std::string::npos) << e.what();
    }
    EXPECT_THROW(loadConfig(dir.path().string()), Error);
}

TEST(ConfigErrors, LoadConfigNamesThePathItWasGiven)
{
    TempDir dir;
    const std::string path = dir.file("bad.yaml");
    vaclip::test::writeText(path, "# a comment\n\nstride: eight\n");
    try {
        loadConfig(path);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), path + ":3:9: stride: expected an integer, got 'eight'");
    }
}

TEST(ConfigSchema, KeysAreUniqueContiguousAndDocumented)
{
    // "a.b.c" -> {"a", "a.b"}
    const auto groupsOf = [](const std::string& path) {
        std::set<std::string> groups;
        for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', dot + 1))
            groups.insert(path.substr(0, dot));
        return groups;
    };
    std::set<std::string> paths;
    std::set<std::string> closed;  // groups already left: no later key may be inside them
    std::set<std::string> open;
    for (const ConfigKeyInfo& k : configKeys()) {
        EXPECT_TRUE(paths.insert(k.path).second) << "duplicate " << k.path;
        EXPECT_FALSE(k.description.empty()) << k.path;
        EXPECT_FALSE(k.defaultText.empty()) << k.path;
        EXPECT_FALSE(k.allowed.empty()) << k.path;
        const std::set<std::string> groups = groupsOf(k.path);
        for (const std::string& g : groups)
            EXPECT_EQ(closed.count(g), 0u) << k.path << ": the keys of group '" << g << "' must be contiguous";
        for (const std::string& g : open)
            if (!groups.count(g))
                closed.insert(g);
        open = groups;
    }
    EXPECT_EQ(paths.count("clip_length"), 1u);
    EXPECT_EQ(paths.count("generic_prompts.normal"), 1u);
}

TEST(ConfigSchema, DocsAreInSyncWithTheTable)
{
    const fs::path doc = vaclip::test::sourceDir() / "docs/configuration.md";
    ASSERT_TRUE(fs::exists(doc)) << "regenerate: vaclip check-config --print-schema-markdown > docs/configuration.md";
    EXPECT_EQ(vaclip::test::readText(doc.string()), configSchemaMarkdown())
        << "docs/configuration.md is stale; regenerate with "
           "`vaclip check-config --print-schema-markdown > docs/configuration.md`";
}

TEST(CheckConfigCommand, ValidConfigPrintsEffectiveYaml)
{
    const std::string file = (vaclip::test::sourceDir() / "configs/ucsd_test.yaml").string();
    const auto r = vaclip::test::runCommand(cli("check-config " + vaclip::test::shellQuote(file)));
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("valid"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("clip_length: 16"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("a person riding a bicycle"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("bootstrap_samples:"), std::string::npos) << r.output;  // defaults filled in
    EXPECT_EQ(configFromYaml(r.output, "stdout"), loadConfig(file));
}

TEST(CheckConfigCommand, TypoExitsOneWithSuggestion)
{
    TempDir dir;
    const std::string path = dir.file("typo.yaml");
    vaclip::test::writeText(path, "clip_lenght: 16\n");
    const auto r = vaclip::test::runCommand(cli("check-config " + vaclip::test::shellQuote(path)));
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("typo.yaml:1:1: unknown key 'clip_lenght' (did you mean 'clip_length'?)"),
              std::string::npos)
        << r.output;
}

TEST(CheckConfigCommand, MissingFileExitsOne)
{
    TempDir dir;
    const auto r = vaclip::test::runCommand(cli("check-config " + vaclip::test::shellQuote(dir.file("absent.yaml"))));
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("absent.yaml"), std::string::npos) << r.output;
}

TEST(CheckConfigCommand, NoArgumentsIsAUsageError)
{
    const auto r = vaclip::test::runCommand(cli("check-config"));
    EXPECT_EQ(r.exitCode, 2) << r.output;
}

TEST(CheckConfigCommand, PrintsSchemaAndDefaults)
{
    auto r = vaclip::test::runCommand(cli("check-config --print-schema-markdown"));
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output, configSchemaMarkdown());
    r = vaclip::test::runCommand(cli("check-config --print-defaults"));
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(configFromYaml(r.output, "defaults"), Config{});
}

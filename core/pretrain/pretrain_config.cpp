// YAML reader for the pretraining config (pretrain_config.h).

#include "pretrain/pretrain_config.h"

#include "common/error.h"
#include "io/atomic_file.h"

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>

namespace vaclip::pretrain {

PretrainFile loadPretrainConfig(const std::string& path)
{
    const std::string text = readFile(path);
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw Error(ErrorCode::Format, quoted(path) + ": invalid YAML: " + e.what());
    }
    PretrainFile f;
    if (root.IsNull())
        return f;
    if (!root.IsMap())
        throw Error(ErrorCode::Format, quoted(path) + ": expected a mapping of sections");
    PretrainConfig& c = f.config;
    using Setter = std::function<void(const YAML::Node&)>;
    auto integer = [](int& v) { return Setter([p = &v](const YAML::Node& n) { *p = n.as<int>(); }); };
    auto number = [](double& v) { return Setter([p = &v](const YAML::Node& n) { *p = n.as<double>(); }); };
    const std::map<std::string, std::map<std::string, Setter>> schema = {
        {"model",
         {{"image_size", integer(c.imageSize)}, {"patch_size", integer(c.patchSize)},
          {"vision_width", integer(c.visionWidth)}, {"vision_layers", integer(c.visionLayers)},
          {"vision_heads", integer(c.visionHeads)}, {"text_width", integer(c.textWidth)},
          {"text_layers", integer(c.textLayers)}, {"text_heads", integer(c.textHeads)},
          {"context_length", integer(c.contextLength)}, {"embed_dim", integer(c.embedDim)}}},
        {"training",
         {{"steps", integer(c.steps)}, {"batch_size", integer(c.batchSize)},
          {"learning_rate", number(c.learningRate)}, {"min_learning_rate_fraction", number(c.minLearningRateFraction)},
          {"warmup_steps", integer(c.warmupSteps)}, {"weight_decay", number(c.weightDecay)},
          {"seed", Setter([&c](const YAML::Node& n) { c.seed = n.as<uint64_t>(); })},
          {"threads", integer(f.threads)}, {"checkpoint_every", integer(c.checkpointEvery)},
          {"log_every", integer(c.logEvery)}}},
        {"curriculum",
         {{"single_actor_start", number(c.singleActorStart)}, {"single_actor_end", number(c.singleActorEnd)},
          {"empty_fraction", number(c.emptyFraction)}, {"max_crowd", integer(c.maxCrowd)},
          {"clip_fraction", number(c.clipFraction)}, {"flip_probability", number(c.flipProbability)}}},
        {"hard_negatives",
         {{"fraction", number(c.hardNegativeFraction)},
          {"kinds", Setter([&c](const YAML::Node& n) {
               if (!n.IsSequence())
                   throw YAML::Exception(YAML::Mark::null_mark(), "not a list");
               c.hardNegativeKinds.clear();
               for (const auto& item : n)
                   c.hardNegativeKinds.push_back(item.as<std::string>());
           })},
          {"zoom_fraction", number(c.zoomFraction)}, {"max_zoom", number(c.maxZoom)},
          {"max_crowd", integer(c.hardNegativeCrowd)}}},
        {"init", {{"weights", Setter([&c](const YAML::Node& n) { c.initWeights = n.as<std::string>(); })}}},
        {"output", {{"dir", Setter([&f](const YAML::Node& n) { f.outDir = n.as<std::string>(); })}}},
    };
    auto expected = [](const std::string& section, const std::string& key) -> std::string {
        if (section == "output" || section == "init")
            return "a path";
        if (key == "kinds")
            return "a list of actor kinds";
        return "a number";
    };
    for (const auto& section : root) {
        const std::string name = section.first.as<std::string>();
        auto s = schema.find(name);
        if (s == schema.end())
            throw Error(ErrorCode::Format, quoted(path) + ": unknown section '" + name +
                                               "' (expected model, training, curriculum, hard_negatives, "
                                               "init, output)");
        if (section.second.IsNull())
            continue;
        if (!section.second.IsMap())
            throw Error(ErrorCode::Format, quoted(path) + ": section '" + name + "' must be a mapping");
        for (const auto& entry : section.second) {
            const std::string key = entry.first.as<std::string>();
            auto k = s->second.find(key);
            if (k == s->second.end())
                throw Error(ErrorCode::Format, quoted(path) + ": unknown key '" + name + "." + key + "'");
            try {
                if (!entry.second.IsScalar() && key != "kinds")
                    throw YAML::Exception(YAML::Mark::null_mark(), "not a scalar");
                k->second(entry.second);
            } catch (const YAML::Exception&) {
                throw Error(ErrorCode::Format, quoted(path) + ": " + name + "." + key + ": expected " +
                                                   expected(name, key) + ", found '" +
                                                   (entry.second.IsScalar() ? entry.second.Scalar() : "a structure") +
                                                   "'");
            }
        }
    }
    if (f.threads < 0)
        throw Error(ErrorCode::InvalidArgument, quoted(path) + ": training.threads must be >= 0");
    try {
        validatePretrainConfig(c);
    } catch (const Error& e) {
        throw Error(e.code(), quoted(path) + ": " + e.what());
    }
    return f;
}

} // namespace vaclip::pretrain

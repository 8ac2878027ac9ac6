// The key table. Adding a setting = a member in config.h (with its default) + one line here;
// loading, validation, effectiveYaml() and docs/configuration.md follow from this table.
#include "config/schema_fields.h"

#include <algorithm>
#include <limits>
#include <type_traits>

namespace vaclip {

const char* toString(TemporalPosition value)
{
    switch (value) {
    case TemporalPosition::Learned: return "learned";
    case TemporalPosition::Sinusoidal: return "sinusoidal";
    }
    return "?";
}

const char* toString(SupervisionMode value)
{
    switch (value) {
    case SupervisionMode::Auto: return "auto";
    case SupervisionMode::Frame: return "frame";
    case SupervisionMode::Video: return "video";
    case SupervisionMode::Pixel: return "pixel";
    case SupervisionMode::NormalOnly: return "normal_only";
    }
    return "?";
}

const char* toString(ScoringMode value)
{
    switch (value) {
    case ScoringMode::MaxCosine: return "max_cosine";
    case ScoringMode::SoftmaxVsNormal: return "softmax_vs_normal";
    case ScoringMode::CalibratedMax: return "calibrated_max";
    }
    return "?";
}

const char* toString(PromptMode value)
{
    switch (value) {
    case PromptMode::Plain: return "plain";
    case PromptMode::LearnedContext: return "learned_context";
    }
    return "?";
}

const char* toString(ApDefinition value)
{
    switch (value) {
    case ApDefinition::Step: return "step";
    case ApDefinition::Trapezoid: return "trapezoid";
    }
    return "?";
}

const char* toString(VideoScoreMode value)
{
    switch (value) {
    case VideoScoreMode::Max: return "max";
    case VideoScoreMode::TopKMean: return "topk_mean";
    }
    return "?";
}

const char* toString(ConfigValueType type)
{
    switch (type) {
    case ConfigValueType::Bool: return "boolean";
    case ConfigValueType::Integer: return "integer";
    case ConfigValueType::Number: return "number";
    case ConfigValueType::String: return "string";
    case ConfigValueType::Path: return "path";
    case ConfigValueType::Choice: return "choice";
    case ConfigValueType::StringList: return "list of strings";
    case ConfigValueType::ChoiceList: return "list of choices";
    }
    return "?";
}

namespace config_detail {
namespace {

// ---- enum <-> word ---------------------------------------------------------------------------

template <typename E> std::vector<E> enumValues();
template <> std::vector<TemporalPosition> enumValues()
{
    return {TemporalPosition::Learned, TemporalPosition::Sinusoidal};
}
template <> std::vector<SupervisionMode> enumValues()
{
    return {SupervisionMode::Auto, SupervisionMode::Frame, SupervisionMode::Video,
            SupervisionMode::Pixel, SupervisionMode::NormalOnly};
}
template <> std::vector<ScoringMode> enumValues()
{
    return {ScoringMode::MaxCosine, ScoringMode::SoftmaxVsNormal, ScoringMode::CalibratedMax};
}
template <> std::vector<PromptMode> enumValues() { return {PromptMode::Plain, PromptMode::LearnedContext}; }
template <> std::vector<ApDefinition> enumValues() { return {ApDefinition::Step, ApDefinition::Trapezoid}; }
template <> std::vector<VideoScoreMode> enumValues() { return {VideoScoreMode::Max, VideoScoreMode::TopKMean}; }

template <typename E> std::vector<std::string> enumWords()
{
    std::vector<std::string> words;
    for (E e : enumValues<E>())
        words.emplace_back(toString(e));
    return words;
}

// ---- member <-> Value (values reaching set() are already validated) --------------------------

template <typename T> Value toValue(const T& v)
{
    if constexpr (std::is_same_v<T, bool>)
        return v;
    else if constexpr (std::is_enum_v<T>)
        return std::string(toString(v));
    else if constexpr (std::is_integral_v<T>)
        return static_cast<std::int64_t>(v);
    else
        return v;
}

template <typename T> void fromValue(const Value& v, T& out)
{
    if constexpr (std::is_same_v<T, bool>)
        out = std::get<bool>(v);
    else if constexpr (std::is_enum_v<T>) {
        for (T e : enumValues<T>())
            if (std::get<std::string>(v) == toString(e))
                out = e;
    } else if constexpr (std::is_integral_v<T>)
        out = static_cast<T>(std::get<std::int64_t>(v));
    else
        out = std::get<T>(v);
}

// A key's member: VACLIP_KEY(training.learning_rate) is a function Config& -> member&.
#define VACLIP_KEY(member) [](Config& c) -> auto& { return c.member; }

template <typename Ref> using MemberOf = std::remove_reference_t<decltype(std::declval<Ref>()(std::declval<Config&>()))>;

template <typename Ref>
Field makeField(std::string path, ConfigValueType type, Ref ref, std::string description)
{
    Field f;
    f.info.path = std::move(path);
    f.info.type = type;
    f.info.description = std::move(description);
    f.get = [ref](const Config& c) { return toValue(ref(const_cast<Config&>(c))); };
    f.set = [ref](Config& c, const Value& v) { fromValue(v, ref(c)); };
    return f;
}

template <typename Ref> Field boolean(std::string path, Ref ref, std::string description)
{
    return makeField(std::move(path), ConfigValueType::Bool, ref, std::move(description));
}

template <typename Ref> Field integer(std::string path, Ref ref, Bounds bounds, std::string description)
{
    using T = MemberOf<Ref>;
    Field f = makeField(std::move(path), ConfigValueType::Integer, ref, std::move(description));
    f.bounds = std::move(bounds);
    f.typeMin = std::is_signed_v<T> ? static_cast<std::int64_t>(std::numeric_limits<T>::min()) : 0;
    f.typeMax = static_cast<std::int64_t>(
        std::min<std::uint64_t>(std::numeric_limits<T>::max(), std::numeric_limits<std::int64_t>::max()));
    return f;
}

template <typename Ref> Field number(std::string path, Ref ref, Bounds bounds, std::string description)
{
    Field f = makeField(std::move(path), ConfigValueType::Number, ref, std::move(description));
    f.bounds = std::move(bounds);
    return f;
}

template <typename Ref> Field text(std::string path, Ref ref, std::string description)
{
    return makeField(std::move(path), ConfigValueType::String, ref, std::move(description));
}

template <typename Ref> Field pathKey(std::string path, Ref ref, std::string description)
{
    return makeField(std::move(path), ConfigValueType::Path, ref, std::move(description));
}

template <typename Ref> Field choice(std::string path, Ref ref, std::string description)
{
    Field f = makeField(std::move(path), ConfigValueType::Choice, ref, std::move(description));
    f.choices = enumWords<MemberOf<Ref>>();
    return f;
}

template <typename Ref>
Field strings(std::string path, Ref ref, std::size_t minItems, std::string description)
{
    Field f = makeField(std::move(path), ConfigValueType::StringList, ref, std::move(description));
    f.minItems = minItems;
    return f;
}

template <typename Ref>
Field choiceList(std::string path, Ref ref, std::vector<std::string> choices, std::string description)
{
    Field f = makeField(std::move(path), ConfigValueType::ChoiceList, ref, std::move(description));
    f.choices = std::move(choices);
    return f;
}

Bounds between(double lo, double hi) { return {lo, hi, false, false, {}}; }
Bounds atLeast(double lo) { return {lo, std::nullopt, false, false, {}}; }
Bounds above(double lo) { return {lo, std::nullopt, true, false, {}}; }
Bounds withText(Bounds b, std::string text)
{
    b.text = std::move(text);
    return b;
}

std::string checkDevice(const Value& v)
{
    const std::string& s = std::get<std::string>(v);
    if (s == "cpu" || s == "cuda")
        return {};
    if (s.rfind("cuda:", 0) == 0 && s.size() > 5 &&
        std::all_of(s.begin() + 5, s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return {};
    return "'" + s + "' is not a device (allowed: cpu, cuda, cuda:N)";
}

std::string checkNotEmpty(const Value& v)
{
    return std::get<std::string>(v).empty() ? std::string("must not be empty") : std::string();
}

std::vector<Field> buildTable()
{
    std::vector<Field> t{
        // ---- top level: the research code's names -------------------------------------------
        integer("temporal_transformer_layers", VACLIP_KEY(temporalTransformerLayers), between(0, 64),
                "layers of the temporal transformer over frame embeddings; 0 = plain CLIP features"),
        integer("temporal_heads", VACLIP_KEY(temporalHeads), between(1, 64),
                "attention heads per temporal transformer layer (the embedding width must be divisible by it)"),
        integer("clip_length", VACLIP_KEY(clipLength), between(1, 1024),
                "frames per temporal window"),
        integer("stride", VACLIP_KEY(stride), withText(between(1, 1024), "1 .. clip_length"),
                "frames between the starts of consecutive windows (stride < clip_length overlaps them)"),
        strings("generic_prompts.normal", VACLIP_KEY(genericPrompts.normal), 1,
                "generic prompts for normal frames; training learns their shared context"),
        strings("generic_prompts.abnormal", VACLIP_KEY(genericPrompts.abnormal), 1,
                "generic prompts for anomalous frames; training learns their shared context"),
        strings("semantic_prompts", VACLIP_KEY(semanticPrompts), 0,
                "test-time anomaly descriptions, S(t) = max_i cos(V_t, T_i); empty = generic_prompts.abnormal"),
        pathKey("output_dir", VACLIP_KEY(outputDir),
                "folder for scores, reports and plots"),
        // ---- dataset ----------------------------------------------------------------------------
        pathKey("dataset.meta", VACLIP_KEY(dataset.meta),
                "meta.json listing videos, labels and ground truth (made by `vaclip import`)"),
        pathKey("dataset.root", VACLIP_KEY(dataset.root),
                "folder the video paths in meta.json resolve against; empty = the meta.json's folder"),
        text("dataset.train_split", VACLIP_KEY(dataset.trainSplit),
             "split of meta.json used for training"),
        text("dataset.test_split", VACLIP_KEY(dataset.testSplit),
             "split of meta.json used for testing and evaluation"),
        // ---- backbone ---------------------------------------------------------------------------
        pathKey("backbone.path", VACLIP_KEY(backbone.path),
                "CLIP weights: OpenAI .pt, .safetensors, or a Hugging Face model folder"),
        integer("backbone.input_size", VACLIP_KEY(backbone.inputSize), between(32, 2048),
                "side in pixels of the square image the encoder sees (resize shorter side, centre crop)"),
        text("backbone.device", VACLIP_KEY(backbone.device),
             "where the model runs: cpu, cuda or cuda:N"),
        // ---- features -----------------------------------------------------------------------
        pathKey("features.cache_dir", VACLIP_KEY(features.cacheDir),
                "folder of cached frame embeddings (one file per video, backbone and preprocessing)"),
        integer("features.batch_size", VACLIP_KEY(features.batchSize), between(1, 4096),
                "frames per image-encoder batch during feature extraction"),
        // ---- training -----------------------------------------------------------------------
        number("training.learning_rate", VACLIP_KEY(training.learningRate), above(0),
               "optimiser learning rate"),
        number("training.weight_decay", VACLIP_KEY(training.weightDecay), atLeast(0),
               "L2 weight decay"),
        integer("training.epochs", VACLIP_KEY(training.epochs), between(1, 100000),
                "passes over the training windows"),
        integer("training.batch_size", VACLIP_KEY(training.batchSize), between(1, 65536),
                "windows per optimiser step"),
        integer("training.warmup_epochs", VACLIP_KEY(training.warmupEpochs), atLeast(0),
                "epochs of linear learning-rate warm-up; 0 = none"),
        integer("training.seed", VACLIP_KEY(training.seed), atLeast(0),
                "random seed for initialisation, shuffling and pseudo-anomalies"),
        integer("training.threads", VACLIP_KEY(training.threads), atLeast(0),
                "CPU threads for every stage (extraction, training, testing); 0 = all cores"),
        integer("training.n_ctx", VACLIP_KEY(training.nCtx), between(1, 64),
                "learnable context tokens in front of each generic prompt"),
        integer("training.deep_prompt_layers", VACLIP_KEY(training.deepPromptLayers), between(0, 48),
                "text-encoder layers that also get learnable prompt tokens; 0 = input layer only"),
        number("training.dropout", VACLIP_KEY(training.dropout), Bounds{0.0, 1.0, false, true, {}},
               "dropout inside the temporal transformer"),
        choice("training.temporal_position", VACLIP_KEY(training.temporalPosition),
               "position encoding of frames inside a window"),
        choice("training.supervision", VACLIP_KEY(training.supervision),
               "labels used: auto = the finest the dataset has; normal_only = pseudo-anomalies only"),
        boolean("training.pseudo_anomalies.skip_frames", VACLIP_KEY(training.pseudoAnomalies.skipFrames),
                "make pseudo-anomalies by skipping frames (unnatural speed)"),
        boolean("training.pseudo_anomalies.reverse", VACLIP_KEY(training.pseudoAnomalies.reverse),
                "make pseudo-anomalies by playing a window backwards"),
        boolean("training.pseudo_anomalies.shuffle", VACLIP_KEY(training.pseudoAnomalies.shuffle),
                "make pseudo-anomalies by shuffling the frames of a window"),
        boolean("training.pseudo_anomalies.paste_patches", VACLIP_KEY(training.pseudoAnomalies.pastePatches),
                "make pseudo-anomalies by pasting patches from other videos (needs patch tokens)"),
        boolean("training.pixel_loss.enabled", VACLIP_KEY(training.pixelLoss.enabled),
                "focal + dice loss on patch-level anomaly maps when training videos have pixel masks and "
                "the feature cache has patch tokens (vaclip extract --tokens)"),
        number("training.pixel_loss.focal_weight", VACLIP_KEY(training.pixelLoss.focalWeight), atLeast(0),
               "weight of the focal loss on patch anomaly probabilities"),
        number("training.pixel_loss.dice_weight", VACLIP_KEY(training.pixelLoss.diceWeight), atLeast(0),
               "weight of the dice loss on patch anomaly maps (abnormal and normal channel)"),
        number("training.pixel_loss.focal_gamma", VACLIP_KEY(training.pixelLoss.focalGamma), atLeast(0),
               "focusing exponent of the focal loss; 0 = binary cross-entropy"),
        integer("training.pixel_loss.frames_per_window", VACLIP_KEY(training.pixelLoss.framesPerWindow),
                between(1, 4096), "frames of each window (evenly spaced) whose patch maps are supervised"),
        number("training.smoothness_weight", VACLIP_KEY(training.smoothnessWeight), atLeast(0),
               "weight of the temporal smoothness penalty on consecutive frame scores; 0 = off"),
        pathKey("training.checkpoint_dir", VACLIP_KEY(training.checkpointDir),
                "folder for training checkpoints"),
        integer("training.checkpoint_every", VACLIP_KEY(training.checkpointEvery), atLeast(1),
                "epochs between checkpoints"),
        boolean("training.resume", VACLIP_KEY(training.resume),
                "continue from the latest checkpoint in checkpoint_dir"),
        text("training.validation_split", VACLIP_KEY(training.validationSplit),
             "meta.json split scored after every epoch to keep best.ckpt by frame AUC; empty = none"),
        // ---- testing ------------------------------------------------------------------------
        pathKey("testing.checkpoint", VACLIP_KEY(testing.checkpoint),
                "trained weights: a checkpoint file or a folder (its latest); empty = training.checkpoint_dir"),
        choice("testing.scoring", VACLIP_KEY(testing.scoring),
               "frame score: max_cosine = max_i cos(V_t, T_i); softmax_vs_normal = p(abnormal) against the normal prompts; "
               "calibrated_max = max_i of cos(V_t, T_i) z-scored per prompt on normal reference frames"),
        choice("testing.prompt_mode", VACLIP_KEY(testing.promptMode),
               "plain = prompts as typed; learned_context = inside the generic context learned in training"),
        number("testing.softmax_temperature", VACLIP_KEY(testing.softmaxTemperature), above(0),
               "temperature of softmax_vs_normal (CLIP uses 0.01)"),
        number("testing.smoothing.gaussian_sigma", VACLIP_KEY(testing.smoothing.gaussianSigma), atLeast(0),
               "Gaussian smoothing of frame scores, sigma in frames; 0 = off"),
        integer("testing.smoothing.moving_average", VACLIP_KEY(testing.smoothing.movingAverage), between(0, 100000),
                "moving-average window of frame scores in frames; 0 = off"),
        boolean("testing.pixel_maps", VACLIP_KEY(testing.pixelMaps),
                "also compute per-pixel anomaly maps from patch tokens"),
        // ---- evaluation ---------------------------------------------------------------------
        choiceList("evaluation.metrics", VACLIP_KEY(evaluation.metrics),
                   {"frame_auc", "frame_ap", "frame_auc_per_video", "video_auc", "video_ap", "pixel_auc", "aupro"},
                   "metrics to report (pixel_auc and aupro need pixel ground truth and testing.pixel_maps)"),
        integer("evaluation.bootstrap_samples", VACLIP_KEY(evaluation.bootstrapSamples), between(0, 1000000),
                "bootstrap resamples for confidence intervals; 0 = no intervals"),
        integer("evaluation.bootstrap_seed", VACLIP_KEY(evaluation.bootstrapSeed), atLeast(0),
                "random seed of the bootstrap"),
        boolean("evaluation.plot_curves", VACLIP_KEY(evaluation.plotCurves),
                "write ROC and precision-recall curves as data and plots"),
        choice("evaluation.ap_definition", VACLIP_KEY(evaluation.apDefinition),
               "AP reported: step = sklearn average_precision_score; trapezoid = auc(recall, precision)"),
        choice("evaluation.video_score", VACLIP_KEY(evaluation.videoScore),
               "a video's score for video-level AUC/AP: max of its frames, or mean of its top_k frames"),
        integer("evaluation.top_k", VACLIP_KEY(evaluation.topK), between(1, 1000000),
                "frames averaged by video_score topk_mean"),
    };
    for (Field& f : t) {
        if (f.info.path == "backbone.device")
            f.check = checkDevice;
        if (f.info.path == "dataset.train_split" || f.info.path == "dataset.test_split")
            f.check = checkNotEmpty;
    }

    const Config defaults;
    for (Field& f : t) {
        f.info.defaultText = formatValue(f.get(defaults), f.info.type);
        std::string& allowed = f.info.allowed;
        const Bounds& b = f.bounds;
        if (!b.text.empty()) {
            allowed = b.text;
        } else if (f.info.type == ConfigValueType::Integer || f.info.type == ConfigValueType::Number) {
            auto num = [&](double v) {
                return f.info.type == ConfigValueType::Integer ? std::to_string(static_cast<long long>(v))
                                                               : formatNumber(v);
            };
            if (b.min && b.max && !b.minExclusive && !b.maxExclusive)
                allowed = num(*b.min) + " .. " + num(*b.max);
            else if (b.min && b.max)
                allowed = std::string(b.minExclusive ? "> " : ">= ") + num(*b.min) + " and " +
                          (b.maxExclusive ? "< " : "<= ") + num(*b.max);
            else if (b.min)
                allowed = std::string(b.minExclusive ? "> " : ">= ") + num(*b.min);
            else if (b.max)
                allowed = std::string(b.maxExclusive ? "< " : "<= ") + num(*b.max);
            else
                allowed = "any";
        } else if (!f.choices.empty()) {
            for (const std::string& c : f.choices)
                allowed += (allowed.empty() ? "" : ", ") + c;
        } else if (f.info.path == "backbone.device") {
            allowed = "cpu, cuda, cuda:N";
        } else if (f.minItems > 0) {
            allowed = "at least " + std::to_string(f.minItems) + " non-empty";
        } else if (f.info.type == ConfigValueType::Bool) {
            allowed = "true, false";
        } else if (f.check) {
            allowed = "non-empty";
        } else {
            allowed = "any";
        }
    }
    return t;
}

#undef VACLIP_KEY

} // namespace

const std::vector<Field>& fields()
{
    static const std::vector<Field> table = buildTable();
    return table;
}

const Field* findField(const std::string& path)
{
    for (const Field& f : fields())
        if (f.info.path == path)
            return &f;
    return nullptr;
}

bool isGroup(const std::string& path)
{
    for (const Field& f : fields())
        if (f.info.path.size() > path.size() && f.info.path.compare(0, path.size(), path) == 0 &&
            f.info.path[path.size()] == '.')
            return true;
    return false;
}

std::vector<std::string> childrenOf(const std::string& group)
{
    const std::string prefix = group.empty() ? std::string() : group + ".";
    std::vector<std::string> names;
    for (const Field& f : fields()) {
        const std::string& p = f.info.path;
        if (p.compare(0, prefix.size(), prefix) != 0)
            continue;
        std::string name = p.substr(prefix.size(), p.find('.', prefix.size()) - prefix.size());
        if (std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
    }
    return names;
}

} // namespace config_detail

bool operator==(const Config& a, const Config& b)
{
    for (const config_detail::Field& f : config_detail::fields())
        if (f.get(a) != f.get(b))
            return false;
    return true;
}

const std::vector<ConfigKeyInfo>& configKeys()
{
    static const std::vector<ConfigKeyInfo> keys = [] {
        std::vector<ConfigKeyInfo> out;
        for (const config_detail::Field& f : config_detail::fields())
            out.push_back(f.info);
        return out;
    }();
    return keys;
}

} // namespace vaclip

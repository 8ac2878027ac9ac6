#include "eval/report.h"

#include "io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace vaclip::eval {

namespace {

json num(double x)
{
    return std::isfinite(x) ? json(x) : json(nullptr);
}

json metric(double value, const std::string& definition)
{
    return {{"value", num(value)}, {"definition", definition}};
}

std::string g17(double x)
{
    if (std::isnan(x))
        return "";
    if (std::isinf(x))
        return x > 0 ? "inf" : "-inf";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    return buf;
}

json point(const OperatingPoint& p, const std::string& definition)
{
    return {{"threshold", num(p.threshold)}, {"tpr", num(p.tpr)},     {"fpr", num(p.fpr)},
            {"precision", num(p.precision)}, {"f1", num(p.f1)},       {"definition", definition}};
}

const char* kAucDef = "ROC AUC: trapezoid area under the ROC curve with one point per distinct score "
                      "(ties count half), = sklearn.metrics.roc_auc_score";
const char* kApStepDef = "average precision, step-wise: sum_k (R_k - R_{k-1}) P_k over distinct thresholds, "
                         "= sklearn.metrics.average_precision_score";
const char* kApTrapDef = "area under the precision-recall curve by the trapezoid rule, starting at (recall 0, "
                         "precision 1), = sklearn.metrics.auc(recall, precision) over precision_recall_curve";

json rankingBlock(const RankingSummary& s, ApDefinition ap, const std::string& population)
{
    json j;
    j["population"] = population;
    j["positives"] = s.positives;
    j["negatives"] = s.negatives;
    j["thresholds"] = s.thresholds;
    j["auc"] = metric(s.auc, kAucDef);
    j["ap"] = metric(s.ap(ap), std::string("the AP reported (") + toString(ap) + "): "
                                   + (ap == ApDefinition::Step ? kApStepDef : kApTrapDef));
    j["ap_step"] = metric(s.apStep, kApStepDef);
    j["ap_trapezoid"] = metric(s.apTrapezoid, kApTrapDef);
    j["eer"] = metric(s.eer, "equal error rate: FPR where FPR = FNR (= 1 - TPR), linear interpolation "
                             "between ROC points; threshold = first point with FPR >= FNR");
    j["eer_threshold"] = num(s.eerThreshold);
    j["youden"] = point(s.youden, "max TPR - FPR over thresholds (highest threshold on ties); "
                                  "anomalous when score >= threshold");
    j["best_f1"] = point(s.bestF1, "max F1 = 2 TP / (2 TP + FP + FN) over thresholds (highest on ties)");
    return j;
}

json ciBlock(const BootstrapResult& b)
{
    if (b.options.samples == 0)
        return json(nullptr);
    auto iv = [](const BootstrapInterval& i) {
        return json{{"low", num(i.low)}, {"high", num(i.high)}, {"stddev", num(i.stddev)}};
    };
    return {{"auc", iv(b.auc)},
            {"ap", iv(b.ap)},
            {"samples", b.options.samples},
            {"valid", b.valid},
            {"skipped_single_class", b.skipped},
            {"seed", b.options.seed},
            {"level", b.options.level},
            {"definition", "percentile bootstrap over videos: resample the test videos with replacement "
                           "(mt19937_64(seed)), recompute the micro metric on the concatenation, take the "
                           "(1-level)/2 and (1+level)/2 percentiles (numpy linear); single-class resamples skipped"}};
}

} // namespace

std::string metricsJson(const ReportInputs& in, const EvaluationResult& r, const PixelEvaluation* pixel)
{
    const EvalOptions& o = r.options;
    json j;
    j["format"] = "vaclip-evaluation";
    j["version"] = 1;
    int64_t frames = 0, anomalous = 0;
    for (const PerVideoResult& v : r.perVideo) {
        frames += v.frames;
        anomalous += v.anomalousFrames;
    }
    j["inputs"] = {{"gt_path", in.gtPath},       {"dataset", in.dataset},
                   {"pred_path", in.predPath},   {"pixel_maps", in.pixelMaps.empty() ? json(nullptr) : json(in.pixelMaps)},
                   {"config", in.config.empty() ? json(nullptr) : json(in.config)},
                   {"videos", r.perVideo.size()}, {"frames", frames}, {"anomalous_frames", anomalous}};
    j["options"] = {
        {"postprocess",
         {{"applied", o.post.describe()},
          {"gaussian_sigma", o.post.gaussianSigma},
          {"moving_average", o.post.movingAverage},
          {"minmax", o.post.minMax},
          {"config_testing_smoothing",
           in.configSmoothing.empty() ? json(nullptr) : [&] {
               json c = json::object();
               for (const auto& kv : in.configSmoothing)
                   c[kv.first] = kv.second;
               c["note"] = "applied by vaclip test to the scores it wrote; not applied again here";
               return c;
           }()},
          {"definition", "per video, in this order: scipy.ndimage.gaussian_filter1d(sigma, mode=reflect, truncate=4), "
                         "uniform_filter1d(window, mode=reflect), (x - min) / (max - min); 0 / false = off"}}},
        {"video_score",
         {{"mode", toString(o.videoScore)},
          {"top_k", o.topK},
          {"definition", "a video's score: the max of its frame scores, or the mean of its top_k highest"}}},
        {"ap_definition", toString(o.ap)},
        {"roc_drop_intermediate", o.dropIntermediate},
        {"bootstrap", {{"samples", o.bootstrap.samples}, {"seed", o.bootstrap.seed}, {"level", o.bootstrap.level}}}};

    json micro = rankingBlock(r.micro, o.ap, "every frame of every test video, concatenated (micro)");
    micro["ci"] = ciBlock(r.bootstrap);
    j["frame_micro"] = micro;

    json undefinedNames = json::array();
    for (const PerVideoResult& v : r.perVideo)
        if (!v.defined)
            undefinedNames.push_back(v.name);
    j["frame_macro"] = {
        {"auc", metric(r.macro.auc, "mean of per-video ROC AUC over videos with both classes")},
        {"ap", metric(r.macro.ap, std::string("mean of per-video AP (") + toString(o.ap) + ") over videos with both classes")},
        {"videos_defined", r.macro.definedVideos},
        {"videos_undefined", r.macro.undefinedVideos},
        {"undefined_videos", undefinedNames},
        {"undefined_rule", "a video whose frames are all normal or all anomalous has no per-video AUC/AP: "
                           "reported as undefined (null), left out of the means, and counted here"}};

    json video = rankingBlock(r.videoLevel, o.ap, std::string("one score per video (") + toString(o.videoScore)
                                                      + "), label = any anomalous frame");
    if (!r.videoLevel.defined)
        video["reason"] = std::string("all ") + std::to_string(r.perVideo.size()) + " videos are "
                          + (r.videoLevel.positives > 0 ? "anomalous" : "normal") + " at video level: AUC/AP undefined";
    j["video_level"] = video;

    if (pixel) {
        const PixelMetrics& m = pixel->metrics;
        j["pixel"] = {
            {"auroc", metric(m.auroc, "ROC AUC over every pixel of every frame of the videos with masks")},
            {"aupro", metric(m.aupro, "area under PRO(FPR) from FPR 0 to fpr_limit (interpolated at the limit) "
                                      "divided by fpr_limit; PRO = mean over 8-connected ground-truth regions of "
                                      "the fraction of the region at or above the threshold; FPR over all normal pixels")},
            {"fpr_limit", m.options.fprLimit},
            {"exact", m.exact},
            {"auroc_error_bound", m.aurocErrorBound},
            {"aupro_error_bound", m.auproErrorBound},
            {"bins", m.options.bins},
            {"occupied_bins", m.occupiedBins},
            {"multi_valued_bins", m.multiValuedBins},
            {"score_min", num(m.range.min)},
            {"score_max", num(m.range.max)},
            {"videos", pixel->videos},
            {"videos_without_masks", pixel->withoutMasks},
            {"frames", m.frames},
            {"normal_pixels", m.normalPixels},
            {"anomalous_pixels", m.anomalousPixels},
            {"regions", m.regions},
            {"exactness", "scores binned into `bins` equal bins over [score_min, score_max]; exact when every "
                          "occupied bin holds one distinct score, else the areas are within the error bounds"}};
    } else {
        j["pixel"] = nullptr;
    }

    json pv = json::array();
    for (const PerVideoResult& v : r.perVideo)
        pv.push_back({{"video", v.name},
                      {"frames", v.frames},
                      {"anomalous_frames", v.anomalousFrames},
                      {"auc", num(v.auc)},
                      {"ap", num(v.ap)},
                      {"video_score", num(v.videoScore)},
                      {"video_label", v.videoLabel}});
    j["per_video"] = pv;
    return j.dump(2) + "\n";
}

std::vector<std::string> writeReport(const std::string& outDir, const ReportInputs& in, const EvaluationResult& r,
                                     const PixelEvaluation* pixel)
{
    const fs::path dir(outDir);
    std::vector<std::string> written;
    auto put = [&](const std::string& name, const std::string& text) {
        const std::string p = (dir / name).string();
        writeFileAtomic(p, text);
        written.push_back(p);
    };
    put("metrics.json", metricsJson(in, r, pixel));

    std::ostringstream pv;
    pv << "video,frames,anomalous_frames,auc,ap,video_score,video_label\n";
    for (const PerVideoResult& v : r.perVideo) {
        std::string name = v.name;
        if (name.find_first_of(",\"\n") != std::string::npos) {
            std::string q = "\"";
            for (char c : name)
                q += c == '"' ? std::string("\"\"") : std::string(1, c);
            name = q + "\"";
        }
        pv << name << "," << v.frames << "," << v.anomalousFrames << "," << g17(v.auc) << "," << g17(v.ap) << ","
           << g17(v.videoScore) << "," << v.videoLabel << "\n";
    }
    put("per_video.csv", pv.str());

    std::string roc = "threshold,fpr,tpr\n";
    for (std::size_t i = 0; i < r.microRoc.fpr.size(); ++i)
        roc += g17(r.microRoc.thresholds[i]) + "," + g17(r.microRoc.fpr[i]) + "," + g17(r.microRoc.tpr[i]) + "\n";
    put("roc.csv", roc);

    std::string pr = "threshold,precision,recall\n";
    for (std::size_t i = 0; i < r.microPr.precision.size(); ++i)
        pr += (i < r.microPr.thresholds.size() ? g17(r.microPr.thresholds[i]) : std::string()) + ","
              + g17(r.microPr.precision[i]) + "," + g17(r.microPr.recall[i]) + "\n";
    put("pr.csv", pr);
    return written;
}

std::string summaryTable(const EvaluationResult& r, const PixelEvaluation* pixel)
{
    std::ostringstream s;
    auto val = [](double x) {
        char buf[32];
        if (std::isnan(x))
            return std::string("     -");
        std::snprintf(buf, sizeof buf, "%6.4f", x);
        return std::string(buf);
    };
    auto ci = [&](const BootstrapInterval& i) {
        if (r.options.bootstrap.samples == 0 || std::isnan(i.low))
            return std::string();
        return "  [" + val(i.low) + ", " + val(i.high) + "]";
    };
    const std::string apName = std::string("AP (") + toString(r.options.ap) + ")";
    char header[160];
    std::snprintf(header, sizeof header, "%-28s %-8s %-8s\n", "level", "AUC", apName.c_str());
    s << header;
    auto row = [&](const std::string& name, double auc, double ap, const std::string& extra) {
        char line[200];
        std::snprintf(line, sizeof line, "%-28s %-8s %-8s", name.c_str(), val(auc).c_str(), val(ap).c_str());
        s << line << extra << "\n";
    };
    row("frame, micro", r.micro.auc, r.micro.ap(r.options.ap),
        r.options.bootstrap.samples ? "  " + std::to_string(int(r.options.bootstrap.level * 100)) + "% CI AUC"
                                          + ci(r.bootstrap.auc) + " AP" + ci(r.bootstrap.ap)
                                    : std::string());
    row("frame, macro (" + std::to_string(r.macro.definedVideos) + " videos)", r.macro.auc, r.macro.ap,
        r.macro.undefinedVideos ? "  " + std::to_string(r.macro.undefinedVideos) + " single-class videos left out"
                                : std::string());
    row(std::string("video (") + toString(r.options.videoScore) + ")", r.videoLevel.auc, r.videoLevel.ap(r.options.ap),
        r.videoLevel.defined ? std::string() : "  undefined: every video has the same label");
    if (pixel)
        row("pixel (AUROC, AUPRO@" + [&] {
                char b[16];
                std::snprintf(b, sizeof b, "%g", pixel->metrics.options.fprLimit);
                return std::string(b);
            }() + ")",
            pixel->metrics.auroc,
            pixel->metrics.aupro, pixel->metrics.exact ? "  exact" : "  binned, error <= " + val(pixel->metrics.auproErrorBound));
    char tail[200];
    std::snprintf(tail, sizeof tail, "EER %s  Youden J threshold %.6g  best F1 %s at %.6g  post-processing: %s\n",
                  val(r.micro.eer).c_str(), r.micro.youden.threshold, val(r.micro.bestF1.f1).c_str(),
                  r.micro.bestF1.threshold, r.options.post.describe().c_str());
    s << tail;
    return s.str();
}

} // namespace vaclip::eval

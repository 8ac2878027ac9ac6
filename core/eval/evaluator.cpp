#include "eval/evaluator.h"

#include "common/error.h"
#include "eval/validate.h"

#include <algorithm>
#include <functional>

namespace vaclip::eval {

const char* toString(VideoScoreMode mode)
{
    return mode == VideoScoreMode::Max ? "max" : "topk_mean";
}

VideoScoreMode parseVideoScoreMode(const std::string& name)
{
    if (name == "max")
        return VideoScoreMode::Max;
    if (name == "topk_mean" || name == "topk")
        return VideoScoreMode::TopKMean;
    throw Error(ErrorCode::InvalidArgument, "unknown video score '" + name + "' (expected max or topk_mean)");
}

double videoScore(const std::vector<double>& scores, VideoScoreMode mode, int topK)
{
    if (scores.empty())
        throw Error(ErrorCode::InvalidArgument, "video score of an empty video");
    if (mode == VideoScoreMode::Max)
        return *std::max_element(scores.begin(), scores.end());
    if (topK < 1)
        throw Error(ErrorCode::InvalidArgument, "top-k: k must be >= 1, got " + std::to_string(topK));
    std::vector<double> s = scores;
    const std::size_t k = std::min<std::size_t>(std::size_t(topK), s.size());
    std::partial_sort(s.begin(), s.begin() + std::ptrdiff_t(k), s.end(), std::greater<double>());
    double sum = 0;
    for (std::size_t i = 0; i < k; ++i)
        sum += s[i];
    return sum / double(k);
}

EvaluationResult evaluate(const std::vector<VideoScores>& videos, const EvalOptions& options)
{
    if (videos.empty())
        throw Error(ErrorCode::InvalidArgument, "nothing to evaluate: no videos");
    if (videos.size() >= (std::size_t(1) << 31))
        throw Error(ErrorCode::InvalidArgument, "too many videos");
    EvaluationResult r;
    r.options = options;
    std::size_t total = 0;
    for (const VideoScores& v : videos) {
        validateVideo(v.name, v.scores, v.labels);
        total += v.scores.size();
    }

    std::vector<double> all;
    std::vector<uint32_t> payload;
    all.reserve(total);
    payload.reserve(total);
    std::vector<double> vScores;
    std::vector<uint8_t> vLabels;
    double aucSum = 0, apSum = 0;
    for (std::size_t vi = 0; vi < videos.size(); ++vi) {
        const VideoScores& v = videos[vi];
        VideoScores p{v.name, options.post.any() ? postProcess(v.scores, options.post) : v.scores, v.labels};
        if (options.post.any())  // e.g. 1e308 smoothed into inf
            validateFinite("video '" + v.name + "' after " + options.post.describe(), p.scores.data(), p.scores.size());
        PerVideoResult pv;
        pv.name = v.name;
        pv.frames = int64_t(p.scores.size());
        pv.anomalousFrames = std::count(p.labels.begin(), p.labels.end(), uint8_t(1));
        const RankingSummary s = summarizeScores(p.scores, p.labels);
        pv.defined = s.defined;
        if (s.defined) {
            pv.auc = s.auc;
            pv.ap = s.ap(options.ap);
            aucSum += pv.auc;
            apSum += pv.ap;
            ++r.macro.definedVideos;
        } else {
            ++r.macro.undefinedVideos;
        }
        pv.videoScore = videoScore(p.scores, options.videoScore, options.topK);
        pv.videoLabel = pv.anomalousFrames > 0 ? 1 : 0;
        vScores.push_back(pv.videoScore);
        vLabels.push_back(uint8_t(pv.videoLabel));
        for (std::size_t i = 0; i < p.scores.size(); ++i) {
            all.push_back(p.scores[i]);
            payload.push_back(uint32_t(vi << 1) | p.labels[i]);
        }
        r.perVideo.push_back(pv);
        r.processed.push_back(std::move(p));
    }
    if (r.macro.definedVideos > 0) {
        r.macro.auc = aucSum / r.macro.definedVideos;
        r.macro.ap = apSum / r.macro.definedVideos;
    }

    const Ranking ranking = rankDescending(all.data(), payload.data(), all.size());
    all = {};
    r.micro = summarize(ranking);
    if (!r.micro.defined)
        throw Error(ErrorCode::InvalidArgument,
                    "the ground truth of all " + std::to_string(videos.size()) + " videos (" + std::to_string(total)
                        + " frames) has " + (r.micro.positives > 0 ? "only anomalous" : "only normal")
                        + " frames: frame-level AUC and AP are undefined");
    const BinaryCurve curve = binaryCurve(ranking);
    r.microRoc = rocCurve(curve, options.dropIntermediate);
    r.microPr = prCurve(curve);
    r.videoLevel = summarizeScores(vScores, vLabels);
    BootstrapOptions b = options.bootstrap;
    b.ap = options.ap;
    r.bootstrap = bootstrapOverVideos(ranking, videos.size(), b);
    return r;
}

} // namespace vaclip::eval

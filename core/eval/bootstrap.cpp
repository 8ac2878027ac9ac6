#include "eval/bootstrap.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace vaclip::eval {

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(v.begin(), v.end());
    const double h = (double(v.size()) - 1) * q;
    const auto lo = std::size_t(std::floor(h));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - double(lo)) * (v[hi] - v[lo]);
}

namespace {

BootstrapInterval interval(const std::vector<double>& values, double level)
{
    BootstrapInterval r;
    if (values.empty())
        return r;
    r.low = percentile(values, (1 - level) / 2);
    r.high = percentile(values, (1 + level) / 2);
    double mean = 0;
    for (double x : values)
        mean += x;
    mean /= double(values.size());
    double ss = 0;
    for (double x : values)
        ss += (x - mean) * (x - mean);
    r.stddev = values.size() > 1 ? std::sqrt(ss / double(values.size() - 1)) : 0.0;
    return r;
}

} // namespace

BootstrapResult bootstrapOverVideos(const Ranking& ranking, std::size_t videoCount, const BootstrapOptions& options)
{
    if (options.samples < 0 || !(options.level > 0 && options.level < 1))
        throw Error(ErrorCode::InvalidArgument, "bootstrap: samples must be >= 0 and level in (0, 1)");
    BootstrapResult result;
    result.options = options;
    if (options.samples == 0 || videoCount == 0)
        return result;
    std::mt19937_64 rng(options.seed);
    const uint64_t V = videoCount;
    const uint64_t limit = std::numeric_limits<uint64_t>::max() - std::numeric_limits<uint64_t>::max() % V;
    std::vector<double> weights(videoCount);
    std::vector<double> aucs, aps;
    aucs.reserve(std::size_t(options.samples));
    aps.reserve(std::size_t(options.samples));
    for (int b = 0; b < options.samples; ++b) {
        std::fill(weights.begin(), weights.end(), 0.0);
        for (uint64_t k = 0; k < V; ++k) {
            uint64_t r;
            do
                r = rng();
            while (r >= limit);
            weights[std::size_t(r % V)] += 1;
        }
        const RankingSummary s = summarize(ranking, &weights);
        if (!s.defined) {
            ++result.skipped;
            continue;
        }
        aucs.push_back(s.auc);
        aps.push_back(s.ap(options.ap));
    }
    result.valid = int(aucs.size());
    result.auc = interval(aucs, options.level);
    result.ap = interval(aps, options.level);
    return result;
}

} // namespace vaclip::eval

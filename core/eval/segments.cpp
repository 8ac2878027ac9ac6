#include "eval/segments.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace vaclip::eval {

namespace {

template <typename T>
std::vector<Segment> segmentsOf(const std::vector<T>& scores, double threshold, const SegmentOptions& options)
{
    if (options.minLength < 0 || options.mergeGap < 0)
        throw Error(ErrorCode::InvalidArgument, "segments: minLength and mergeGap must be >= 0");
    std::vector<Segment> runs;
    const int64_t n = int64_t(scores.size());
    for (int64_t t = 0; t < n;) {
        // NaN >= threshold is false: NaN frames are below the threshold.
        if (!(double(scores[std::size_t(t)]) >= threshold)) {
            ++t;
            continue;
        }
        const int64_t begin = t;
        while (t < n && double(scores[std::size_t(t)]) >= threshold)
            ++t;
        if (!runs.empty() && begin - runs.back().end < options.mergeGap)
            runs.back().end = t;
        else
            runs.push_back({begin, t});
    }
    runs.erase(std::remove_if(runs.begin(), runs.end(),
                              [&](const Segment& s) { return s.length() < options.minLength; }),
               runs.end());
    return runs;
}

void check(const std::vector<Segment>& segments, const char* what)
{
    for (const Segment& s : segments)
        if (s.begin < 0 || s.end <= s.begin)
            throw Error(ErrorCode::InvalidArgument, std::string("compareSegments: ") + what + " segment [" +
                                                        std::to_string(s.begin) + ", " + std::to_string(s.end) +
                                                        ") is not a frame interval (0 <= begin < end)");
}

/// Sorted, disjoint union of segments.
std::vector<Segment> unionOf(std::vector<Segment> s)
{
    std::sort(s.begin(), s.end(), [](const Segment& a, const Segment& b) {
        return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
    });
    std::vector<Segment> out;
    for (const Segment& x : s) {
        if (!out.empty() && x.begin <= out.back().end)
            out.back().end = std::max(out.back().end, x.end);
        else
            out.push_back(x);
    }
    return out;
}

/// Frames of `s` inside the sorted disjoint union `u`.
int64_t overlap(const Segment& s, const std::vector<Segment>& u)
{
    // First union segment ending after s.begin.
    auto it = std::upper_bound(u.begin(), u.end(), s.begin, [](int64_t v, const Segment& x) { return v < x.end; });
    int64_t frames = 0;
    for (; it != u.end() && it->begin < s.end; ++it)
        frames += std::min(s.end, it->end) - std::max(s.begin, it->begin);
    return frames;
}

SegmentMatch match(const Segment& s, const std::vector<Segment>& other)
{
    SegmentMatch m;
    m.segment = s;
    m.overlapFrames = overlap(s, other);
    m.overlapFraction = double(m.overlapFrames) / double(s.length());
    return m;
}

} // namespace

std::vector<Segment> thresholdSegments(const std::vector<double>& scores, double threshold, const SegmentOptions& options)
{
    return segmentsOf(scores, threshold, options);
}

std::vector<Segment> thresholdSegments(const std::vector<float>& scores, double threshold, const SegmentOptions& options)
{
    return segmentsOf(scores, threshold, options);
}

SegmentComparison compareSegments(const std::vector<Segment>& predicted, const std::vector<Segment>& truth,
                                  const CompareOptions& options)
{
    check(predicted, "predicted");
    check(truth, "ground-truth");
    const std::vector<Segment> predictedUnion = unionOf(predicted);
    const std::vector<Segment> truthUnion = unionOf(truth);
    SegmentComparison c;
    for (const Segment& p : predicted) {
        SegmentMatch m = match(p, truthUnion);
        if (m.overlapFrames > 0 && m.overlapFraction > options.minPrecision)
            c.truePositives.push_back(m);
        else
            c.falsePositives.push_back(m);
    }
    for (const Segment& g : truth) {
        SegmentMatch m = match(g, predictedUnion);
        if (m.overlapFrames > 0 && m.overlapFraction > options.minCoverage)
            c.detected.push_back(m);
        else
            c.missed.push_back(m);
    }
    // Frame counts over the unions, so overlapping inputs are not counted twice.
    for (const Segment& p : predictedUnion)
        c.falsePositiveFrames += p.length() - overlap(p, truthUnion);
    for (const Segment& g : truthUnion)
        c.missedFrames += g.length() - overlap(g, predictedUnion);
    return c;
}

SegmentComparison compareAtThreshold(const std::vector<double>& scores, double threshold,
                                     const std::vector<Segment>& truth, const SegmentOptions& segmentOptions,
                                     const CompareOptions& options)
{
    SegmentComparison c = compareSegments(thresholdSegments(scores, threshold, segmentOptions), truth, options);
    auto fill = [&](std::vector<SegmentMatch>& matches) {
        for (SegmentMatch& m : matches) {
            const int64_t b = std::clamp<int64_t>(m.segment.begin, 0, int64_t(scores.size()));
            const int64_t e = std::clamp<int64_t>(m.segment.end, b, int64_t(scores.size()));
            double best = -INFINITY;
            for (int64_t t = b; t < e; ++t)
                if (!std::isnan(scores[std::size_t(t)]))
                    best = std::max(best, scores[std::size_t(t)]);
            m.maxScore = std::isfinite(best) ? best : 0.0;
        }
    };
    fill(c.truePositives);
    fill(c.falsePositives);
    fill(c.detected);
    fill(c.missed);
    return c;
}

} // namespace vaclip::eval

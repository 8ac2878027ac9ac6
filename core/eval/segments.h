#pragma once
// Predicted anomalous segments at a threshold, and their comparison with ground-truth intervals:
// which predictions are false positives and which ground-truth intervals were missed. The
// studio's comparison view and timeline use these.
//
//   std::vector<eval::Segment> pred = eval::thresholdSegments(scores, 0.5);   // score >= 0.5
//   std::vector<eval::Segment> gt = {{60, 180}};
//   eval::SegmentComparison c = eval::compareSegments(pred, gt);
//   for (const eval::SegmentMatch& m : c.falsePositives) ...   // m.segment, m.overlapFrames == 0
//   for (const eval::SegmentMatch& m : c.missed) ...
//
// Definitions (frames are 0-based, segments half-open [begin, end)):
//   - predicted segments: maximal runs of frames with score >= threshold (the rule of the ROC
//     operating points in eval/metrics.h); runs separated by fewer than `mergeGap` frames below
//     the threshold are joined, then runs shorter than `minLength` frames are dropped.
//   - a ground-truth interval is *detected* when the predicted segments cover at least
//     `minCoverage` of its frames (default: any frame, i.e. > 0), else *missed*;
//   - a predicted segment is a *true positive* when at least `minPrecision` of its frames lie in
//     ground truth (default: any frame), else a *false positive*.
//   Overlapping or unsorted ground-truth intervals are fine (their union is used for coverage).
//
// Thread safety: pure functions.

#include <cstdint>
#include <vector>

namespace vaclip::eval {

struct Segment {
    int64_t begin = 0;
    int64_t end = 0;   ///< exclusive
    int64_t length() const { return end - begin; }
    bool operator==(const Segment& o) const { return begin == o.begin && end == o.end; }
};

struct SegmentOptions {
    int64_t minLength = 1;   ///< frames; shorter predicted runs are dropped
    int64_t mergeGap = 0;    ///< join runs separated by fewer than this many frames
};

/// Predicted segments of one video. NaN scores count as below the threshold.
std::vector<Segment> thresholdSegments(const std::vector<double>& scores, double threshold,
                                       const SegmentOptions& options = {});
std::vector<Segment> thresholdSegments(const std::vector<float>& scores, double threshold,
                                       const SegmentOptions& options = {});

struct SegmentMatch {
    Segment segment;
    int64_t overlapFrames = 0;   ///< frames shared with the other side (union of its segments)
    double overlapFraction = 0;  ///< overlapFrames / segment.length()
    double maxScore = 0;         ///< of the scores inside the segment, when scores were given
};

struct SegmentComparison {
    std::vector<SegmentMatch> truePositives;   ///< predicted segments that hit ground truth
    std::vector<SegmentMatch> falsePositives;  ///< predicted segments outside ground truth
    std::vector<SegmentMatch> detected;        ///< ground-truth intervals found
    std::vector<SegmentMatch> missed;          ///< ground-truth intervals not found
    int64_t falsePositiveFrames = 0;           ///< predicted frames outside ground truth
    int64_t missedFrames = 0;                  ///< ground-truth frames not predicted
};

struct CompareOptions {
    double minCoverage = 0;    ///< a GT interval is detected when coverage > this (0: any frame)
    double minPrecision = 0;   ///< a prediction is a TP when its GT fraction > this (0: any frame)
};

/// Compares predicted segments with ground-truth intervals. Throws vaclip::Error
/// (InvalidArgument) for a segment with begin < 0 or end <= begin.
SegmentComparison compareSegments(const std::vector<Segment>& predicted, const std::vector<Segment>& truth,
                                  const CompareOptions& options = {});
/// thresholdSegments + compareSegments, with maxScore filled from `scores`.
SegmentComparison compareAtThreshold(const std::vector<double>& scores, double threshold,
                                     const std::vector<Segment>& truth, const SegmentOptions& segmentOptions = {},
                                     const CompareOptions& options = {});

} // namespace vaclip::eval

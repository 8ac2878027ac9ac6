#pragma once
// Pixel-level metrics over a whole test set, streamed frame by frame: pixel AUROC and AUPRO,
// without ever holding every pixel's score (2,000 frames of 240x360 are 173 M pixels).
//
//   eval::ScoreRange range;                            // pass 1: the score range
//   for (each frame) range.add(scores, h * w);
//   eval::PixelAccumulator acc(range);                 // pass 2: the curves
//   for (each frame) acc.addFrame(scores, mask, h, w);
//   eval::PixelMetrics m = acc.finish();               // m.auroc, m.aupro, m.exact
//
// Definitions (docs/evaluation.md):
//   - Pixel AUROC: ROC AUC (sklearn roc_auc_score, ties as one threshold) over every pixel of every
//     frame given, label = mask pixel nonzero.
//   - AUPRO (Bergmann et al., MVTec AD): the ground-truth regions are the 8-connected components
//     of each frame's mask (scipy.ndimage.label with a 3x3 structure), K of them in all. At a
//     threshold t, FPR(t) = normal pixels with score >= t / all normal pixels (every frame), and
//     PRO(t) = (1/K) sum over regions C of |{p in C: score >= t}| / |C|. The curve (FPR, PRO) has
//     one point per distinct score, starts at (0, 0) and is linear between points; AUPRO is its
//     area from FPR 0 to `fprLimit` (the curve interpolated linearly at exactly fprLimit), divided
//     by fprLimit so that a perfect detector scores 1.
// Exactness: pass 2 counts pixels in `bins` equal-width bins over [min, max] of pass 1, keeping
// each bin's smallest and largest score. When every occupied bin holds one distinct score the
// curves are the exact ones (exact = true, error bounds 0): the common case for quantised maps
// and when distinct scores are fewer than bins. Otherwise the points within a bin are merged
// into one chord; the error bounds report the largest possible difference from the exact area
// (the sum over multi-valued bins of width x height / 2, width x height on the clipped segment).
// Memory: 32 bytes per bin (32 MiB at the default 2^20) plus one frame's labels.
//
// Thread safety: an accumulator is used from one thread; separate accumulators are independent.

#include <cstdint>
#include <limits>
#include <vector>

namespace vaclip::eval {

struct PixelOptions {
    int bins = 1 << 20;
    double fprLimit = 0.3;
};

struct ScoreRange {
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    /// Throws vaclip::Error (InvalidArgument) for a non-finite score.
    void add(const float* scores, std::size_t n);
};

struct PixelMetrics {
    double auroc = std::numeric_limits<double>::quiet_NaN();  ///< NaN when one class is missing
    double aupro = std::numeric_limits<double>::quiet_NaN();  ///< NaN without regions or normal pixels
    bool exact = false;
    double aurocErrorBound = 0;
    double auproErrorBound = 0;
    int64_t frames = 0;
    int64_t normalPixels = 0;
    int64_t anomalousPixels = 0;
    int64_t regions = 0;
    int64_t occupiedBins = 0;
    int64_t multiValuedBins = 0;
    PixelOptions options;
    ScoreRange range;
};

/// 8-connected components of a height x width mask (nonzero = foreground). labels gets 0 for
/// background and 1..count for components; sizes[c] = pixels of component c (sizes[0] unused).
int labelComponents(const uint8_t* mask, int height, int width, std::vector<int32_t>& labels,
                    std::vector<int64_t>& sizes);

class PixelAccumulator {
public:
    explicit PixelAccumulator(const ScoreRange& range, const PixelOptions& options = {});
    /// scores and mask: height * width, row-major. Scores outside the range are an error.
    void addFrame(const float* scores, const uint8_t* mask, int height, int width);
    PixelMetrics finish() const;

private:
    int binOf(float s) const;

    PixelOptions m_options;
    ScoreRange m_range;
    double m_scale = 0;
    struct Bin {                     ///< 32 bytes: one cache-line half per pixel update
        uint64_t negatives = 0;
        uint64_t positives = 0;
        double overlap = 0;          ///< sum of 1 / |region| over the bin's anomalous pixels
        float min = std::numeric_limits<float>::infinity();
        float max = -std::numeric_limits<float>::infinity();
    };
    std::vector<Bin> m_bins;
    int64_t m_frames = 0;
    int64_t m_regions = 0;
    std::vector<int32_t> m_labels;
    std::vector<int64_t> m_sizes;
};

} // namespace vaclip::eval

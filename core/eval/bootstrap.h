#pragma once
// Confidence intervals for the micro frame-level AUC and AP by resampling whole videos with
// replacement: a small test set (UCSD Ped2 has 12 videos) can swing by several points.
//
//   eval::Ranking r = ...;   // all frames, payload = (video << 1) | label
//   eval::BootstrapResult b = eval::bootstrapOverVideos(r, 12, {1000, 42});
//   b.auc.low, b.auc.high   // 2.5th and 97.5th percentiles
//
// Procedure (docs/evaluation.md): for each of `samples` resamples, draw V video indices uniformly
// with replacement (V = number of videos) from std::mt19937_64(seed), video index = rejection-
// sampled r % V (no modulo bias; identical on every platform); the resample is the concatenation
// of the drawn videos, repeats included. Its micro AUC and AP are computed exactly (a video drawn
// m times has its frames weighted m, the same as concatenating it m times, without re-sorting).
// Resamples holding a single class are skipped and counted. Interval = percentiles
// (1 - level) / 2 and (1 + level) / 2 of the valid resamples, linear interpolation between order
// statistics (numpy.percentile's default).
//
// Thread safety: pure function.

#include "eval/metrics.h"

#include <cstdint>

namespace vaclip::eval {

struct BootstrapOptions {
    int samples = 1000;       ///< 0 = no intervals
    uint64_t seed = 42;
    double level = 0.95;
    ApDefinition ap = ApDefinition::Step;
};

struct BootstrapInterval {
    double low = std::numeric_limits<double>::quiet_NaN();
    double high = std::numeric_limits<double>::quiet_NaN();
    double stddev = std::numeric_limits<double>::quiet_NaN();  ///< of the valid resamples
};

struct BootstrapResult {
    BootstrapOptions options;
    int valid = 0;            ///< resamples with both classes
    int skipped = 0;          ///< resamples with a single class
    BootstrapInterval auc;
    BootstrapInterval ap;
};

/// `videoCount` videos; payload >> 1 of each ranked frame is its video index (< videoCount).
BootstrapResult bootstrapOverVideos(const Ranking& ranking, std::size_t videoCount, const BootstrapOptions& options);

/// numpy.percentile(values, q * 100) with the default linear method; values need not be sorted.
double percentile(std::vector<double> values, double q);

} // namespace vaclip::eval

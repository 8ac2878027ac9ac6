#pragma once
// Optional post-processing of a video's frame scores before evaluation, each step a named option
// and all off by default (the reports list which were applied). Order: Gaussian, moving average,
// min-max normalisation.
//
//   eval::PostProcess pp;
//   pp.gaussianSigma = 2.0;                     // frames
//   std::vector<double> s = eval::postProcess(raw, pp);
//
// Definitions (docs/evaluation.md), each equal to SciPy's filter of the same name and implemented
// once for the whole project in common/smoothing.h (the test-time smoothing of vaclip test uses
// the same functions):
//   - gaussianSigma > 0: scipy.ndimage.gaussian_filter1d(x, sigma, mode="reflect", truncate=4):
//     weights exp(-k^2 / (2 sigma^2)) for |k| <= floor(4 sigma + 0.5), normalised to sum 1; the
//     signal is extended by mirror reflection including the edge sample (d c b a | a b c d | d c b a).
//   - movingAverage = w > 1: scipy.ndimage.uniform_filter1d(x, w, mode="reflect"): the mean of
//     frames [t - w/2, t - w/2 + w - 1] (integer division), same reflection at the ends.
//   - minMax: (x - min) / (max - min) per video; a constant video becomes all 0.
// Each applies within one video; videos never mix.
//
// Thread safety: pure functions.

#include <string>
#include <vector>

namespace vaclip::eval {

struct PostProcess {
    double gaussianSigma = 0;   ///< frames; 0 = off
    int movingAverage = 0;      ///< window in frames; 0 or 1 = off
    bool minMax = false;

    bool any() const { return gaussianSigma > 0 || movingAverage > 1 || minMax; }
    /// "gaussian(sigma=2) + moving_average(5) + minmax", or "none".
    std::string describe() const;
};

std::vector<double> gaussianSmooth(const std::vector<double>& x, double sigma);
std::vector<double> movingAverage(const std::vector<double>& x, int window);
std::vector<double> minMaxNormalize(const std::vector<double>& x);
/// The steps of `pp` in order. Throws vaclip::Error (InvalidArgument) for a negative sigma or window.
std::vector<double> postProcess(const std::vector<double>& x, const PostProcess& pp);

} // namespace vaclip::eval

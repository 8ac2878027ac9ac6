#pragma once
// The project's one definition of Gaussian and moving-average smoothing (plain C++), used by the
// evaluation's post-processing (eval/postprocess.h), the test-time score smoothing of the model
// (model/scoring.h gaussianSmooth1d / movingAverage1d) and the pixel maps' spatial smoothing.
//
//   std::vector<double> s = gaussianFilter1d(scores, 2.0);        // sigma in samples
//   std::vector<double> m = uniformFilter1d(scores, 5);           // window in samples
//   gaussianFilter2d(map.data(), 240, 360, 4.0);                   // in place, sigma in pixels
//
// Definitions, each equal to SciPy's filter of the same name (tests/test_metrics.cpp checks the
// 1-D ones against SciPy's numbers):
//   - gaussianFilter1d = scipy.ndimage.gaussian_filter1d(x, sigma, mode="reflect", truncate=4):
//     weights exp(-k^2 / (2 sigma^2)) for |k| <= r = floor(4 sigma + 0.5), normalised to sum 1;
//     the signal is extended by mirror reflection including the edge sample
//     (d c b a | a b c d | d c b a), repeatedly when r exceeds the length.
//   - uniformFilter1d = scipy.ndimage.uniform_filter1d(x, w, mode="reflect"): the mean of samples
//     [t - w/2, t - w/2 + w - 1] (integer division), same reflection.
//   - gaussianFilter2d = scipy.ndimage.gaussian_filter(image, sigma, mode="reflect", truncate=4)
//     on a row-major height x width image: gaussianFilter1d along each axis (accumulated in
//     double, stored as float; equal to SciPy up to float rounding).
// sigma == 0 (window <= 1) returns the input unchanged. Inputs are not validated here beyond
// sigma >= 0 and finite (vaclip::Error InvalidArgument otherwise).
// Thread safety: pure functions.

#include <cstddef>
#include <vector>

namespace vaclip {

/// The normalised weights for offsets -r..r (r = floor(truncate * sigma + 0.5)).
std::vector<double> gaussianKernel1d(double sigma, double truncate = 4.0);

std::vector<double> gaussianFilter1d(const std::vector<double>& x, double sigma);
std::vector<float> gaussianFilter1d(const std::vector<float>& x, double sigma);
std::vector<double> uniformFilter1d(const std::vector<double>& x, int window);
std::vector<float> uniformFilter1d(const std::vector<float>& x, int window);

/// In place on `height` x `width` floats, row-major.
void gaussianFilter2d(float* image, int height, int width, double sigma);

/// SciPy's "reflect" boundary: the index into an n-sample signal of position i (any integer).
std::ptrdiff_t reflectIndex(std::ptrdiff_t i, std::ptrdiff_t n);

} // namespace vaclip

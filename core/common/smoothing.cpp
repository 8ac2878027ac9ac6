#include "common/smoothing.h"

#include "common/error.h"

#include <cmath>

namespace vaclip {

std::ptrdiff_t reflectIndex(std::ptrdiff_t i, std::ptrdiff_t n)
{
    const std::ptrdiff_t period = 2 * n;
    i %= period;
    if (i < 0)
        i += period;
    return i < n ? i : period - 1 - i;
}

namespace {

void checkSigma(double sigma)
{
    if (!(sigma >= 0) || !std::isfinite(sigma))
        throw Error(ErrorCode::InvalidArgument, "Gaussian sigma must be a finite number >= 0");
}

/// out[t] = sum_k w[k] in[(t + k - origin) reflected] over n samples `stride` apart (double sums).
template <typename In, typename Out>
void correlate(const In* in, Out* out, std::ptrdiff_t n, std::ptrdiff_t stride, const std::vector<double>& w,
               std::ptrdiff_t origin)
{
    const auto taps = std::ptrdiff_t(w.size());
    for (std::ptrdiff_t t = 0; t < n; ++t) {
        double acc = 0;
        const std::ptrdiff_t first = t - origin;
        if (first >= 0 && first + taps <= n) {  // interior: no reflection
            for (std::ptrdiff_t k = 0; k < taps; ++k)
                acc += w[std::size_t(k)] * double(in[(first + k) * stride]);
        } else {
            for (std::ptrdiff_t k = 0; k < taps; ++k)
                acc += w[std::size_t(k)] * double(in[reflectIndex(first + k, n) * stride]);
        }
        out[t * stride] = Out(acc);
    }
}

template <typename T>
std::vector<T> gaussian1d(const std::vector<T>& x, double sigma)
{
    checkSigma(sigma);
    if (sigma == 0 || x.empty())
        return x;
    const std::vector<double> w = gaussianKernel1d(sigma);
    std::vector<T> out(x.size());
    correlate(x.data(), out.data(), std::ptrdiff_t(x.size()), 1, w, std::ptrdiff_t(w.size() / 2));
    return out;
}

template <typename T>
std::vector<T> uniform1d(const std::vector<T>& x, int window)
{
    if (window <= 1 || x.empty())
        return x;
    // Running sum over the reflected signal (O(n), not O(n w)), in double.
    const auto n = std::ptrdiff_t(x.size());
    const std::ptrdiff_t lo = window / 2;  // samples before t
    std::vector<T> out(x.size());
    double acc = 0;
    for (std::ptrdiff_t k = -lo; k < window - lo; ++k)
        acc += double(x[std::size_t(reflectIndex(k, n))]);
    for (std::ptrdiff_t t = 0; t < n; ++t) {
        out[std::size_t(t)] = T(acc / window);
        acc += double(x[std::size_t(reflectIndex(t + window - lo, n))]) - double(x[std::size_t(reflectIndex(t - lo, n))]);
    }
    return out;
}

} // namespace

std::vector<double> gaussianKernel1d(double sigma, double truncate)
{
    checkSigma(sigma);
    if (sigma == 0)
        return {1.0};
    const auto radius = std::ptrdiff_t(truncate * sigma + 0.5);
    std::vector<double> w(std::size_t(2 * radius + 1));
    double sum = 0;
    for (std::ptrdiff_t k = -radius; k <= radius; ++k) {
        w[std::size_t(k + radius)] = std::exp(-0.5 / (sigma * sigma) * double(k * k));
        sum += w[std::size_t(k + radius)];
    }
    for (double& v : w)
        v /= sum;
    return w;
}

std::vector<double> gaussianFilter1d(const std::vector<double>& x, double sigma) { return gaussian1d(x, sigma); }
std::vector<float> gaussianFilter1d(const std::vector<float>& x, double sigma) { return gaussian1d(x, sigma); }
std::vector<double> uniformFilter1d(const std::vector<double>& x, int window) { return uniform1d(x, window); }
std::vector<float> uniformFilter1d(const std::vector<float>& x, int window) { return uniform1d(x, window); }

void gaussianFilter2d(float* image, int height, int width, double sigma)
{
    checkSigma(sigma);
    if (sigma == 0 || height <= 0 || width <= 0)
        return;
    const std::vector<double> w = gaussianKernel1d(sigma);
    const auto origin = std::ptrdiff_t(w.size() / 2);
    // One 1-D pass per axis as SciPy's gaussian_filter does (rows into a double buffer, then
    // columns back into the image; the passes commute up to rounding).
    std::vector<double> tmp(std::size_t(height) * std::size_t(width));
    for (int y = 0; y < height; ++y)
        correlate(image + std::ptrdiff_t(y) * width, tmp.data() + std::ptrdiff_t(y) * width, width, 1, w, origin);
    for (int x = 0; x < width; ++x)
        correlate(tmp.data() + x, image + x, height, width, w, origin);
}

} // namespace vaclip

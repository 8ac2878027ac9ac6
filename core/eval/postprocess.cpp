#include "eval/postprocess.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace vaclip::eval {

namespace {

/// scipy.ndimage "reflect" boundary: index i of an n-sample signal, any integer i.
inline std::ptrdiff_t reflectIndex(std::ptrdiff_t i, std::ptrdiff_t n)
{
    const std::ptrdiff_t period = 2 * n;
    i %= period;
    if (i < 0)
        i += period;
    return i < n ? i : period - 1 - i;
}

/// out[t] = sum_k w[k] x[t + k - origin] with reflection.
std::vector<double> correlate(const std::vector<double>& x, const std::vector<double>& w, std::ptrdiff_t origin)
{
    const auto n = std::ptrdiff_t(x.size());
    std::vector<double> out(x.size());
    for (std::ptrdiff_t t = 0; t < n; ++t) {
        double acc = 0;
        for (std::ptrdiff_t k = 0; k < std::ptrdiff_t(w.size()); ++k)
            acc += w[std::size_t(k)] * x[std::size_t(reflectIndex(t + k - origin, n))];
        out[std::size_t(t)] = acc;
    }
    return out;
}

} // namespace

std::string PostProcess::describe() const
{
    std::ostringstream s;
    const char* sep = "";
    if (gaussianSigma > 0) {
        s << "gaussian(sigma=" << gaussianSigma << ")";
        sep = " + ";
    }
    if (movingAverage > 1) {
        s << sep << "moving_average(" << movingAverage << ")";
        sep = " + ";
    }
    if (minMax)
        s << sep << "minmax";
    const std::string r = s.str();
    return r.empty() ? "none" : r;
}

std::vector<double> gaussianSmooth(const std::vector<double>& x, double sigma)
{
    if (!(sigma >= 0) || !std::isfinite(sigma))
        throw Error(ErrorCode::InvalidArgument, "Gaussian sigma must be >= 0 frames");
    if (sigma == 0 || x.empty())
        return x;
    const auto radius = std::ptrdiff_t(4.0 * sigma + 0.5);
    std::vector<double> w(std::size_t(2 * radius + 1));
    double sum = 0;
    for (std::ptrdiff_t k = -radius; k <= radius; ++k) {
        w[std::size_t(k + radius)] = std::exp(-0.5 / (sigma * sigma) * double(k * k));
        sum += w[std::size_t(k + radius)];
    }
    for (double& v : w)
        v /= sum;
    return correlate(x, w, radius);
}

std::vector<double> movingAverage(const std::vector<double>& x, int window)
{
    if (window < 0)
        throw Error(ErrorCode::InvalidArgument, "moving-average window must be >= 0 frames");
    if (window <= 1 || x.empty())
        return x;
    // Running sum over the reflected signal (O(n), not O(n w)).
    const auto n = std::ptrdiff_t(x.size());
    const std::ptrdiff_t lo = window / 2;  // frames before t
    std::vector<double> out(x.size());
    double acc = 0;
    for (std::ptrdiff_t k = -lo; k < window - lo; ++k)
        acc += x[std::size_t(reflectIndex(k, n))];
    for (std::ptrdiff_t t = 0; t < n; ++t) {
        out[std::size_t(t)] = acc / window;
        acc += x[std::size_t(reflectIndex(t + window - lo, n))] - x[std::size_t(reflectIndex(t - lo, n))];
    }
    return out;
}

std::vector<double> minMaxNormalize(const std::vector<double>& x)
{
    if (x.empty())
        return x;
    const auto [mn, mx] = std::minmax_element(x.begin(), x.end());
    const double lo = *mn, range = *mx - *mn;
    std::vector<double> out(x.size(), 0.0);
    if (range > 0)
        for (std::size_t i = 0; i < x.size(); ++i)
            out[i] = (x[i] - lo) / range;
    return out;
}

std::vector<double> postProcess(const std::vector<double>& x, const PostProcess& pp)
{
    std::vector<double> y = gaussianSmooth(x, pp.gaussianSigma);
    y = movingAverage(y, pp.movingAverage);
    if (pp.minMax)
        y = minMaxNormalize(y);
    return y;
}

} // namespace vaclip::eval

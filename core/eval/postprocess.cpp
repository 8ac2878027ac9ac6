#include "eval/postprocess.h"

#include "common/error.h"
#include "common/smoothing.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace vaclip::eval {

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
    return gaussianFilter1d(x, sigma);
}

std::vector<double> movingAverage(const std::vector<double>& x, int window)
{
    if (window < 0)
        throw Error(ErrorCode::InvalidArgument, "moving-average window must be >= 0 frames");
    return uniformFilter1d(x, window);
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

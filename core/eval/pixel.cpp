#include "eval/pixel.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>

namespace vaclip::eval {

void ScoreRange::add(const float* scores, std::size_t n)
{
    float lo = float(min), hi = float(max);
    if (min == std::numeric_limits<double>::infinity())
        lo = std::numeric_limits<float>::infinity();
    if (max == -std::numeric_limits<double>::infinity())
        hi = -std::numeric_limits<float>::infinity();
    for (std::size_t i = 0; i < n; ++i) {
        const float s = scores[i];
        if (!std::isfinite(s))
            throw Error(ErrorCode::InvalidArgument, "pixel score " + std::to_string(s) + " at index " + std::to_string(i)
                                                        + " is not finite");
        lo = std::min(lo, s);
        hi = std::max(hi, s);
    }
    min = std::min(min, double(lo));
    max = std::max(max, double(hi));
}

int labelComponents(const uint8_t* mask, int height, int width, std::vector<int32_t>& labels,
                    std::vector<int64_t>& sizes)
{
    const std::size_t n = std::size_t(height) * std::size_t(width);
    labels.assign(n, 0);
    sizes.assign(1, 0);
    std::vector<std::size_t> stack;
    int32_t count = 0;
    for (std::size_t start = 0; start < n; ++start) {
        if (!mask[start] || labels[start])
            continue;
        ++count;
        int64_t size = 0;
        labels[start] = count;
        stack.push_back(start);
        while (!stack.empty()) {
            const std::size_t p = stack.back();
            stack.pop_back();
            ++size;
            const int y = int(p / std::size_t(width)), x = int(p % std::size_t(width));
            for (int dy = -1; dy <= 1; ++dy) {
                const int yy = y + dy;
                if (yy < 0 || yy >= height)
                    continue;
                for (int dx = -1; dx <= 1; ++dx) {
                    const int xx = x + dx;
                    if (xx < 0 || xx >= width)
                        continue;
                    const std::size_t q = std::size_t(yy) * std::size_t(width) + std::size_t(xx);
                    if (mask[q] && !labels[q]) {
                        labels[q] = count;
                        stack.push_back(q);
                    }
                }
            }
        }
        sizes.push_back(size);
    }
    return count;
}

PixelAccumulator::PixelAccumulator(const ScoreRange& range, const PixelOptions& options)
    : m_options(options), m_range(range)
{
    if (options.bins < 1 || options.bins > (1 << 28))
        throw Error(ErrorCode::InvalidArgument, "pixel metrics: bins must be in [1, 2^28]");
    if (!(options.fprLimit > 0 && options.fprLimit <= 1))
        throw Error(ErrorCode::InvalidArgument, "pixel metrics: the AUPRO FPR limit must be in (0, 1]");
    if (!(range.min <= range.max))
        throw Error(ErrorCode::InvalidArgument, "pixel metrics: empty score range (no pixel scores seen in pass 1)");
    m_scale = range.max > range.min ? double(options.bins) / (range.max - range.min) : 0.0;
    m_bins.assign(std::size_t(options.bins), Bin{});
}

int PixelAccumulator::binOf(float s) const
{
    if (!(s >= m_range.min && s <= m_range.max))
        throw Error(ErrorCode::InvalidArgument, "pixel score " + std::to_string(s) + " outside the range of pass 1 ["
                                                    + std::to_string(m_range.min) + ", " + std::to_string(m_range.max)
                                                    + "] (the maps changed between the passes?)");
    const auto k = int((double(s) - m_range.min) * m_scale);
    return std::min(k, m_options.bins - 1);
}

void PixelAccumulator::addFrame(const float* scores, const uint8_t* mask, int height, int width)
{
    if (height <= 0 || width <= 0)
        throw Error(ErrorCode::InvalidArgument, "pixel metrics: empty frame");
    const int regions = labelComponents(mask, height, width, m_labels, m_sizes);
    m_regions += regions;
    ++m_frames;
    const std::size_t n = std::size_t(height) * std::size_t(width);
    for (std::size_t i = 0; i < n; ++i) {
        const float s = scores[i];
        Bin& b = m_bins[std::size_t(binOf(s))];
        if (m_labels[i]) {
            ++b.positives;
            b.overlap += 1.0 / double(m_sizes[std::size_t(m_labels[i])]);
        } else {
            ++b.negatives;
        }
        b.min = std::min(b.min, s);
        b.max = std::max(b.max, s);
    }
}

PixelMetrics PixelAccumulator::finish() const
{
    PixelMetrics m;
    m.options = m_options;
    m.range = m_range;
    m.frames = m_frames;
    m.regions = m_regions;
    for (const Bin& b : m_bins) {
        m.normalPixels += int64_t(b.negatives);
        m.anomalousPixels += int64_t(b.positives);
    }
    const double N = double(m.normalPixels), P = double(m.anomalousPixels), K = double(m.regions);
    const double L = m_options.fprLimit;
    double fp = 0, tp = 0, pro = 0;          // cumulative, from the highest bin down
    double rocArea = 0, proArea = 0;          // rocArea in count units (dFP * (TP + TP_prev))
    double rocBound = 0, proBound = 0;
    bool proDone = false;
    for (std::size_t k = m_bins.size(); k-- > 0;) {
        const Bin& b = m_bins[k];
        if (b.negatives == 0 && b.positives == 0)
            continue;
        ++m.occupiedBins;
        const bool multi = b.min != b.max;
        m.multiValuedBins += multi ? 1 : 0;
        const double fp1 = fp + double(b.negatives), tp1 = tp + double(b.positives);
        const double pro1 = K > 0 ? pro + b.overlap / K : 0.0;
        rocArea += (fp1 - fp) * (tp1 + tp);
        if (multi && N > 0 && P > 0)
            rocBound += (fp1 - fp) / N * (tp1 - tp) / P / 2;
        if (!proDone && N > 0) {
            const double x0 = fp / N, x1 = fp1 / N;
            if (x1 <= L) {
                proArea += (x1 - x0) * (pro + pro1) / 2;
                if (multi)
                    proBound += (x1 - x0) * (pro1 - pro) / 2;
            } else {
                const double yL = pro + (L - x0) / (x1 - x0) * (pro1 - pro);   // x0 <= L < x1
                proArea += (L - x0) * (pro + yL) / 2;
                if (multi)
                    proBound += (L - x0) * (pro1 - pro);
                proDone = true;
            }
        }
        fp = fp1;
        tp = tp1;
        pro = pro1;
    }
    m.exact = m.multiValuedBins == 0;
    if (N > 0 && P > 0) {
        m.auroc = rocArea / (2 * N * P);
        m.aurocErrorBound = rocBound;
    }
    if (N > 0 && K > 0) {
        m.aupro = proArea / L;
        m.auproErrorBound = proBound / L;
    }
    return m;
}

} // namespace vaclip::eval

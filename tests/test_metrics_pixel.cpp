// ctest-labels: unit eval
// Pixel AUROC and AUPRO (core/eval/pixel.h): hand-made masks with closed-form answers, random
// masks against a slow reference written here (every distinct threshold, every region counted
// directly), the exactness flag and the error bound of the binned path.
#include "eval/metrics.h"
#include "eval/pixel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

using namespace vaclip;

namespace {

struct Frame {
    int h = 0, w = 0;
    std::vector<float> scores;
    std::vector<uint8_t> mask;
};

eval::PixelMetrics run(const std::vector<Frame>& frames, eval::PixelOptions opt = {})
{
    eval::ScoreRange range;
    for (const Frame& f : frames)
        range.add(f.scores.data(), f.scores.size());
    eval::PixelAccumulator acc(range, opt);
    for (const Frame& f : frames)
        acc.addFrame(f.scores.data(), f.mask.data(), f.h, f.w);
    return acc.finish();
}

/// 8-connected labels by repeated min-propagation (slow, independent of the flood fill).
std::vector<int> slowComponents(const Frame& f, int& count)
{
    std::vector<int> lab(f.mask.size(), 0);
    for (std::size_t i = 0; i < lab.size(); ++i)
        lab[i] = f.mask[i] ? int(i) + 1 : 0;
    for (bool changed = true; changed;) {
        changed = false;
        for (int y = 0; y < f.h; ++y)
            for (int x = 0; x < f.w; ++x) {
                int& l = lab[std::size_t(y * f.w + x)];
                if (!l)
                    continue;
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int yy = y + dy, xx = x + dx;
                        if (yy < 0 || yy >= f.h || xx < 0 || xx >= f.w)
                            continue;
                        const int o = lab[std::size_t(yy * f.w + xx)];
                        if (o && o < l) {
                            l = o;
                            changed = true;
                        }
                    }
            }
    }
    std::set<int> distinct(lab.begin(), lab.end());
    distinct.erase(0);
    count = int(distinct.size());
    return lab;
}

/// AUPRO by definition: one (FPR, PRO) point per distinct score, trapezoids, interpolated at the limit.
double slowAupro(const std::vector<Frame>& frames, double limit)
{
    struct Region {
        std::vector<float> scores;
    };
    std::vector<Region> regions;
    std::vector<float> normals;
    std::set<float, std::greater<float>> thresholds;
    for (const Frame& f : frames) {
        int count = 0;
        const std::vector<int> lab = slowComponents(f, count);
        std::map<int, std::size_t> index;
        for (std::size_t i = 0; i < lab.size(); ++i) {
            thresholds.insert(f.scores[i]);
            if (!lab[i]) {
                normals.push_back(f.scores[i]);
                continue;
            }
            if (!index.count(lab[i])) {
                index[lab[i]] = regions.size();
                regions.emplace_back();
            }
            regions[index[lab[i]]].scores.push_back(f.scores[i]);
        }
    }
    std::vector<std::pair<double, double>> pts = {{0.0, 0.0}};
    for (float t : thresholds) {
        double fp = 0;
        for (float s : normals)
            fp += s >= t;
        double pro = 0;
        for (const Region& r : regions) {
            double in = 0;
            for (float s : r.scores)
                in += s >= t;
            pro += in / double(r.scores.size());
        }
        pts.push_back({fp / double(normals.size()), pro / double(regions.size())});
    }
    double area = 0;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const auto [x0, y0] = pts[i - 1];
        const auto [x1, y1] = pts[i];
        if (x1 <= limit) {
            area += (x1 - x0) * (y0 + y1) / 2;
        } else {
            const double yl = y0 + (limit - x0) / (x1 - x0) * (y1 - y0);
            area += (limit - x0) * (y0 + yl) / 2;
            break;
        }
    }
    return area / limit;
}

Frame blank(int h, int w, float score = 0)
{
    Frame f;
    f.h = h;
    f.w = w;
    f.scores.assign(std::size_t(h * w), score);
    f.mask.assign(std::size_t(h * w), 0);
    return f;
}

std::vector<Frame> randomFrames(std::mt19937& rng, int n, int h, int w, bool quantised)
{
    std::uniform_real_distribution<float> u(0, 1);
    std::vector<Frame> frames;
    for (int k = 0; k < n; ++k) {
        Frame f = blank(h, w);
        const int blobs = int(rng() % 4);  // 0 = a normal frame
        for (int b = 0; b < blobs; ++b) {
            const int y0 = int(rng() % unsigned(h)), x0 = int(rng() % unsigned(w));
            const int bh = 1 + int(rng() % 4), bw = 1 + int(rng() % 5);
            for (int y = y0; y < std::min(h, y0 + bh); ++y)
                for (int x = x0; x < std::min(w, x0 + bw); ++x)
                    f.mask[std::size_t(y * w + x)] = 1;
        }
        if (rng() % 3 == 0)  // a stray diagonal pixel: joins a blob only through 8-connectivity
            f.mask[std::size_t((h - 1) * w + (w - 1))] = 1;
        for (std::size_t i = 0; i < f.scores.size(); ++i) {
            float s = u(rng) * 0.7f + (f.mask[i] ? 0.3f : 0.0f);
            if (quantised)
                s = std::round(s * 40) / 40;
            f.scores[i] = s;
        }
        frames.push_back(f);
    }
    return frames;
}

} // namespace

TEST(PixelMetrics, OneRegionFoundPerfectly)
{
    Frame f = blank(10, 10);
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 2; ++x) {
            f.mask[std::size_t(y * 10 + x)] = 1;
            f.scores[std::size_t(y * 10 + x)] = 1;
        }
    const eval::PixelMetrics m = run({f});
    EXPECT_DOUBLE_EQ(m.aupro, 1.0);
    EXPECT_DOUBLE_EQ(m.auroc, 1.0);
    EXPECT_TRUE(m.exact);
    EXPECT_EQ(m.regions, 1);
    EXPECT_EQ(m.anomalousPixels, 4);
    EXPECT_EQ(m.normalPixels, 96);
}

TEST(PixelMetrics, TwoRegionsClosedForm)
{
    // R1 (4 px) all 0.9; R2 (4 px) two at 0.9, two at 0.1; 23 of 92 normal pixels at 0.5, 69 at 0.
    // Curve: (0,0) (0,0.75) (0.25,0.75) (0.25,1) (1,1) -> area to 0.3 = 0.25*0.75 + 0.05*1 = 0.2375.
    Frame f = blank(10, 10);
    for (int i : {0, 1, 10, 11}) {
        f.mask[std::size_t(i)] = 1;
        f.scores[std::size_t(i)] = 0.9f;
    }
    for (int i : {55, 56, 65, 66}) {
        f.mask[std::size_t(i)] = 1;
        f.scores[std::size_t(i)] = (i == 55 || i == 56) ? 0.9f : 0.1f;
    }
    int placed = 0;
    for (std::size_t i = 0; i < 100 && placed < 23; ++i)
        if (!f.mask[i] && i >= 20) {
            f.scores[i] = 0.5f;
            ++placed;
        }
    const eval::PixelMetrics m = run({f});
    EXPECT_EQ(m.regions, 2);
    EXPECT_NEAR(m.aupro, 0.2375 / 0.3, 1e-12);
    // AUROC: the six 0.9 beat all 92 normals, the two 0.1 beat the 69 zeros: 690 / (8 * 92).
    EXPECT_NEAR(m.auroc, 690.0 / 736.0, 1e-12);
    EXPECT_TRUE(m.exact);
}

TEST(PixelMetrics, InterpolatedExactlyAtTheLimit)
{
    // 18 of 90 normals at 0.9, 72 at 0.5; the 10-pixel region all at 0.5.
    // Points (0,0) (0.2,0) (1,1): at FPR 0.3 the PRO is 0.125; area = 0.1 * 0.125 / 2.
    Frame f = blank(10, 10, 0.5f);
    for (int i = 0; i < 10; ++i)
        f.mask[std::size_t(90 + i)] = 1;
    for (int i = 0; i < 18; ++i)
        f.scores[std::size_t(i)] = 0.9f;
    const eval::PixelMetrics m = run({f});
    EXPECT_NEAR(m.aupro, 0.00625 / 0.3, 1e-12);
    eval::PixelOptions wide;
    wide.fprLimit = 1.0;  // whole curve: 0.2 * 0 + 0.8 * 0.5
    EXPECT_NEAR(run({f}, wide).aupro, 0.4, 1e-12);
}

TEST(PixelMetrics, DiagonalNeighboursAreOneRegion)
{
    const uint8_t mask[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    std::vector<int32_t> labels;
    std::vector<int64_t> sizes;
    EXPECT_EQ(eval::labelComponents(mask, 3, 3, labels, sizes), 1);
    EXPECT_EQ(sizes[1], 3);
    const uint8_t two[6] = {1, 0, 1, 1, 0, 1};
    EXPECT_EQ(eval::labelComponents(two, 2, 3, labels, sizes), 2);
}

TEST(PixelMetrics, RandomMasksMatchTheSlowReferenceExactly)
{
    std::mt19937 rng(11);
    for (int trial = 0; trial < 25; ++trial) {
        const std::vector<Frame> frames = randomFrames(rng, 2 + trial % 5, 8 + trial % 7, 9 + trial % 5, true);
        const eval::PixelMetrics m = run(frames);
        if (m.regions == 0)
            continue;
        ASSERT_TRUE(m.exact) << "41 distinct scores in 2^20 bins";
        EXPECT_NEAR(m.aupro, slowAupro(frames, 0.3), 1e-9) << "trial " << trial;
        eval::PixelOptions full;
        full.fprLimit = 1.0;
        EXPECT_NEAR(run(frames, full).aupro, slowAupro(frames, 1.0), 1e-9) << "trial " << trial;
        // Pixel AUROC: the sklearn-checked frame metric over every pixel.
        std::vector<double> s;
        std::vector<uint8_t> y;
        for (const Frame& f : frames)
            for (std::size_t i = 0; i < f.scores.size(); ++i) {
                s.push_back(f.scores[i]);
                y.push_back(f.mask[i]);
            }
        EXPECT_NEAR(m.auroc, eval::summarizeScores(s, y).auc, 1e-9) << "trial " << trial;
    }
}

TEST(PixelMetrics, CoarseBinsStayWithinTheReportedBound)
{
    std::mt19937 rng(5);
    int inexact = 0;
    for (int trial = 0; trial < 15; ++trial) {
        const std::vector<Frame> frames = randomFrames(rng, 4, 12, 15, false);
        eval::PixelOptions coarse;
        coarse.bins = 32;
        const eval::PixelMetrics m = run(frames, coarse);
        if (m.regions == 0)
            continue;
        inexact += m.exact ? 0 : 1;
        const double ref = slowAupro(frames, 0.3);
        EXPECT_LE(std::abs(m.aupro - ref), m.auproErrorBound + 1e-12) << "trial " << trial;
        EXPECT_GT(m.auproErrorBound, 0);
        std::vector<double> s;
        std::vector<uint8_t> y;
        for (const Frame& f : frames)
            for (std::size_t i = 0; i < f.scores.size(); ++i) {
                s.push_back(f.scores[i]);
                y.push_back(f.mask[i]);
            }
        EXPECT_LE(std::abs(m.auroc - eval::summarizeScores(s, y).auc), m.aurocErrorBound + 1e-12);
        // The default resolution is exact or nearly so on the same data.
        const eval::PixelMetrics fine = run(frames);
        EXPECT_LE(std::abs(fine.aupro - ref), fine.auproErrorBound + 1e-12);
        EXPECT_LT(fine.auproErrorBound, 1e-3);
    }
    EXPECT_GT(inexact, 0);
}

TEST(PixelMetrics, BadInput)
{
    eval::ScoreRange r;
    const float bad[3] = {0.1f, std::numeric_limits<float>::quiet_NaN(), 0.2f};
    EXPECT_THROW(r.add(bad, 3), std::exception);
    eval::ScoreRange empty;
    EXPECT_THROW(eval::PixelAccumulator{empty}, std::exception);
    eval::ScoreRange ok;
    const float good[2] = {0.1f, 0.2f};
    ok.add(good, 2);
    eval::PixelAccumulator acc(ok);
    const float outside[2] = {0.1f, 0.9f};
    const uint8_t mask[2] = {0, 1};
    EXPECT_THROW(acc.addFrame(outside, mask, 1, 2), std::exception);
    // No regions: AUPRO undefined, not 0.
    eval::PixelAccumulator acc2(ok);
    const uint8_t none[2] = {0, 0};
    acc2.addFrame(good, none, 1, 2);
    EXPECT_TRUE(std::isnan(acc2.finish().aupro));
    EXPECT_TRUE(std::isnan(acc2.finish().auroc));
}

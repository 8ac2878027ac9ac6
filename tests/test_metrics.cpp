// ctest-labels: unit eval
// Ranking metrics against scikit-learn 1.2 (Debian python3-sklearn), run in the same test: many
// random and adversarial cases (ties, constant scores, -0.0, tiny and large sets, extreme
// magnitudes), AUC / AP / trapezoid AP equal to 1e-9, curves point for point, operating points.
// Smoothing filters against SciPy, percentiles against NumPy. Script: tests/reference/sklearn_metrics.py
#include "eval/metrics.h"
#include "eval/bootstrap.h"
#include "common/error.h"
#include "common/smoothing.h"
#include "eval/postprocess.h"
#include "io/npy.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <random>

using namespace vaclip;
using vaclip::test::TempDir;

namespace {

struct Case {
    std::string what;
    std::vector<double> scores;
    std::vector<uint8_t> labels;
};

std::vector<Case> makeCases()
{
    std::vector<Case> cases;
    std::mt19937_64 rng(20261125);
    std::uniform_real_distribution<double> u(0, 1);
    auto random = [&](std::string what, std::size_t n, double pPos, double quantum, double sep) {
        Case c{std::move(what), {}, {}};
        for (std::size_t i = 0; i < n; ++i) {
            const uint8_t y = u(rng) < pPos;
            double s = u(rng) + sep * y;
            if (quantum > 0)
                s = std::round(s / quantum) * quantum;
            c.scores.push_back(s);
            c.labels.push_back(y);
        }
        // both classes, always
        c.labels[0] = 1;
        c.labels[n - 1] = 0;
        cases.push_back(std::move(c));
    };
    for (int k = 0; k < 40; ++k)
        random("random small #" + std::to_string(k), 2 + std::size_t(u(rng) * 60), 0.1 + 0.8 * u(rng),
               k % 3 == 0 ? 0.1 : (k % 3 == 1 ? 0.0 : 0.25), u(rng) * 0.6);
    for (int k = 0; k < 10; ++k)
        random("random medium #" + std::to_string(k), 500 + std::size_t(u(rng) * 5000), 0.02 + 0.5 * u(rng),
               k % 2 ? 0.001 : 0.0, u(rng) * 0.3);
    random("large 200k distinct", 200000, 0.3, 0.0, 0.2);
    random("large 1M heavy ties", 1000000, 0.2, 0.01, 0.1);
    random("one positive in 5000", 5000, 0.0, 0.0, 0.0);
    cases.push_back({"two frames, right order", {0.2, 0.9}, {0, 1}});
    cases.push_back({"two frames, wrong order", {0.9, 0.2}, {0, 1}});
    cases.push_back({"two frames, tied", {0.5, 0.5}, {0, 1}});
    cases.push_back({"constant scores", std::vector<double>(17, 0.25), {1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1}});
    cases.push_back({"sklearn doc example", {0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1}});
    cases.push_back({"perfect separation", {0.1, 0.2, 0.3, 0.7, 0.8, 0.9}, {0, 0, 0, 1, 1, 1}});
    cases.push_back({"inverted", {0.1, 0.2, 0.3, 0.7, 0.8, 0.9}, {1, 1, 1, 0, 0, 0}});
    cases.push_back({"-0.0 equals 0.0", {-0.0, 0.0, 0.0, -0.0, 1.0, -1.0}, {1, 0, 1, 0, 1, 0}});
    cases.push_back({"negative and integer scores", {-3, -1, -1, 0, 2, 2, 2, 7}, {0, 1, 0, 0, 1, 1, 0, 1}});
    cases.push_back({"extreme magnitudes", {1e300, -1e300, 1e-300, -1e-300, 5e-324, 1e300, 3.0}, {1, 0, 0, 1, 0, 0, 1}});
    cases.push_back({"all positives tied at the top", {1, 1, 1, 0.5, 0.2, 0.2}, {1, 1, 1, 0, 0, 1}});
    {
        Case c{"float32-valued scores", {}, {}};
        std::mt19937 r32(7);
        for (int i = 0; i < 3000; ++i) {
            c.scores.push_back(double(float(std::generate_canonical<float, 24>(r32))));
            c.labels.push_back(uint8_t(i % 7 == 0 || c.scores.back() > 0.9));
        }
        cases.push_back(c);
    }
    {
        Case c{"long runs of ties, alternating labels", {}, {}};
        for (int i = 0; i < 1000; ++i) {
            c.scores.push_back(double(i / 100));
            c.labels.push_back(uint8_t((i * 7919) % 3 == 0));
        }
        cases.push_back(c);
    }
    return cases;
}

std::vector<double> signal(std::size_t n, uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> g;
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i)
        x[i] = std::sin(double(i) / 5.0) + 0.3 * g(rng);
    return x;
}

const std::vector<std::size_t> kSignalLengths = {1, 2, 5, 13, 200};

void expectVector(const std::vector<double>& got, const nlohmann::json& want, double tol, const std::string& what)
{
    ASSERT_EQ(got.size(), want.size()) << what;
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (want[i].is_null()) {
            EXPECT_FALSE(std::isfinite(got[i])) << what << "[" << i << "]";
            continue;
        }
        EXPECT_NEAR(got[i], want[i].get<double>(), tol) << what << "[" << i << "]";
    }
}

class SklearnReference : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_cases = new std::vector<Case>(makeCases());
        s_dir = new TempDir;
        for (std::size_t k = 0; k < s_cases->size(); ++k) {
            const Case& c = (*s_cases)[k];
            writeNpy(s_dir->file("case" + std::to_string(k) + "_scores.npy"),
                     NpyArray::fromDoubles(c.scores, {int64_t(c.scores.size())}));
            writeNpy(s_dir->file("case" + std::to_string(k) + "_labels.npy"),
                     NpyArray::fromUint8(c.labels, {int64_t(c.labels.size())}));
        }
        for (std::size_t k = 0; k < kSignalLengths.size(); ++k)
            writeNpy(s_dir->file("signal" + std::to_string(k) + ".npy"),
                     NpyArray::fromDoubles(signal(kSignalLengths[k], k), {int64_t(kSignalLengths[k])}));
        const std::string python = vaclip::test::pythonWithNumpy();
        ASSERT_FALSE(python.empty()) << "python3 not found at configure time (install python3-sklearn)";
        const std::string script = (vaclip::test::sourceDir() / "tests/reference/sklearn_metrics.py").string();
        const auto r = vaclip::test::runCommand(vaclip::test::shellQuote(python) + " " + vaclip::test::shellQuote(script)
                                                + " " + vaclip::test::shellQuote(s_dir->path().string()) + " "
                                                + vaclip::test::shellQuote(s_dir->file("ref.json")));
        ASSERT_EQ(r.exitCode, 0) << "the scikit-learn reference failed (python3-sklearn installed?):\n" << r.output;
        s_ref = new nlohmann::json(nlohmann::json::parse(vaclip::test::readText(s_dir->file("ref.json"))));
    }
    static void TearDownTestSuite()
    {
        delete s_ref;
        delete s_dir;
        delete s_cases;
    }
    void SetUp() override { ASSERT_NE(s_ref, nullptr) << "no reference answers"; }

    static std::vector<Case>* s_cases;
    static TempDir* s_dir;
    static nlohmann::json* s_ref;
};
std::vector<Case>* SklearnReference::s_cases = nullptr;
TempDir* SklearnReference::s_dir = nullptr;
nlohmann::json* SklearnReference::s_ref = nullptr;

} // namespace

TEST_F(SklearnReference, AucAndBothApDefinitionsMatchTo1e9)
{
    ASSERT_EQ((*s_ref)["cases"].size(), s_cases->size());
    for (std::size_t k = 0; k < s_cases->size(); ++k) {
        const Case& c = (*s_cases)[k];
        const nlohmann::json& ref = (*s_ref)["cases"][k];
        const eval::RankingSummary m = eval::summarizeScores(c.scores, c.labels);
        ASSERT_TRUE(m.defined) << c.what;
        EXPECT_NEAR(m.auc, ref["auc"].get<double>(), 1e-9) << c.what;
        EXPECT_NEAR(m.apStep, ref["ap"].get<double>(), 1e-9) << c.what;
        EXPECT_NEAR(m.apTrapezoid, ref["ap_trapezoid"].get<double>(), 1e-9) << c.what;
        EXPECT_EQ(m.thresholds + 1, ref["roc_full_points"].get<int64_t>()) << c.what;
    }
}

TEST_F(SklearnReference, RocAndPrCurvesMatchPointForPoint)
{
    for (std::size_t k = 0; k < s_cases->size(); ++k) {
        const Case& c = (*s_cases)[k];
        const nlohmann::json& ref = (*s_ref)["cases"][k];
        const eval::BinaryCurve curve = eval::binaryCurve(eval::rankScores(c.scores, c.labels));
        const eval::RocCurve roc = eval::rocCurve(curve, true);
        expectVector(roc.fpr, ref["roc"]["fpr"], 1e-12, c.what + " fpr");
        expectVector(roc.tpr, ref["roc"]["tpr"], 1e-12, c.what + " tpr");
        EXPECT_TRUE(std::isinf(roc.thresholds[0]));
        expectVector(std::vector<double>(roc.thresholds.begin() + 1, roc.thresholds.end()), ref["roc"]["thresholds"], 0,
                     c.what + " roc thresholds");
        const eval::PrCurve pr = eval::prCurve(curve);
        expectVector(pr.precision, ref["pr"]["precision"], 1e-12, c.what + " precision");
        expectVector(pr.recall, ref["pr"]["recall"], 1e-12, c.what + " recall");
        expectVector(pr.thresholds, ref["pr"]["thresholds"], 0, c.what + " pr thresholds");
        if (HasFailure())
            return;  // one case's flood of messages is enough
    }
}

TEST_F(SklearnReference, OperatingPointsFromSklearnCurves)
{
    int checked = 0;
    for (std::size_t k = 0; k < s_cases->size(); ++k) {
        const Case& c = (*s_cases)[k];
        const nlohmann::json& ref = (*s_ref)["cases"][k];
        if (!ref.contains("eer"))
            continue;
        ++checked;
        const eval::RankingSummary m = eval::summarizeScores(c.scores, c.labels);
        EXPECT_NEAR(m.youden.tpr - m.youden.fpr, ref["youden_j"].get<double>(), 1e-12) << c.what;
        EXPECT_NEAR(m.bestF1.f1, ref["f1"].get<double>(), 1e-12) << c.what;
        EXPECT_NEAR(m.eer, ref["eer"].get<double>(), 1e-12) << c.what;
        EXPECT_EQ(m.eerThreshold, ref["eer_threshold"].get<double>()) << c.what;
        // thresholds: only where no other threshold reaches the same optimum within rounding
        EXPECT_EQ(m.youden.threshold, ref["youden_threshold"].get<double>()) << c.what;
        EXPECT_EQ(m.bestF1.threshold, ref["f1_threshold"].get<double>()) << c.what;
    }
    EXPECT_GT(checked, 50);
}

TEST_F(SklearnReference, SmoothingMatchesScipyAndPercentilesMatchNumpy)
{
    ASSERT_EQ((*s_ref)["signals"].size(), kSignalLengths.size());
    for (std::size_t k = 0; k < kSignalLengths.size(); ++k) {
        const std::vector<double> x = signal(kSignalLengths[k], k);
        const nlohmann::json& ref = (*s_ref)["signals"][k];
        const std::string n = "n=" + std::to_string(x.size());
        for (double sigma : {0.5, 1.0, 2.5, 7.0, 30.0}) {
            std::ostringstream key;
            key << sigma;
            std::string ks = key.str();
            if (ks.find('.') == std::string::npos)
                ks += ".0";
            expectVector(eval::gaussianSmooth(x, sigma), ref["gaussian"][ks], 1e-12, n + " gaussian " + ks);
        }
        for (int w : {2, 3, 4, 9, 40})
            expectVector(eval::movingAverage(x, w), ref["uniform"][std::to_string(w)], 1e-12,
                         n + " uniform " + std::to_string(w));
        for (double q : {0.0, 2.5, 50.0, 97.5, 100.0}) {
            std::ostringstream key;
            key << q;
            std::string ks = key.str();
            if (ks.find('.') == std::string::npos)
                ks += ".0";
            EXPECT_NEAR(eval::percentile(x, q / 100), ref["percentile"][ks].get<double>(), 1e-12) << n << " q " << q;
        }
    }
}

TEST(Metrics, SingleClassIsUndefinedNotGarbage)
{
    const eval::RankingSummary a = eval::summarizeScores({0.1, 0.2, 0.3}, {0, 0, 0});
    EXPECT_FALSE(a.defined);
    EXPECT_TRUE(std::isnan(a.auc));
    const eval::RankingSummary b = eval::summarizeScores({0.1, 0.2}, {1, 1});
    EXPECT_FALSE(b.defined);
    EXPECT_EQ(b.positives, 2);
}

TEST(Metrics, RankingOrdersEveryDoubleCorrectly)
{
    std::vector<double> s = {3.5, -0.0, 1e-310, -1e-310, -7, 0.0, 1e308, -1e308, 2.0};
    const eval::Ranking r = eval::rankDescending(s.data(), nullptr, s.size());
    for (std::size_t i = 0; i + 1 < r.size(); ++i)
        EXPECT_GE(r.score(i), r.score(i + 1));
    EXPECT_EQ(r.score(0), 1e308);
    EXPECT_EQ(r.score(8), -1e308);
    int zeroTies = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i)
        zeroTies += r.tiedWithNext(i) ? 1 : 0;
    EXPECT_EQ(zeroTies, 1) << "-0.0 and 0.0 are one threshold";
}

TEST(Metrics, WeightsEqualConcatenationAndBootstrapIsSeeded)
{
    // Three videos; weights {2, 0, 1} must equal the concatenation video0 + video0 + video2.
    std::vector<std::vector<double>> s = {{0.1, 0.8, 0.8, 0.4}, {0.9, 0.2}, {0.3, 0.8, 0.55}};
    std::vector<std::vector<uint8_t>> y = {{0, 1, 0, 1}, {1, 0}, {0, 1, 0}};
    std::vector<double> all;
    std::vector<uint32_t> payload;
    for (uint32_t v = 0; v < 3; ++v)
        for (std::size_t i = 0; i < s[v].size(); ++i) {
            all.push_back(s[v][i]);
            payload.push_back((v << 1) | y[v][i]);
        }
    const eval::Ranking r = eval::rankDescending(all.data(), payload.data(), all.size());
    std::vector<double> w = {2, 0, 1};
    const eval::RankingSummary weighted = eval::summarize(r, &w);
    std::vector<double> cs;
    std::vector<uint8_t> cy;
    for (int v : {0, 0, 2}) {
        cs.insert(cs.end(), s[std::size_t(v)].begin(), s[std::size_t(v)].end());
        cy.insert(cy.end(), y[std::size_t(v)].begin(), y[std::size_t(v)].end());
    }
    const eval::RankingSummary concat = eval::summarizeScores(cs, cy);
    EXPECT_DOUBLE_EQ(weighted.auc, concat.auc);
    EXPECT_DOUBLE_EQ(weighted.apStep, concat.apStep);
    EXPECT_DOUBLE_EQ(weighted.apTrapezoid, concat.apTrapezoid);
    EXPECT_DOUBLE_EQ(weighted.eer, concat.eer);
    EXPECT_EQ(weighted.thresholds, concat.thresholds) << "the 0.9 of the weight-0 video is no threshold";

    const eval::BootstrapResult b1 = eval::bootstrapOverVideos(r, 3, {500, 7, 0.9, eval::ApDefinition::Step});
    const eval::BootstrapResult b2 = eval::bootstrapOverVideos(r, 3, {500, 7, 0.9, eval::ApDefinition::Step});
    EXPECT_EQ(b1.valid + b1.skipped, 500);
    EXPECT_EQ(b1.skipped, 0) << "every video holds both classes";
    EXPECT_EQ(b1.auc.low, b2.auc.low);
    EXPECT_EQ(b1.ap.high, b2.ap.high);
    EXPECT_LE(b1.auc.low, b1.auc.high);
    // 30 random videos: another seed gives other resamples, hence another interval.
    std::mt19937_64 rng(3);
    std::vector<double> s30;
    std::vector<uint32_t> p30;
    for (uint32_t v = 0; v < 30; ++v)
        for (int i = 0; i < 20; ++i) {
            const uint32_t label = (rng() % 4 == 0) ? 1u : 0u;
            s30.push_back(double(rng() % 1000) / 1000 + 0.3 * label);
            p30.push_back((v << 1) | label);
        }
    const eval::Ranking r30 = eval::rankDescending(s30.data(), p30.data(), s30.size());
    const eval::BootstrapResult c1 = eval::bootstrapOverVideos(r30, 30, {300, 7, 0.95, eval::ApDefinition::Step});
    const eval::BootstrapResult c2 = eval::bootstrapOverVideos(r30, 30, {300, 8, 0.95, eval::ApDefinition::Step});
    EXPECT_NE(c1.auc.low, c2.auc.low);
    EXPECT_NE(c1.auc.stddev, c2.auc.stddev);
    const double point = eval::summarize(r30).auc;
    EXPECT_LT(c1.auc.low, point);
    EXPECT_GT(c1.auc.high, point);
    // Every resample value lies in [0, 1], so the interval does too.
    EXPECT_GE(b1.auc.low, 0);
    EXPECT_LE(b1.auc.high, 1);
}

TEST(Metrics, ApDefinitionNames)
{
    EXPECT_EQ(eval::parseApDefinition("step"), eval::ApDefinition::Step);
    EXPECT_EQ(eval::parseApDefinition("trapezoid"), eval::ApDefinition::Trapezoid);
    EXPECT_THROW(eval::parseApDefinition("interpolated"), std::exception);
}

TEST(Smoothing, Gaussian2dMatchesScipyGaussianFilter)
{
    // x[i][j] = ((7i + 3j) mod 5) / 4 and the values of
    // scipy.ndimage.gaussian_filter(x, 1.3, mode="reflect", truncate=4.0) (SciPy 1.10.1). The
    // radius (5) exceeds both sides, so the reflection repeats.
    std::vector<float> x;
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 6; ++j)
            x.push_back(float((i * 7 + j * 3) % 5) / 4.f);
    const double want[] = {0.372329706733, 0.421626776797, 0.492099659821, 0.537684688656, 0.511379796829,
                           0.449727431717, 0.443231305571, 0.452940360664, 0.481649151849, 0.518682565879,
                           0.528363551123, 0.511933085387, 0.527332208138, 0.503494377907, 0.483570614606,
                           0.491100125517, 0.519253683463, 0.542286324459, 0.572435338258, 0.548647680092,
                           0.508063566835, 0.475724455353, 0.483337475309, 0.513725120882, 0.584671441299,
                           0.573290804540, 0.534617006889, 0.476808164594, 0.457665493276, 0.482328037555};
    vaclip::gaussianFilter2d(x.data(), 5, 6, 1.3);
    for (std::size_t i = 0; i < x.size(); ++i)
        EXPECT_NEAR(x[i], want[i], 1e-6) << i;
    EXPECT_THROW(vaclip::gaussianFilter2d(x.data(), 5, 6, -1), vaclip::Error);
}

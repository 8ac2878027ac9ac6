// ctest-labels: unit eval
// eval::evaluate: micro/macro/video-level bookkeeping, video score modes, post-processing order,
// and the errors that name the video and the numbers. (The metric values themselves are checked
// against scikit-learn in test_metrics.cpp and test_evaluate_cli.cpp.)
#include "common/error.h"
#include "eval/evaluator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

using namespace vaclip;

namespace {

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

std::vector<eval::VideoScores> threeVideos()
{
    return {{"a", {0.1, 0.9, 0.8, 0.2}, {0, 1, 1, 0}},     // perfect: AUC 1
            {"b", {0.5, 0.4, 0.3}, {0, 0, 0}},             // all normal: undefined per video
            {"c", {0.6, 0.2, 0.7, 0.1}, {1, 0, 0, 0}}};    // 0.6 beats 0.2 and 0.1, loses to 0.7: AUC 2/3
}

} // namespace

TEST(Evaluator, MacroLeavesSingleClassVideosOutAndCountsThem)
{
    const eval::EvaluationResult r = eval::evaluate(threeVideos(), {});
    ASSERT_EQ(r.perVideo.size(), 3u);
    EXPECT_TRUE(r.perVideo[0].defined);
    EXPECT_FALSE(r.perVideo[1].defined);
    EXPECT_TRUE(std::isnan(r.perVideo[1].auc));
    EXPECT_DOUBLE_EQ(r.perVideo[2].auc, 2.0 / 3.0);
    EXPECT_EQ(r.macro.definedVideos, 2);
    EXPECT_EQ(r.macro.undefinedVideos, 1);
    EXPECT_DOUBLE_EQ(r.macro.auc, (1.0 + 2.0 / 3.0) / 2);
    EXPECT_EQ(r.micro.positives, 3);
    EXPECT_EQ(r.micro.negatives, 8);
    // Video level: a 0.9 (label 1), b 0.5 (0), c 0.7 (1) -> both anomalous videos above: AUC 1.
    EXPECT_DOUBLE_EQ(r.perVideo[0].videoScore, 0.9);
    EXPECT_EQ(r.perVideo[1].videoLabel, 0);
    EXPECT_DOUBLE_EQ(r.videoLevel.auc, 1.0);
}

TEST(Evaluator, TopKMeanAndPostProcessingOrder)
{
    EXPECT_DOUBLE_EQ(eval::videoScore({0.1, 0.9, 0.5, 0.7}, eval::VideoScoreMode::TopKMean, 2), 0.8);
    EXPECT_DOUBLE_EQ(eval::videoScore({0.1, 0.9}, eval::VideoScoreMode::TopKMean, 5), 0.5) << "short video: all frames";
    EXPECT_DOUBLE_EQ(eval::videoScore({0.1, 0.9, 0.5}, eval::VideoScoreMode::Max, 1), 0.9);
    EXPECT_THROW(eval::videoScore({0.1}, eval::VideoScoreMode::TopKMean, 0), Error);

    eval::EvalOptions o;
    o.post.movingAverage = 3;
    o.post.minMax = true;
    const eval::EvaluationResult r = eval::evaluate(threeVideos(), o);
    // Video a: moving average 3 with reflection: [0.1,0.1,0.9,0.8,0.2,0.2] -> 0.3667, 0.6, 0.6333, 0.4
    // then min-max -> 0, 0.875, 1, 0.125
    const std::vector<double>& a = r.processed[0].scores;
    EXPECT_NEAR(a[0], 0.0, 1e-12);
    EXPECT_NEAR(a[2], 1.0, 1e-12);
    EXPECT_NEAR(a[1], (0.6 - 1.1 / 3) / (1.9 / 3 - 1.1 / 3), 1e-12);
    EXPECT_EQ(r.options.post.describe(), "moving_average(3) + minmax");
    EXPECT_EQ(eval::PostProcess{}.describe(), "none");
}

TEST(Evaluator, ErrorsNameTheVideoAndTheNumbers)
{
    auto v = threeVideos();
    v[2].scores[3] = std::nan("");
    std::string e = errorOf([&] { eval::evaluate(v, {}); });
    EXPECT_NE(e.find("video 'c'"), std::string::npos) << e;
    EXPECT_NE(e.find("frame 3"), std::string::npos) << e;

    v = threeVideos();
    v[1].scores.push_back(0.2);
    e = errorOf([&] { eval::evaluate(v, {}); });
    EXPECT_NE(e.find("video 'b': 4 scores but 3 ground-truth frames"), std::string::npos) << e;

    v = threeVideos();
    v[0].scores[1] = INFINITY;
    v[0].scores[2] = -INFINITY;
    e = errorOf([&] { eval::evaluate(v, {}); });
    EXPECT_NE(e.find("2 non-finite scores, first at frame 1 (inf)"), std::string::npos) << e;

    v = threeVideos();
    v[0].scores.clear();
    v[0].labels.clear();
    e = errorOf([&] { eval::evaluate(v, {}); });
    EXPECT_NE(e.find("video 'a': no frames"), std::string::npos) << e;

    e = errorOf([&] { eval::evaluate({{"n", {0.2, 0.3}, {0, 0}}}, {}); });
    EXPECT_NE(e.find("only normal"), std::string::npos) << e;
    EXPECT_NE(e.find("2 frames"), std::string::npos) << e;
    e = errorOf([&] { eval::evaluate({}, {}); });
    EXPECT_NE(e.find("no videos"), std::string::npos) << e;

    v = threeVideos();
    v[0].labels[0] = 2;
    e = errorOf([&] { eval::evaluate(v, {}); });
    EXPECT_NE(e.find("label 2 at frame 0"), std::string::npos) << e;

    // Huge finite scores that smoothing turns into inf are caught after post-processing.
    eval::EvalOptions o;
    o.post.movingAverage = 2;
    v = threeVideos();
    v[1].scores = {1.7e308, 1.7e308, 1.7e308};
    e = errorOf([&] { eval::evaluate(v, o); });
    EXPECT_NE(e.find("after moving_average(2)"), std::string::npos) << e;
}

TEST(Evaluator, VideoLevelUndefinedWhenAllVideosShareALabel)
{
    std::vector<eval::VideoScores> v = {{"a", {0.1, 0.9}, {0, 1}}, {"b", {0.3, 0.2}, {1, 0}}};
    const eval::EvaluationResult r = eval::evaluate(v, {});
    EXPECT_FALSE(r.videoLevel.defined);
    EXPECT_TRUE(std::isnan(r.videoLevel.auc));
    EXPECT_TRUE(r.micro.defined);
}

// ctest-labels: unit eval
// Predicted segments at a threshold and their comparison with ground truth (eval/segments.h).
// Expected values are worked out by hand from the definitions in the header.
#include "common/error.h"
#include "eval/segments.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace vaclip::eval;

TEST(Segments, RunsAtOrAboveThreshold)
{
    //                      0    1    2    3    4    5    6    7    8
    std::vector<double> s = {0.1, 0.5, 0.9, 0.2, 0.6, 0.6, 0.1, 0.1, 0.7};
    EXPECT_EQ(thresholdSegments(s, 0.5), (std::vector<Segment>{{1, 3}, {4, 6}, {8, 9}}));
    EXPECT_EQ(thresholdSegments(s, 0.95), std::vector<Segment>{});
    EXPECT_EQ(thresholdSegments(s, 0.0), (std::vector<Segment>{{0, 9}}));
    // Gap of 1 frame (3) joins [1,3) and [4,6) when mergeGap = 2; the gap of 2 (6,7) stays.
    EXPECT_EQ(thresholdSegments(s, 0.5, {1, 2}), (std::vector<Segment>{{1, 6}, {8, 9}}));
    EXPECT_EQ(thresholdSegments(s, 0.5, {1, 3}), (std::vector<Segment>{{1, 9}}));
    // minLength drops the single frame at 8.
    EXPECT_EQ(thresholdSegments(s, 0.5, {2, 0}), (std::vector<Segment>{{1, 3}, {4, 6}}));
    const std::vector<float> f = {1.f, NAN, 1.f};
    EXPECT_EQ(thresholdSegments(f, 0.5), (std::vector<Segment>{{0, 1}, {2, 3}}));
    EXPECT_TRUE(thresholdSegments(std::vector<double>{}, 0.5).empty());
}

TEST(Segments, FalsePositivesAndMissed)
{
    const std::vector<Segment> pred = {{0, 5}, {10, 20}, {40, 42}};
    const std::vector<Segment> gt = {{15, 30}, {50, 60}};
    const SegmentComparison c = compareSegments(pred, gt);
    ASSERT_EQ(c.truePositives.size(), 1u);
    EXPECT_EQ(c.truePositives[0].segment, (Segment{10, 20}));
    EXPECT_EQ(c.truePositives[0].overlapFrames, 5);
    EXPECT_DOUBLE_EQ(c.truePositives[0].overlapFraction, 0.5);
    ASSERT_EQ(c.falsePositives.size(), 2u);
    EXPECT_EQ(c.falsePositives[0].segment, (Segment{0, 5}));
    EXPECT_EQ(c.falsePositives[1].segment, (Segment{40, 42}));
    ASSERT_EQ(c.detected.size(), 1u);
    EXPECT_EQ(c.detected[0].segment, (Segment{15, 30}));
    EXPECT_NEAR(c.detected[0].overlapFraction, 5.0 / 15.0, 1e-12);
    ASSERT_EQ(c.missed.size(), 1u);
    EXPECT_EQ(c.missed[0].segment, (Segment{50, 60}));
    // FP frames: 5 + 5 (10..14) + 2; missed frames: 20..29 (10) + 10.
    EXPECT_EQ(c.falsePositiveFrames, 12);
    EXPECT_EQ(c.missedFrames, 20);
}

TEST(Segments, CoverageAndPrecisionThresholds)
{
    const std::vector<Segment> pred = {{10, 20}};
    const std::vector<Segment> gt = {{15, 30}};
    CompareOptions strict;
    strict.minCoverage = 0.5;    // 5/15 covered: missed
    strict.minPrecision = 0.6;   // 5/10 inside: false positive
    const SegmentComparison c = compareSegments(pred, gt, strict);
    EXPECT_EQ(c.missed.size(), 1u);
    EXPECT_EQ(c.falsePositives.size(), 1u);
    EXPECT_TRUE(c.detected.empty());
    EXPECT_TRUE(c.truePositives.empty());
}

TEST(Segments, OverlappingTruthIsCountedOnce)
{
    const std::vector<Segment> gt = {{0, 10}, {5, 15}};   // union [0, 15)
    const SegmentComparison c = compareSegments({{12, 20}}, gt);
    EXPECT_EQ(c.detected.size(), 1u);   // [5, 15) overlaps 3 frames
    EXPECT_EQ(c.missed.size(), 1u);     // [0, 10) none
    EXPECT_EQ(c.missedFrames, 12);      // 0..11
    EXPECT_EQ(c.falsePositiveFrames, 5);  // 15..19
}

TEST(Segments, AtThresholdFillsMaxScore)
{
    std::vector<double> s(20, 0.0);
    s[3] = 0.8;
    s[4] = 0.9;
    s[12] = 0.6;
    const SegmentComparison c = compareAtThreshold(s, 0.5, {{10, 14}, {16, 18}});
    ASSERT_EQ(c.falsePositives.size(), 1u);
    EXPECT_EQ(c.falsePositives[0].segment, (Segment{3, 5}));
    EXPECT_DOUBLE_EQ(c.falsePositives[0].maxScore, 0.9);
    ASSERT_EQ(c.missed.size(), 1u);
    EXPECT_EQ(c.missed[0].segment, (Segment{16, 18}));
    EXPECT_DOUBLE_EQ(c.missed[0].maxScore, 0.0);
    ASSERT_EQ(c.detected.size(), 1u);
    EXPECT_DOUBLE_EQ(c.detected[0].maxScore, 0.6);
}

TEST(Segments, InvalidSegmentsAreErrors)
{
    EXPECT_THROW(compareSegments({{5, 5}}, {}), vaclip::Error);
    EXPECT_THROW(compareSegments({}, {{-1, 3}}), vaclip::Error);
    EXPECT_THROW(thresholdSegments(std::vector<double>{1.0}, 0.5, {-1, 0}), vaclip::Error);
}

// Detection metrics on small cases worked out by hand: matching, precision and recall at a threshold, AP, mAP.
#include "trainer/detection/detection_metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace cvmock::trainer::detection {
namespace {

const Box kTopLeft{0, 0, 0.5f, 0.5f};
const Box kBottomRight{0.5f, 0.5f, 0.5f, 0.5f};

// Tag 0: image A has regions at the top left and bottom right, image B one at the top left.
//   A: 0.9 on A's top left (true), 0.8 on nearly the same box (a duplicate: false), 0.3 on A's bottom right (true)
//   B: 0.7 on an empty corner (false); B's region is never found.
// Ranked: 0.9 T, 0.8 F, 0.7 F, 0.3 T, over 3 regions: AP = (1/1 + 2/4) / 3 = 0.5.
// Tag 1 has no region and one (false) detection.
struct Example {
  std::vector<std::vector<Detection>> predicted{
      {{0, kTopLeft, 0.9f}, {0, {0.02f, 0, 0.5f, 0.5f}, 0.8f}, {0, kBottomRight, 0.3f}, {1, kBottomRight, 0.6f}},
      {{0, {0.6f, 0, 0.3f, 0.3f}, 0.7f}}};
  std::vector<std::vector<Region>> truth{{{0, kTopLeft}, {0, kBottomRight}}, {{0, kTopLeft}}};
};

TEST(EvaluateDetections, AveragePrecisionOfAHandWorkedExample) {
  const Example example;
  const Performance performance = evaluateDetections(example.predicted, example.truth, 2, 0.5);
  EXPECT_NEAR(performance.perTag[0].averagePrecision, 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(performance.perTag[1].averagePrecision, 0.0);
  EXPECT_NEAR(performance.overall.averagePrecision, 0.5, 1e-12);  // tag 1 has no region: not in the mean
}

TEST(EvaluateDetections, PrecisionAndRecallCutAtTheThreshold) {
  const Example example;
  // At 0.5: tag 0 keeps 0.9 (T), 0.8 (F), 0.7 (F): TP 1, FP 2, FN 2.
  const Performance atHalf = evaluateDetections(example.predicted, example.truth, 2, 0.5);
  EXPECT_NEAR(atHalf.perTag[0].precision, 1.0 / 3, 1e-12);
  EXPECT_NEAR(atHalf.perTag[0].recall, 1.0 / 3, 1e-12);
  EXPECT_NEAR(atHalf.perTag[0].precisionStdDeviation, std::sqrt(2.0 / 27), 1e-12);
  EXPECT_NEAR(atHalf.perTag[0].recallStdDeviation, std::sqrt(2.0 / 27), 1e-12);
  EXPECT_DOUBLE_EQ(atHalf.perTag[1].precision, 0.0);  // one false detection
  EXPECT_DOUBLE_EQ(atHalf.perTag[1].recall, 0.0);     // nothing to find
  // Pooled over tags: TP 1, FP 3, FN 2.
  EXPECT_NEAR(atHalf.overall.precision, 0.25, 1e-12);
  EXPECT_NEAR(atHalf.overall.recall, 1.0 / 3, 1e-12);
  // At 0.25 the 0.3 detection counts too: TP 2, FP 2, FN 1.
  const Performance atQuarter = evaluateDetections(example.predicted, example.truth, 2, 0.25);
  EXPECT_NEAR(atQuarter.perTag[0].precision, 0.5, 1e-12);
  EXPECT_NEAR(atQuarter.perTag[0].recall, 2.0 / 3, 1e-12);
  // The threshold never changes AP.
  EXPECT_DOUBLE_EQ(atQuarter.perTag[0].averagePrecision, atHalf.perTag[0].averagePrecision);
}

TEST(EvaluateDetections, OverlapThresholdDecidesWhetherABoxIsTrue) {
  // Intersection 0.5 x 0.25 = 0.125, union 0.25 + 0.25 - 0.125 = 0.375: IoU 1/3.
  const Box region{0, 0, 0.5f, 0.5f};
  const Box detected{0, 0.25f, 0.5f, 0.5f};
  const std::vector<std::vector<Detection>> predicted{{{0, detected, 0.9f}}};
  const std::vector<std::vector<Region>> truth{{{0, region}}};
  EXPECT_DOUBLE_EQ(evaluateDetections(predicted, truth, 1, 0.5, 0.3).perTag[0].recall, 1.0);
  EXPECT_DOUBLE_EQ(evaluateDetections(predicted, truth, 1, 0.5, 0.5).perTag[0].recall, 0.0);
  EXPECT_DOUBLE_EQ(evaluateDetections(predicted, truth, 1, 0.5).perTag[0].precision, 0.0);  // default 0.5
}

TEST(EvaluateDetections, ADetectionTakesTheBestRegionNotYetTaken) {
  // Two overlapping regions. The first detection sits exactly on a; the second overlaps a by 2/3 and b by 0.54,
  // so with a taken it matches b: both true.
  const Box a{0, 0, 0.4f, 0.4f};
  const Box b{0.2f, 0, 0.4f, 0.4f};
  const std::vector<std::vector<Detection>> predicted{{{0, {0.08f, 0, 0.4f, 0.4f}, 0.8f}, {0, a, 0.9f}}};
  const std::vector<std::vector<Region>> truth{{{0, a}, {0, b}}};
  const Performance performance = evaluateDetections(predicted, truth, 1, 0.5, 0.5);
  EXPECT_DOUBLE_EQ(performance.perTag[0].precision, 1.0);
  EXPECT_DOUBLE_EQ(performance.perTag[0].recall, 1.0);
  EXPECT_DOUBLE_EQ(performance.perTag[0].averagePrecision, 1.0);
}

TEST(EvaluateDetections, ABoxOfAnotherTagIsFalse) {
  const std::vector<std::vector<Detection>> predicted{{{1, kTopLeft, 0.9f}}};
  const std::vector<std::vector<Region>> truth{{{0, kTopLeft}}};
  const Performance performance = evaluateDetections(predicted, truth, 2, 0.5);
  EXPECT_DOUBLE_EQ(performance.perTag[0].recall, 0.0);
  EXPECT_DOUBLE_EQ(performance.perTag[1].precision, 0.0);
  EXPECT_DOUBLE_EQ(performance.overall.averagePrecision, 0.0);
}

TEST(EvaluateDetections, PerfectDetectionsScoreOne) {
  const std::vector<std::vector<Detection>> predicted{{{0, kTopLeft, 0.95f}}, {{1, kBottomRight, 0.6f}}};
  const std::vector<std::vector<Region>> truth{{{0, kTopLeft}}, {{1, kBottomRight}}};
  const Performance performance = evaluateDetections(predicted, truth, 2, 0.5);
  EXPECT_DOUBLE_EQ(performance.overall.precision, 1.0);
  EXPECT_DOUBLE_EQ(performance.overall.recall, 1.0);
  EXPECT_DOUBLE_EQ(performance.overall.averagePrecision, 1.0);
}

TEST(EvaluateDetections, NoImagesGiveZeros) {
  const Performance performance = evaluateDetections({}, {}, 2, 0.5);
  ASSERT_EQ(performance.perTag.size(), 2u);
  EXPECT_DOUBLE_EQ(performance.overall.averagePrecision, 0.0);
  EXPECT_DOUBLE_EQ(performance.overall.precision, 0.0);
}

TEST(EvaluateDetections, RefusesInconsistentInput) {
  EXPECT_THROW(evaluateDetections({{}}, {}, 1, 0.5), std::invalid_argument);
  EXPECT_THROW(evaluateDetections({{{2, kTopLeft, 0.5f}}}, {{}}, 2, 0.5), std::invalid_argument);
  EXPECT_THROW(evaluateDetections({{}}, {{{-1, kTopLeft}}}, 2, 0.5), std::invalid_argument);
}

}  // namespace
}  // namespace cvmock::trainer::detection

// Boxes in normalised coordinates: validity, clamping, IoU and non-maximum suppression, edge cases included.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "trainer/detection/box.h"

namespace cvmock::trainer::detection {
namespace {

TEST(IntersectionOverUnion, IsOneForEqualBoxesAndZeroForDisjointOnes) {
  const Box box{0.1f, 0.2f, 0.3f, 0.4f};
  EXPECT_FLOAT_EQ(intersectionOverUnion(box, box), 1.0f);
  EXPECT_FLOAT_EQ(intersectionOverUnion(box, {0.5f, 0.2f, 0.3f, 0.4f}), 0.0f);
}

TEST(IntersectionOverUnion, IsZeroForBoxesThatOnlyTouch) {
  EXPECT_FLOAT_EQ(intersectionOverUnion({0, 0, 0.5f, 0.5f}, {0.5f, 0, 0.5f, 0.5f}), 0.0f);
  EXPECT_FLOAT_EQ(intersectionOverUnion({0, 0, 0.5f, 0.5f}, {0.5f, 0.5f, 0.5f, 0.5f}), 0.0f);
}

TEST(IntersectionOverUnion, MatchesHandComputedOverlaps) {
  // Half of a box against the whole: intersection 0.5, union 1.
  EXPECT_FLOAT_EQ(intersectionOverUnion({0, 0, 1, 1}, {0, 0, 0.5f, 1}), 0.5f);
  // Two unit squares (scaled by 0.25) shifted by half a side: intersection 1/2, union 3/2.
  EXPECT_NEAR(intersectionOverUnion({0, 0, 0.25f, 0.25f}, {0.125f, 0, 0.25f, 0.25f}), 1.0f / 3.0f, 1e-6f);
  // A box inside another of four times its area.
  EXPECT_NEAR(intersectionOverUnion({0.2f, 0.2f, 0.4f, 0.4f}, {0.3f, 0.3f, 0.2f, 0.2f}), 0.25f, 1e-6f);
}

TEST(IntersectionOverUnion, IsSymmetric) {
  const Box a{0.1f, 0.1f, 0.5f, 0.3f};
  const Box b{0.3f, 0.2f, 0.4f, 0.6f};
  EXPECT_FLOAT_EQ(intersectionOverUnion(a, b), intersectionOverUnion(b, a));
}

TEST(IntersectionOverUnion, IsZeroWhenABoxHasNoArea) {
  EXPECT_FLOAT_EQ(intersectionOverUnion({0.1f, 0.1f, 0, 0.5f}, {0, 0, 1, 1}), 0.0f);
  EXPECT_FLOAT_EQ(intersectionOverUnion({0.1f, 0.1f, 0, 0}, {0.1f, 0.1f, 0, 0}), 0.0f);
  EXPECT_FLOAT_EQ(intersectionOverUnion({0.1f, 0.1f, -0.2f, 0.5f}, {0, 0, 1, 1}), 0.0f);
}

TEST(IsValidRegion, AcceptsBoxesInsideTheImageWithAnArea) {
  EXPECT_TRUE(isValidRegion({0, 0, 1, 1}));
  EXPECT_TRUE(isValidRegion({0.25f, 0.5f, 0.75f, 0.5f}));
  EXPECT_TRUE(isValidRegion({0.1f, 0.2f, 0.3f, 0.8f + 1e-7f}));  // rounding at the edge is tolerated
}

TEST(IsValidRegion, RefusesEmptyOutsideAndNonFiniteBoxes) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  EXPECT_FALSE(isValidRegion({0.1f, 0.1f, 0, 0.5f}));
  EXPECT_FALSE(isValidRegion({0.1f, 0.1f, 0.5f, -0.1f}));
  EXPECT_FALSE(isValidRegion({-0.1f, 0.1f, 0.5f, 0.5f}));
  EXPECT_FALSE(isValidRegion({0.6f, 0.1f, 0.5f, 0.5f}));
  EXPECT_FALSE(isValidRegion({0.1f, 0.6f, 0.5f, 0.5f}));
  EXPECT_FALSE(isValidRegion({nan, 0.1f, 0.5f, 0.5f}));
  EXPECT_FALSE(isValidRegion({0.1f, 0.1f, std::numeric_limits<float>::infinity(), 0.5f}));
}

TEST(ClampToImage, CutsABoxToTheImage) {
  const Box clamped = clampToImage({-0.2f, 0.5f, 0.6f, 0.7f});
  EXPECT_FLOAT_EQ(clamped.left, 0.0f);
  EXPECT_FLOAT_EQ(clamped.top, 0.5f);
  EXPECT_FLOAT_EQ(clamped.width, 0.4f);
  EXPECT_FLOAT_EQ(clamped.height, 0.5f);
  EXPECT_FLOAT_EQ(clampToImage({1.2f, 0.1f, 0.3f, 0.3f}).area(), 0.0f);
}

TEST(NonMaximumSuppression, KeepsTheBestOfOverlappingBoxesAndEveryDisjointOne) {
  const std::vector<Box> boxes{{0, 0, 0.4f, 0.4f}, {0.02f, 0.02f, 0.4f, 0.4f}, {0.6f, 0.6f, 0.3f, 0.3f}};
  const std::vector<int> kept = nonMaximumSuppression(boxes, {0.6f, 0.9f, 0.1f}, 0.5f);
  EXPECT_EQ(kept, (std::vector<int>{1, 2}));
}

TEST(NonMaximumSuppression, KeepsABoxWhoseOverlapEqualsTheLimit) {
  // IoU exactly 0.5: suppressed only by a limit below it.
  const std::vector<Box> boxes{{0, 0, 1, 1}, {0, 0, 0.5f, 1}};
  EXPECT_EQ(nonMaximumSuppression(boxes, {0.9f, 0.8f}, 0.5f), (std::vector<int>{0, 1}));
  EXPECT_EQ(nonMaximumSuppression(boxes, {0.9f, 0.8f}, 0.49f), (std::vector<int>{0}));
}

TEST(NonMaximumSuppression, BreaksTiesByIndex) {
  const std::vector<Box> boxes{{0, 0, 0.5f, 0.5f}, {0, 0, 0.5f, 0.5f}, {0, 0, 0.5f, 0.5f}};
  EXPECT_EQ(nonMaximumSuppression(boxes, {0.7f, 0.7f, 0.7f}, 0.5f), (std::vector<int>{0}));
  EXPECT_EQ(nonMaximumSuppression(boxes, {0.7f, 0.7f, 0.7f}, 1.0f), (std::vector<int>{0, 1, 2}));
}

TEST(NonMaximumSuppression, DoesNotLetASuppressedBoxSuppressOthers) {
  // IoU(0, 1) = 0.6 and IoU(1, 2) = 0.6, but IoU(0, 2) = 1/3: 1 goes, and so cannot take 2 with it.
  const std::vector<Box> boxes{{0, 0, 0.4f, 0.4f}, {0.1f, 0, 0.4f, 0.4f}, {0.2f, 0, 0.4f, 0.4f}};
  EXPECT_EQ(nonMaximumSuppression(boxes, {0.9f, 0.8f, 0.7f}, 0.5f), (std::vector<int>{0, 2}));
}

TEST(NonMaximumSuppression, HandlesNoBoxesAndRefusesMismatchedScores) {
  EXPECT_TRUE(nonMaximumSuppression({}, {}, 0.5f).empty());
  EXPECT_THROW(nonMaximumSuppression({{0, 0, 1, 1}}, {}, 0.5f), std::invalid_argument);
}

}  // namespace
}  // namespace cvmock::trainer::detection

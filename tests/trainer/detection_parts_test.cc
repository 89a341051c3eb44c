// The detector's building blocks: resampling, segmentation, hierarchical grouping and box regression.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "trainer/detection/box_regression.h"
#include "trainer/detection/grouping.h"
#include "trainer/detection/resample.h"
#include "trainer/detection/segmentation.h"

namespace cvmock::trainer::detection {
namespace {

// width x height planes, red = x / width, green = y / height, blue constant 0.5.
ColourPlanes ramp(int width, int height) {
  ColourPlanes planes{Eigen::ArrayXXf(height, width), Eigen::ArrayXXf(height, width),
                      Eigen::ArrayXXf::Constant(height, width, 0.5f)};
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      planes.red(y, x) = static_cast<float>(x) / width;
      planes.green(y, x) = static_cast<float>(y) / height;
    }
  }
  return planes;
}

// Left part one colour, right part another, split at column `split`.
ColourPlanes twoTones(int width, int height, int split) {
  ColourPlanes planes{Eigen::ArrayXXf::Zero(height, width), Eigen::ArrayXXf::Zero(height, width),
                      Eigen::ArrayXXf::Zero(height, width)};
  planes.red.leftCols(split).setConstant(0.9f);
  planes.blue.rightCols(width - split).setConstant(0.8f);
  return planes;
}

TEST(ResampleRect, TheWholeImageAtItsOwnSizeIsUnchanged) {
  const ColourPlanes image = ramp(12, 8);
  const ColourPlanes same = resampleRect(image, {0, 0, 12, 8}, 12, 8);
  EXPECT_TRUE(same.red.isApprox(image.red, 1e-6f));
  EXPECT_TRUE(same.green.isApprox(image.green, 1e-6f));
}

TEST(ResampleRect, HalvingAveragesEachTwoByTwoBlock) {
  const ColourPlanes image = ramp(8, 6);
  const ColourPlanes half = resampleRect(image, {0, 0, 8, 6}, 4, 3);
  for (int y = 0; y < 3; ++y) {
    for (int x = 0; x < 4; ++x) {
      const float expected = (image.red(2 * y, 2 * x) + image.red(2 * y, 2 * x + 1) + image.red(2 * y + 1, 2 * x) +
                              image.red(2 * y + 1, 2 * x + 1)) /
                             4;
      EXPECT_NEAR(half.red(y, x), expected, 1e-6f);
    }
  }
}

TEST(ResampleRect, ACropPastTheEdgeRepeatsTheEdge) {
  const ColourPlanes image = ramp(10, 10);
  const ColourPlanes outside = resampleRect(image, {-5, 0, 4, 10}, 4, 10);
  EXPECT_TRUE((outside.red == 0.0f).all());  // column 0 of the ramp is 0
}

TEST(ResampleRect, RefusesEmptyInput) {
  const ColourPlanes image = ramp(4, 4);
  EXPECT_THROW(resampleRect(image, {0, 0, 0, 4}, 2, 2), std::invalid_argument);
  EXPECT_THROW(resampleRect(image, {0, 0, 4, 4}, 0, 2), std::invalid_argument);
  EXPECT_THROW(resampleRect(ColourPlanes{}, {0, 0, 4, 4}, 2, 2), std::invalid_argument);
}

TEST(Segmentation, SplitsTwoFlatColoursIntoTwoRegions) {
  const Segmentation segmentation = segmentImage(pixelGraph(twoTones(20, 10, 8)), {1.0f, 5});
  ASSERT_EQ(segmentation.regionCount, 2);
  for (int y = 0; y < 10; ++y) {
    for (int x = 0; x < 20; ++x) EXPECT_EQ(segmentation.label[y * 20 + x], x < 8 ? 0 : 1) << x << "," << y;
  }
}

TEST(Segmentation, MergesRegionsSmallerThanTheMinimum) {
  ColourPlanes image = twoTones(20, 10, 8);
  image.green(4, 14) = 1.0f;  // a one-pixel speck
  EXPECT_EQ(segmentImage(pixelGraph(image), {0.01f, 5}).regionCount, 2);
  EXPECT_EQ(segmentImage(pixelGraph(image), {0.01f, 1}).regionCount, 3);
}

TEST(Segmentation, RefusesAnEmptyImage) { EXPECT_THROW(pixelGraph(ColourPlanes{}), std::invalid_argument); }

TEST(GroupRegions, GivesEveryRegionThenEveryMergeEndingWithTheWholeImage) {
  const ColourPlanes image = twoTones(20, 10, 8);
  const Segmentation segmentation = segmentImage(pixelGraph(image), {1.0f, 5});
  const std::vector<PixelBounds> bounds = groupRegions(image, segmentation);
  ASSERT_EQ(bounds.size(), 3u);  // 2 regions and 1 merge
  EXPECT_EQ(bounds[0].left, 0);
  EXPECT_EQ(bounds[0].right, 8);
  EXPECT_EQ(bounds[1].left, 8);
  EXPECT_EQ(bounds[1].right, 20);
  EXPECT_EQ(bounds[2].left, 0);
  EXPECT_EQ(bounds[2].top, 0);
  EXPECT_EQ(bounds[2].right, 20);
  EXPECT_EQ(bounds[2].bottom, 10);
}

TEST(BoxOffsets, ApplyingTheOffsetsBetweenTwoBoxesGivesTheSecond) {
  const Box from{0.2f, 0.3f, 0.2f, 0.1f};
  const Box to{0.25f, 0.28f, 0.3f, 0.15f};
  const Box moved = applyOffsets(from, offsetsBetween(from, to));
  EXPECT_NEAR(moved.left, to.left, 1e-6f);
  EXPECT_NEAR(moved.top, to.top, 1e-6f);
  EXPECT_NEAR(moved.width, to.width, 1e-6f);
  EXPECT_NEAR(moved.height, to.height, 1e-6f);
  EXPECT_TRUE(offsetsBetween(from, from).isZero());
}

TEST(BoxOffsets, ScalingIsBoundedToOneStepOfE) {
  const Box grown = applyOffsets({0.4f, 0.4f, 0.1f, 0.1f}, Eigen::Vector4f(0, 0, 5, -5));
  EXPECT_NEAR(grown.width, 0.1f * std::exp(1.0f), 1e-6f);
  EXPECT_NEAR(grown.height, 0.1f * std::exp(-1.0f), 1e-6f);
}

TEST(FitBoxRegressor, RecoversALinearRelationPerClass) {
  // Class 0's offsets are a linear map of the features, class 1 has no rows.
  const int rows = 200;
  Eigen::MatrixXf features = Eigen::MatrixXf::Zero(rows, 5);
  Eigen::MatrixXf offsets(rows, 4);
  Eigen::MatrixXf map(5, 4);
  map << 0.1f, 0, 0, 0.02f, 0, -0.2f, 0, 0, 0, 0, 0.05f, 0, 0.03f, 0, 0, -0.1f, 0, 0.01f, 0, 0;
  std::uint32_t state = 7;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < 5; ++c) {
      state = state * 1664525u + 1013904223u;
      features(r, c) = static_cast<float>(state >> 8) / 16777216.0f;
    }
  }
  offsets = (features * map).rowwise() + Eigen::RowVector4f(0.01f, 0.02f, -0.03f, 0.04f);
  const Eigen::VectorXi classes = Eigen::VectorXi::Zero(rows);
  const BoxRegressor regressor = fitBoxRegressor({features, offsets, classes, 2}, 1e-6, {});
  ASSERT_EQ(regressor.classCount(), 2);
  const Eigen::MatrixXf predicted = regressor.predict(features);
  EXPECT_LT((predicted.leftCols(4) - offsets).cwiseAbs().maxCoeff(), 1e-4f);
  EXPECT_TRUE(predicted.rightCols(4).isZero());
}

TEST(FitBoxRegressor, RefusesMismatchedOrEmptyRows) {
  const Eigen::MatrixXf features = Eigen::MatrixXf::Ones(3, 2);
  const Eigen::MatrixXf offsets = Eigen::MatrixXf::Zero(3, 4);
  EXPECT_THROW(fitBoxRegressor({features, offsets, Eigen::VectorXi::Zero(2), 1}, 1, {}), std::invalid_argument);
  EXPECT_THROW(fitBoxRegressor({features, offsets, Eigen::VectorXi::Constant(3, -1), 1}, 1, {}), std::invalid_argument);
}

}  // namespace
}  // namespace cvmock::trainer::detection

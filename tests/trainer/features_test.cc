// Feature extraction: fixed length, finite, deterministic, and sensitive to shape and colour.
#include "trainer/features.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

namespace cvmock::trainer {
namespace {

// A width x height image painted by colourAt(x, y) -> {r, g, b}.
template <typename Paint>
RgbImage painted(int width, int height, Paint colourAt) {
  RgbImage image{width, height, std::vector<std::uint8_t>(std::size_t{3} * width * height)};
  auto pixel = image.pixels.begin();
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) pixel = std::ranges::copy(colourAt(x, y), pixel).out;
  }
  return image;
}

std::array<std::uint8_t, 3> verticalStripes(int x, int) {
  return x % 16 < 8 ? std::array<std::uint8_t, 3>{250, 250, 250} : std::array<std::uint8_t, 3>{10, 10, 10};
}

std::array<std::uint8_t, 3> horizontalStripes(int x, int y) { return verticalStripes(y, x); }

TEST(Features, HaveTheAdvertisedLengthAndAreFinite) {
  for (const auto& image : {painted(256, 256, verticalStripes), painted(1, 1, verticalStripes),
                            painted(1000, 3, horizontalStripes)}) {
    const FeatureVector features = extractFeatures(image);
    EXPECT_EQ(features.size(), featureDimension());
    EXPECT_TRUE(features.allFinite());
  }
}

TEST(Features, AreDeterministic) {
  const RgbImage image = painted(97, 61, [](int x, int y) {
    return std::array<std::uint8_t, 3>{std::uint8_t(x * 3), std::uint8_t(y * 5), std::uint8_t(x * y)};
  });
  EXPECT_EQ(extractFeatures(image), extractFeatures(image));
}

TEST(Features, SeparateShapeAndColour) {
  const FeatureVector vertical = extractFeatures(painted(128, 128, verticalStripes));
  const FeatureVector horizontal = extractFeatures(painted(128, 128, horizontalStripes));
  const FeatureVector red = extractFeatures(painted(128, 128, [](int, int) {
    return std::array<std::uint8_t, 3>{220, 20, 20};
  }));
  const FeatureVector green = extractFeatures(painted(128, 128, [](int, int) {
    return std::array<std::uint8_t, 3>{20, 220, 20};
  }));
  EXPECT_GT((vertical - horizontal).norm(), 1.0f);
  EXPECT_GT((red - green).norm(), 0.5f);
}

TEST(Features, RejectAnImageWithoutPixels) {
  EXPECT_THROW(extractFeatures(RgbImage{}), std::invalid_argument);
  EXPECT_THROW(featuresFromBytes("not an image"), DecodeError);
}

}  // namespace
}  // namespace cvmock::trainer

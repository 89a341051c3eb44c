// The detector fits services share (cvmock verify's replays): one fit per distinct input, the same result as
// fitting alone, a fit computed once when callers ask at the same time, and a failure shared like a result.
#include "mock_server/service/detector_fit_memo.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "tests/trainer/detection_scenes.h"

namespace cvmock::server {
namespace {

using trainer::detection::DetectorTrainingData;
using trainer::detection::DetectorTrainingOptions;

const DetectorTrainingData& scenes() {
  static const DetectorTrainingData data =
      trainer::detection::testing::trainingData(trainer::detection::testing::smallScenes(8, 31));
  return data;
}

DetectorTrainingOptions seeded(std::uint64_t seed) {
  DetectorTrainingOptions options;
  options.seed = seed;
  return options;
}

TEST(DetectorFitMemo, EqualInputsFitOnceAndGetWhatAFitAloneGets) {
  DetectorFitMemo memo;
  const DetectorFitMemo::Fit first = memo.fit(scenes(), seeded(3));
  const DetectorTrainingData copy = scenes();  // equal, not the same object
  const DetectorFitMemo::Fit second = memo.fit(copy, seeded(3));
  EXPECT_EQ(memo.fitsComputed(), 1);
  EXPECT_EQ(first, second);
  const trainer::detection::DetectorTrainingResult alone = trainer::detection::trainDetector(scenes(), seeded(3));
  EXPECT_EQ(first->detector.serialize(), alone.detector.serialize());
  EXPECT_EQ(first->holdout, alone.holdout);
  ASSERT_EQ(first->holdoutDetections.size(), alone.holdoutDetections.size());
}

TEST(DetectorFitMemo, AnyDifferingInputFitsAgain) {
  DetectorFitMemo memo;
  const DetectorFitMemo::Fit base = memo.fit(scenes(), seeded(3));
  EXPECT_NE(memo.fit(scenes(), seeded(4)), base);  // the seed
  EXPECT_EQ(memo.fitsComputed(), 2);

  DetectorTrainingData moved = scenes();
  moved.images.front().regions.front().box.width *= 0.9f;  // one region
  EXPECT_NE(memo.fit(moved, seeded(3)), base);
  EXPECT_EQ(memo.fitsComputed(), 3);

  DetectorTrainingData swapped = scenes();
  std::swap(swapped.images[0], swapped.images[1]);  // the images' order
  EXPECT_NE(memo.fit(swapped, seeded(3)), base);
  EXPECT_EQ(memo.fitsComputed(), 4);

  DetectorTrainingOptions held = seeded(3);
  held.holdoutFraction = 0.3;
  EXPECT_NE(memo.fit(scenes(), held), base);
  EXPECT_EQ(memo.fitsComputed(), 5);
}

TEST(DetectorFitMemo, CallersAtTheSameTimeShareOneFit) {
  DetectorFitMemo memo;
  DetectorFitMemo::Fit a;
  DetectorFitMemo::Fit b;
  std::thread other([&] { b = memo.fit(scenes(), seeded(7)); });
  a = memo.fit(scenes(), seeded(7));
  other.join();
  EXPECT_EQ(memo.fitsComputed(), 1);
  EXPECT_EQ(a, b);
}

TEST(DetectorFitMemo, AFailedFitFailsEveryCallerWithItsError) {
  DetectorFitMemo memo;
  DetectorTrainingData one = scenes();
  one.images.resize(1);  // trainDetector refuses fewer than 2 images
  EXPECT_THROW(memo.fit(one, seeded(3)), std::invalid_argument);
  EXPECT_THROW(memo.fit(one, seeded(3)), std::invalid_argument);
  EXPECT_EQ(memo.fitsComputed(), 1);
}

}  // namespace
}  // namespace cvmock::server

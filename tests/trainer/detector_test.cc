// The detector end to end on small generated scenes: quality floor, determinism, round trip, refusals.
#include "trainer/detection/detector.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "tests/trainer/detection_scenes.h"
#include "trainer/decode.h"
#include "trainer/detection/detection_metrics.h"
#include "trainer/detection/detector_settings.h"
#include "trainer/detection/detector_training.h"

namespace cvmock::trainer::detection {
namespace {

// CTest runs each case in a process of its own: cases that only need some model train on a few scenes.
const DetectorTrainingData& trainingScenes() {
  static const DetectorTrainingData data = testing::trainingData(testing::smallScenes(30, 21));
  return data;
}

const DetectorTrainingData& fewScenes() {
  static const DetectorTrainingData data = testing::trainingData(testing::smallScenes(8, 23));
  return data;
}

const DetectorTrainingData& freshScenes() {
  static const DetectorTrainingData data = testing::trainingData(testing::smallScenes(15, 22));
  return data;
}

DetectorTrainingOptions seeded(std::uint64_t seed) {
  DetectorTrainingOptions options;
  options.seed = seed;
  return options;
}

const DetectorTrainingResult& trained() {
  static const DetectorTrainingResult result = trainDetector(trainingScenes(), seeded(5));
  return result;
}

const DetectorTrainingResult& trainedOnFew() {
  static const DetectorTrainingResult result = trainDetector(fewScenes(), seeded(5));
  return result;
}

constexpr std::size_t kSettingsBytes = 13 * 4;  // detector_settings.h's fields, one word each

// Where the settings start in serialize()'s bytes: after magic, version, class count and the class tags.
std::size_t settingsOffset(const Detector& detector) { return 16 + 4 * detector.tags().size(); }

void expectSameDetections(const std::vector<Detection>& a, const std::vector<Detection>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].tag, b[i].tag);
    EXPECT_EQ(a[i].probability, b[i].probability);
    EXPECT_EQ(a[i].box.left, b[i].box.left);
    EXPECT_EQ(a[i].box.top, b[i].box.top);
    EXPECT_EQ(a[i].box.width, b[i].box.width);
    EXPECT_EQ(a[i].box.height, b[i].box.height);
  }
}

TEST(Detector, FindsTheObjectsOfFreshScenes) {
  std::vector<std::vector<Detection>> predicted;
  std::vector<std::vector<Region>> truth;
  for (const DetectionImage& image : freshScenes().images) {
    predicted.push_back(trained().detector.detect(image.bytes));
    truth.push_back(image.regions);
  }
  const Performance performance = evaluateDetections(predicted, truth, 3, 0.5);
  EXPECT_GE(performance.overall.averagePrecision, 0.85);
  EXPECT_GE(performance.overall.recall, 0.8);
}

TEST(Detector, EvaluatesAHoldoutPerTag) {
  const DetectorTrainingResult& result = trained();
  ASSERT_FALSE(result.holdout.empty());
  EXPECT_TRUE(std::is_sorted(result.holdout.begin(), result.holdout.end()));
  ASSERT_EQ(result.holdoutDetections.size(), result.holdout.size());
  std::vector<std::vector<Region>> truth;
  for (const int image : result.holdout) truth.push_back(trainingScenes().images[image].regions);
  EXPECT_GE(evaluateDetections(result.holdoutDetections, truth, 3, 0.5).overall.averagePrecision, 0.8);
}

TEST(Detector, DetectionsAreValidRankedAndOfTrainedTags) {
  EXPECT_EQ(trained().detector.tags(), (std::vector<int>{0, 1, 2}));
  for (const DetectionImage& image : freshScenes().images) {
    const std::vector<Detection> detections = trained().detector.detect(image.bytes);
    ASSERT_FALSE(detections.empty());
    for (std::size_t i = 0; i < detections.size(); ++i) {
      EXPECT_TRUE(isValidRegion(detections[i].box));
      EXPECT_GE(detections[i].probability, 0.01f);
      EXPECT_LE(detections[i].probability, 1.0f);
      EXPECT_GE(detections[i].tag, 0);
      EXPECT_LT(detections[i].tag, 3);
      if (i > 0) {
        EXPECT_GE(detections[i - 1].probability, detections[i].probability);
      }
    }
  }
}

TEST(Detector, SameDataAndSeedGiveTheSameModelBytes) {
  const DetectorTrainingResult again = trainDetector(fewScenes(), seeded(5));
  EXPECT_EQ(again.detector.serialize(), trainedOnFew().detector.serialize());
  EXPECT_EQ(again.holdout, trainedOnFew().holdout);
  const DetectorTrainingResult otherSeed = trainDetector(fewScenes(), seeded(6));
  EXPECT_NE(otherSeed.detector.serialize(), trainedOnFew().detector.serialize());
}

TEST(Detector, ALoadedModelDetectsTheSameBoxes) {
  const std::string bytes = trainedOnFew().detector.serialize();
  const Detector loaded = Detector::deserialize(bytes);
  EXPECT_EQ(loaded.tags(), trainedOnFew().detector.tags());
  EXPECT_EQ(loaded.serialize(), bytes);
  for (const DetectionImage& image : freshScenes().images) {
    const std::vector<Detection> detections = trainedOnFew().detector.detect(image.bytes);
    EXPECT_FALSE(detections.empty());
    expectSameDetections(loaded.detect(image.bytes), detections);
  }
}

TEST(Detector, LoadingRefusesBytesItDidNotWrite) {
  const std::string bytes = trainedOnFew().detector.serialize();
  EXPECT_THROW(Detector::deserialize(""), std::runtime_error);
  EXPECT_THROW(Detector::deserialize("CVMOCKMD and more"), std::runtime_error);
  EXPECT_THROW(Detector::deserialize(bytes.substr(0, bytes.size() - 4)), std::runtime_error);
  EXPECT_THROW(Detector::deserialize(bytes + "x"), std::runtime_error);
  std::string wrongVersion = bytes;
  wrongVersion[8] = 9;
  EXPECT_THROW(Detector::deserialize(wrongVersion), std::runtime_error);
  // The embedded classifier's type word: magic 8, version 4, class count 4, 4 per class, settings 52, classifier
  // length 4, then the classifier's own magic 8 and version 4. A Multilabel classifier has no background to
  // trade against.
  const std::size_t typeWord = 32 + kSettingsBytes + 4 * trainedOnFew().detector.tags().size();
  ASSERT_EQ(bytes[typeWord], 0);  // Multiclass
  std::string multilabel = bytes;
  multilabel[typeWord] = 1;
  EXPECT_THROW(Detector::deserialize(multilabel), std::runtime_error);
}

TEST(Detector, RecordsItsSettingsAndRefusesOthers) {
  const Detector& detector = trainedOnFew().detector;
  const std::string bytes = detector.serialize();
  const std::size_t at = settingsOffset(detector);
  EXPECT_EQ(static_cast<unsigned char>(bytes[at]), kDetectorSettings.sceneSide & 0xff);
  EXPECT_EQ(static_cast<unsigned char>(bytes[at + 1]), kDetectorSettings.sceneSide >> 8);
  // Each setting in turn made different (its lowest byte changed): every one of them is checked.
  for (std::size_t field = 0; field < kSettingsBytes / 4; ++field) {
    std::string other = bytes;
    other[at + 4 * field] = static_cast<char>(other[at + 4 * field] ^ 0x01);
    EXPECT_THROW(Detector::deserialize(other), std::runtime_error) << "setting " << field;
  }
}

TEST(Detector, LoadsTheFormatWithoutSettingsAsThisLibrarysSettings) {
  const Detector& detector = trainedOnFew().detector;
  const std::string bytes = detector.serialize();
  std::string first = bytes;
  first.erase(settingsOffset(detector), kSettingsBytes);
  first[8] = 1;  // version 1
  const Detector loaded = Detector::deserialize(first);
  EXPECT_EQ(loaded.serialize(), bytes);
  for (int i = 0; i < 3; ++i) {
    const std::string& image = freshScenes().images[static_cast<std::size_t>(i)].bytes;
    expectSameDetections(loaded.detect(image), detector.detect(image));
  }
}

TEST(Detector, AnUntrainedDetectorRefusesToDetect) {
  EXPECT_THROW(Detector().detect(freshScenes().images[0].bytes), std::logic_error);
}

TEST(Detector, RefusesBytesThatAreNotAnImage) {
  EXPECT_THROW(trainedOnFew().detector.detect("GIF89a but nothing else"), DecodeError);
}

TEST(TrainDetector, TrainsOnlyTheSelectedTags) {
  const DetectorTrainingData& data = fewScenes();
  DetectorTrainingOptions options = seeded(1);
  options.selectedTags = {2};
  const DetectorTrainingResult result = trainDetector(data, options);
  EXPECT_EQ(result.detector.tags(), (std::vector<int>{2}));
  for (const Detection& detection : result.detector.detect(freshScenes().images[0].bytes)) EXPECT_EQ(detection.tag, 2);
}

TEST(TrainDetector, LeavesOutTagsWithoutRegions) {
  DetectorTrainingData data = fewScenes();
  data.tagCount = 5;  // tags 3 and 4 have no region
  EXPECT_EQ(trainDetector(data, seeded(1)).detector.tags(), (std::vector<int>{0, 1, 2}));
}

TEST(TrainDetector, RefusesDataItCannotTrain) {
  DetectorTrainingData data = fewScenes();
  DetectorTrainingData one = data;
  one.images.resize(1);
  EXPECT_THROW(trainDetector(one, {}), std::invalid_argument);
  DetectorTrainingData badTag = data;
  badTag.images[1].regions.push_back({3, {0.1f, 0.1f, 0.2f, 0.2f}});
  EXPECT_THROW(trainDetector(badTag, {}), std::invalid_argument);
  DetectorTrainingData badBox = data;
  badBox.images[1].regions.push_back({0, {0.9f, 0.1f, 0.2f, 0.2f}});
  EXPECT_THROW(trainDetector(badBox, {}), std::invalid_argument);
  DetectorTrainingData noRegions = data;
  for (DetectionImage& image : noRegions.images) image.regions.clear();
  EXPECT_THROW(trainDetector(noRegions, {}), std::invalid_argument);
  DetectorTrainingOptions badSelection;
  badSelection.selectedTags = {7};
  EXPECT_THROW(trainDetector(data, badSelection), std::invalid_argument);
  DetectorTrainingData notAnImage = data;
  notAnImage.images[2].bytes = "not an image";
  EXPECT_THROW(trainDetector(notAnImage, {}), DecodeError);
}

}  // namespace
}  // namespace cvmock::trainer::detection

// Object-detection training and prediction, called on the service itself: TrainProject's detection rule, the
// trained detector's evaluation at two overlap thresholds, selectedTags, the holdout's boxes, and Detect*,
// Classify* and the quick test on a detector.
#include <map>

#include "fixtures/detection_scenes.h"
#include "tests/service/service_fixture.h"

namespace cvmock::server::testing {
namespace {

constexpr char kGeneralDetection[] = "da2e3a8a-40a5-4171-82f4-58522f70fbc1";

class DetectionTraining : public ServiceTest {
 protected:
  // A detection project with `count` generated scenes uploaded (with their regions unless told otherwise);
  // `extra` more are kept back.
  void makeProject(int count, int extra = 0, bool withRegions = true) {
    projectId = service->projects().createProject({"d", std::nullopt, kGeneralDetection, std::nullopt, {}}).id;
    for (const char* name : {"circle", "square"}) {
      tagIds[name] = service->tags().createTag(projectId, {name, std::nullopt, std::nullopt}).tag.id;
    }
    scenes = fixtures::generateDetectionScenes(
        {.classes = {"circle", "square"}, .images = count + extra, .width = 320, .height = 240, .seed = 3});
    std::vector<ImageUpload> uploads;
    for (int i = 0; i < count; ++i) {
      ImageUpload upload{scenes[i].fileName, scenes[i].bytes, {}, {}, std::nullopt, {}};
      for (const fixtures::SceneObject& o : scenes[i].objects) {
        if (withRegions) upload.regions.push_back({tagIds.at(o.className), {o.left, o.top, o.width, o.height}});
      }
      uploads.push_back(std::move(upload));
    }
    ASSERT_TRUE(service->images().createImages(projectId, std::move(uploads)).isBatchSuccessful);
  }

  std::string projectId;
  std::map<std::string, std::string> tagIds;
  std::vector<fixtures::DetectionScene> scenes;
};

TEST_F(DetectionTraining, EveryTagNeedsRegionsOnFifteenImages) {
  makeProject(8);
  EXPECT_EQ(errorCodeOf([&] { service->iterations().trainProject(projectId, {}); }),
            "BadRequestDetectionTrainingValidationFailed");
}

TEST_F(DetectionTraining, AProjectWithoutRegionsCannotTrain) {
  makeProject(20, 0, false);
  EXPECT_EQ(errorCodeOf([&] { service->iterations().trainProject(projectId, {}); }),
            "BadRequestDetectionTrainingValidationFailed");
}

TEST_F(DetectionTraining, TrainsEvaluatesAndDetects) {
  makeProject(30, 2);
  const IterationRecord iteration = trained(projectId);
  ASSERT_EQ(iteration.status, IterationStatus::Completed) << iteration.failure.value_or("");
  ASSERT_EQ(iteration.tags.size(), 2u);
  EXPECT_GE(iteration.tags[0].imageCount, 15);
  ASSERT_FALSE(iteration.holdout.empty());
  EXPECT_FALSE(iteration.holdout[0].regions.empty());

  const IterationPerformanceView strict =
      service->iterations().getIterationPerformance(projectId, iteration.id, 0.5, 0.5);
  const IterationPerformanceView loose =
      service->iterations().getIterationPerformance(projectId, iteration.id, 0.5, 0.3);
  EXPECT_EQ(strict.performance.perTag.size(), 2u);
  EXPECT_GE(strict.performance.overall.averagePrecision, 0.5);
  EXPECT_GE(loose.performance.overall.averagePrecision, strict.performance.overall.averagePrecision);

  const std::vector<ImagePerformanceView> images =
      service->iterations().getImagePerformances(projectId, iteration.id, {}, 50, 0);
  ASSERT_FALSE(images.empty());
  ASSERT_FALSE(images[0].predictions.empty());
  EXPECT_TRUE(images[0].predictions[0].boundingBox.has_value());
  EXPECT_FALSE(images[0].image.image.regions.empty());

  service->predictions().publishIteration(as("train-we"), projectId, iteration.id, "detector",
                                          resource("predict-we").armId, false);
  const std::string& unseen = scenes[30].bytes;
  const PredictionRecord detected =
      service->predictions().detectImage(as("predict-we"), projectId, "detector", unseen, "app", true);
  ASSERT_FALSE(detected.predictions.empty());
  ASSERT_TRUE(detected.predictions[0].boundingBox.has_value());
  for (std::size_t i = 1; i < detected.predictions.size(); ++i) {  // by tag name, most probable first within one
    const PredictionEntry& before = detected.predictions[i - 1];
    const PredictionEntry& box = detected.predictions[i];
    EXPECT_LE(before.tagName, box.tagName);
    if (before.tagName == box.tagName) EXPECT_GE(before.probability, box.probability);
  }
  EXPECT_EQ(errorCodeOf([&] {
              service->predictions().classifyImage(as("predict-we"), projectId, "detector", unseen, std::nullopt, false);
            }),
            "BadRequestNotSupported");
  const PredictionQueryView stored = service->storedPredictions().queryPredictions(projectId, {});
  ASSERT_EQ(stored.results.size(), 1u);
  EXPECT_TRUE(stored.results[0].prediction.predictions[0].boundingBox.has_value());

  const PredictionRecord quick =
      service->predictions().quickTestImage(as("train-we"), projectId, iteration.id, scenes[31].bytes, false);
  ASSERT_FALSE(quick.predictions.empty());
  EXPECT_TRUE(quick.predictions[0].boundingBox.has_value());
}

TEST_F(DetectionTraining, SelectedTagsAreTheOnlyOnesTrained) {
  makeProject(30);
  TrainRequest request;
  request.selectedTags = {tagIds.at("circle")};
  const IterationRecord iteration = trained(projectId, request);
  ASSERT_EQ(iteration.status, IterationStatus::Completed) << iteration.failure.value_or("");
  ASSERT_EQ(iteration.tags.size(), 1u);
  EXPECT_EQ(iteration.tags[0].name, "circle");
  for (const HoldoutImage& held : iteration.holdout) {
    for (const HoldoutDetection& d : held.detections) EXPECT_EQ(d.tag, 0);
    for (const HoldoutRegion& r : held.regions) EXPECT_EQ(r.tag, 0);
  }
  EXPECT_EQ(service->iterations().getIterationPerformance(projectId, iteration.id, 0.5, 0.5).performance.perTag.size(),
            1u);
}

TEST_F(DetectionTraining, DetectOnAClassifierIsNotSupported) {
  const std::string classifier = labelledProject({"circle", "square"}, 5);
  const IterationRecord iteration = trained(classifier);
  service->predictions().publishIteration(as("train-we"), classifier, iteration.id, "model",
                                          resource("predict-we").armId, false);
  EXPECT_EQ(errorCodeOf([&] {
              service->predictions().publishedModel(as("predict-we"), classifier, "model", PredictionKind::Detect);
            }),
            "BadRequestNotSupported");
  EXPECT_EQ(errorCodeOf([&] {
              service->predictions().publishedModel(as("predict-we"), classifier, "other", PredictionKind::Detect);
            }),
            "NotFoundIteration");
}

}  // namespace
}  // namespace cvmock::server::testing

// The seed workflow through the C++ client: create, upload, train, wait, evaluate, publish, classify.
#include <gtest/gtest.h>

#include <map>

#include "client/errors.h"
#include "client/prediction_client.h"
#include "client/training_client.h"
#include "client/training_wait.h"
#include "fixtures/generator.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

constexpr int kPerClass = 30;         // the generated training set: 3 classes x 30 images
constexpr int kHeldOutPerClass = 10;  // a fresh set, from another seed, only ever predicted
const std::string kResourceId =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/"
    "Microsoft.CognitiveServices/accounts/cvmock-prediction";

TEST(ClientWorkflow, ThreeClassesEndToEnd) {
  TestServer server;
  client::TrainingClient training(server.endpoint(), "cvmock-training-key");
  client::PredictionClient prediction(server.endpoint(), "cvmock-prediction-key");

  const client::Project project =
      training.createProject("shapes", {.classificationType = client::ClassificationType::Multiclass});
  EXPECT_EQ(project.settings.classificationType, client::ClassificationType::Multiclass);

  fixtures::FixtureSpec spec;
  spec.imagesPerClass = kPerClass;
  std::map<std::string, std::string> tagIds;
  std::map<std::string, std::vector<client::ImageFile>> uploads;
  for (const fixtures::FixtureImage& image : fixtures::generateFixtureSet(spec)) {
    if (!tagIds.contains(image.className)) tagIds[image.className] = training.createTag(project.id, image.className).id;
    uploads[image.className].push_back({image.bytes, image.fileName});
  }
  spec.imagesPerClass = kHeldOutPerClass;
  spec.seed = 2;
  const std::vector<fixtures::FixtureImage> heldBack = fixtures::generateFixtureSet(spec);
  for (const auto& [className, files] : uploads) {
    const client::ImageCreateSummary summary =
        training.createImagesFromData(project.id, {files.begin(), files.end()}, {tagIds[className]});
    EXPECT_TRUE(summary.isBatchSuccessful);
    EXPECT_EQ(summary.images.size(), files.size());
  }
  EXPECT_EQ(training.getTaggedImageCount(project.id), 3 * kPerClass);
  for (const client::Tag& tag : training.getTags(project.id)) EXPECT_EQ(tag.imageCount, kPerClass);

  const client::Iteration started = training.trainProject(project.id);
  EXPECT_EQ(started.status, "Training");
  int polls = 0;
  const client::Iteration done =
      client::waitForTraining(training, project.id, started.id,
                              {.pollInterval = std::chrono::milliseconds(20), .timeout = std::chrono::seconds(60),
                               .progress = [&](const client::Iteration&) { ++polls; }});
  ASSERT_EQ(done.status, "Completed");
  EXPECT_GE(polls, 1);
  EXPECT_TRUE(done.trainedAt.has_value());

  const client::IterationPerformance performance = training.getIterationPerformance(project.id, done.id, 0.5);
  ASSERT_EQ(performance.perTagPerformance.size(), 3u);
  EXPECT_GE(performance.precision, 0.8);
  EXPECT_GE(performance.recall, 0.8);
  EXPECT_GE(performance.averagePrecision.value_or(0), 0.8);
  EXPECT_GE(training.getImagePerformanceCount(project.id, done.id), 3);

  training.publishIteration(project.id, done.id, "shapes model", kResourceId);
  EXPECT_EQ(training.getIteration(project.id, done.id).publishName, "shapes model");

  int correct = 0;
  for (const fixtures::FixtureImage& image : heldBack) {
    const client::ImagePrediction result = prediction.classifyImage(project.id, "shapes model", image.bytes);
    ASSERT_EQ(result.predictions.size(), 3u);
    correct += result.predictions.front().tagName == image.className;
  }
  const double accuracy = static_cast<double>(correct) / static_cast<double>(heldBack.size());
  EXPECT_GE(accuracy, 0.95) << correct << "/" << heldBack.size();

  try {
    prediction.classifyImageWithNoStore(project.id, "no such name", heldBack.front().bytes);
    FAIL() << "an unknown publish name must be refused";
  } catch (const client::CustomVisionError& error) {
    EXPECT_EQ(error.status(), 404);
    EXPECT_EQ(error.code(), "NotFoundIteration");
  }
  try {
    client::TrainingClient wrongKey(server.endpoint(), "wrong");
    wrongKey.getProjects();
    FAIL() << "a wrong key must be refused";
  } catch (const client::CustomVisionError& error) {
    EXPECT_EQ(error.status(), 401);
    EXPECT_EQ(error.code(), "401");
  }
}

}  // namespace
}  // namespace cvmock::testing

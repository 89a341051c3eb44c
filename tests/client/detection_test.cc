// Object detection against cvmock, which refuses it for now as the service refuses it for a classifier: the
// client's detection operations reach their routes and report the service's errors with their request ids. The
// successful paths need a cvmock that detects; their request shapes are checked in training_operations_test.cc and
// prediction_client_test.cc.
#include <gtest/gtest.h>

#include <functional>

#include "client/errors.h"
#include "client/training_wait.h"
#include "fixtures/generator.h"
#include "tests/client/cvmock_server.h"

namespace cvmock::client {
namespace {

using testing::CvmockServer;

// The service error a call ends in; fails the test when it succeeds.
CustomVisionError errorOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const CustomVisionError& error) {
    return error;
  }
  ADD_FAILURE() << "expected a CustomVisionError";
  return {0, "", ""};
}

void expectRefused(const std::function<void()>& call, int status, const std::string& code) {
  const CustomVisionError error = errorOf(call);
  EXPECT_EQ(error.status(), status) << error.what();
  EXPECT_EQ(error.code(), code) << error.what();
  EXPECT_FALSE(error.requestId().empty());
}

TEST(DetectionAgainstCvmock, AClassifierRefusesRegionsProposalsAndDetection) {
  CvmockServer cvmock({"--training-mode", "immediate"});
  TrainingClient training = cvmock.training();
  const Project project = training.createProject("classifier");
  fixtures::FixtureSpec spec;
  spec.classes = {"circle", "square"};
  spec.imagesPerClass = 5;
  std::map<std::string, std::vector<ImageSource>> byClass;
  for (const auto& image : fixtures::generateFixtureSet(spec)) byClass[image.className].push_back(image.bytes);
  std::string imageId;
  std::string tagId;
  for (const auto& [className, images] : byClass) {
    tagId = training.createTag(project.id, className).id;
    imageId = training.createImagesFromData(project.id, images, {tagId}).images.at(0).image->id;
  }

  expectRefused([&] { training.createImageRegions(project.id, {{{imageId, tagId, 0.1, 0.1, 0.5, 0.5}}}); }, 400,
                "BadRequestNotSupported");
  expectRefused([&] { training.deleteImageRegions(project.id, {"00000000-0000-0000-0000-000000000000"}); }, 400,
                "BadRequestNotSupported");
  expectRefused([&] { training.getImageRegionProposals(project.id, imageId); }, 400, "BadRequestNotSupported");
  expectRefused([&] { training.getImageRegionProposals("00000000-0000-0000-0000-000000000000", imageId); }, 404,
                "NotFoundProject");

  PredictionClient prediction = cvmock.prediction();
  const ImageSource bytes = byClass.begin()->second.front();
  expectRefused([&] { prediction.detectImage(project.id, "not published", bytes); }, 404, "NotFoundIteration");

  const Iteration iteration = waitForTraining(training, project.id, training.trainProject(project.id).id,
                                              {.pollInterval = std::chrono::milliseconds(10)});
  ASSERT_EQ(iteration.status, "Completed");
  training.publishIteration(project.id, iteration.id, "model", testing::kResourceId);
  expectRefused([&] { prediction.detectImage(project.id, "model", bytes); }, 400, "BadRequestNotSupported");
  expectRefused([&] { prediction.detectImageWithNoStore(project.id, "model", bytes); }, 400, "BadRequestNotSupported");
  expectRefused([&] { prediction.detectImageUrl(project.id, "model", {"http://127.0.0.1/x.png"}); }, 400,
                "BadRequestNotSupported");
  expectRefused([&] { prediction.detectImageUrlWithNoStore(project.id, "model", {"http://127.0.0.1/x.png"}); }, 400,
                "BadRequestNotSupported");
}

}  // namespace
}  // namespace cvmock::client

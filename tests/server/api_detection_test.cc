// Object-detection operations on a classification project: refused as the service refuses them, after
// the project and publish-name checks that come first.
#include <gtest/gtest.h>

#include "fixtures/generator.h"
#include "tests/support/http_session.h"
#include "tests/support/labelled_project.h"
#include "tests/support/test_server.h"

namespace cvmock::testing {
namespace {

class ApiDetection : public ::testing::Test {
 protected:
  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  HttpSession prediction = predictionSession(server.endpoint());
};

void expectNotSupported(const Reply& reply) {
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_EQ(reply.json()["code"], "BadRequestNotSupported") << reply.body;
}

TEST_F(ApiDetection, TrainingRegionOperationsAreNotSupported) {
  const std::string projectId = training.post("/projects?name=classifier").json()["id"];
  const std::string images = "/projects/" + projectId + "/images";
  expectNotSupported(training.postJson(images + "/regions", {{"regions", nlohmann::json::array()}}));
  expectNotSupported(training.del(images + "/regions?regionIds=00000000-0000-0000-0000-000000000001"));
  expectNotSupported(training.post(images + "/00000000-0000-0000-0000-000000000001/regionproposals"));
  const Reply unknown = training.postJson("/projects/00000000-0000-0000-0000-00000000000a/images/regions", {});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.json()["code"], "NotFoundProject");
}

TEST_F(ApiDetection, DetectCallsAreNotSupportedOnAPublishedClassifier) {
  fixtures::FixtureSpec spec;
  spec.classes = {"circle", "square"};
  spec.imagesPerClass = 5;
  spec.width = spec.height = 48;
  const std::vector<fixtures::FixtureImage> images = fixtures::generateFixtureSet(spec);
  const LabelledProject project = createLabelledProject(training, images);
  trainAndPublish(training, project.projectId, "model");
  const std::string base = "/" + project.projectId + "/detect/iterations/";
  expectNotSupported(prediction.post(base + "model/image", images[0].bytes, "application/octet-stream"));
  expectNotSupported(prediction.post(base + "model/image/nostore", images[0].bytes, "application/octet-stream"));
  expectNotSupported(prediction.postJson(base + "model/url", {{"url", "http://127.0.0.1:1/x.png"}}));
  expectNotSupported(prediction.postJson(base + "model/url/nostore", {{"url", "http://127.0.0.1:1/x.png"}}));
  const Reply unknownName = prediction.post(base + "other/image", images[0].bytes, "application/octet-stream");
  EXPECT_EQ(unknownName.status, 404);
  EXPECT_EQ(unknownName.json()["code"], "NotFoundIteration");
}

}  // namespace
}  // namespace cvmock::testing

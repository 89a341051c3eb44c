// Tier quotas over HTTP: each limit answers the service's code and stores nothing.
#include <gtest/gtest.h>

#include "tests/simulation/simulation_session.h"

namespace cvmock::testing {
namespace {

TEST(ApiQuota, F0AllowsTwoProjects) {
  TestServer server(simulationConfig("F0"));
  HttpSession training = trainingSession(server.endpoint());
  EXPECT_EQ(training.post("/projects?name=a").status, 200);
  EXPECT_EQ(training.post("/projects?name=b").status, 200);
  const Reply third = training.post("/projects?name=c");
  EXPECT_EQ(third.status, 400);
  EXPECT_EQ(third.code(), "BadRequestExceedProjectLimit");
  EXPECT_EQ(training.get("/projects").json().size(), 2u);
}

TEST(ApiQuota, OverriddenTagAndImageLimits) {
  TestServer server(simulationConfig());
  AdminSession admin(server.endpoint());
  ASSERT_EQ(admin.put("/config/tier", {{"tagsPerProject", 1}, {"imagesPerProject", 2}}).status, 200);
  HttpSession training = trainingSession(server.endpoint());
  const std::string projectId = training.post("/projects?name=a").json()["id"];
  const std::string base = "/projects/" + projectId;
  EXPECT_EQ(training.post(base + "/tags?name=one").status, 200);
  EXPECT_EQ(training.post(base + "/tags?name=two").code(), "BadRequestExceedTagPerProjectLimit");

  fixtures::FixtureSpec spec;
  spec.classes = {"circle"};
  spec.imagesPerClass = 3;
  spec.width = spec.height = 32;
  std::vector<std::string> bytes;
  for (const fixtures::FixtureImage& image : fixtures::generateFixtureSet(spec)) bytes.push_back(image.bytes);
  const Reply tooMany = training.postImages(base + "/images", bytes);
  EXPECT_EQ(tooMany.status, 400);
  EXPECT_EQ(tooMany.code(), "BadRequestImageExceededCount");
  EXPECT_EQ(training.get(base + "/images/count").body, "0");
  EXPECT_EQ(training.postImages(base + "/images", {bytes[0], bytes[1]}).status, 200);
}

TEST(ApiQuota, MonthlyPredictionsResetWithTheMonth) {
  TestServer server(simulationConfig("unlimited", "fixed:2024-01-31T23:59:59Z"));
  AdminSession admin(server.endpoint());
  ASSERT_EQ(admin.put("/config/tier", {{"predictionsPerMonth", 1}}).status, 200);
  HttpSession prediction = predictionSession(server.endpoint());
  const std::string path = "/00000000-0000-0000-0000-000000000001/classify/iterations/model/image";
  EXPECT_EQ(prediction.post(path, "x", "application/octet-stream").code(), "NotFoundProject");
  const Reply over = prediction.post(path, "x", "application/octet-stream");
  EXPECT_EQ(over.status, 400);
  EXPECT_EQ(over.code(), "BadRequestExceededQuota");
  ASSERT_EQ(admin.post("/clock/advance", {{"seconds", 1}}).status, 200);
  EXPECT_EQ(prediction.post(path, "x", "application/octet-stream").code(), "NotFoundProject");
}

TEST(ApiQuota, IterationsKept) {
  TestServer server(simulationConfig());
  AdminSession admin(server.endpoint());
  ASSERT_EQ(admin.put("/config/tier", {{"iterationsPerProject", 1}}).status, 200);
  ASSERT_EQ(admin.put("/training", {{"mode", "immediate"}}).status, 200);
  HttpSession training = trainingSession(server.endpoint());
  const std::string projectId = createTrainableProject(training);
  const std::string iterationId = training.post("/projects/" + projectId + "/train").json()["id"];
  EXPECT_EQ(training.get("/projects/" + projectId + "/iterations/" + iterationId).json()["status"], "Completed");
  const Reply second = training.post("/projects/" + projectId + "/train?forceTrain=true");
  EXPECT_EQ(second.code(), "BadRequestExceedIterationPerProjectLimit");
}

}  // namespace
}  // namespace cvmock::testing

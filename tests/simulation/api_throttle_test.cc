// Throttling over HTTP: 429 with the gateway body and Retry-After, per key and operation class, on a fixed clock.
#include <gtest/gtest.h>

#include "tests/simulation/simulation_session.h"

namespace cvmock::testing {
namespace {

TEST(ApiThrottle, F0AnswersTheEleventhCallOfASecondWith429) {
  TestServer server(simulationConfig("F0"));
  HttpSession training = trainingSession(server.endpoint());
  for (int i = 0; i < 10; ++i) ASSERT_EQ(training.get("/projects").status, 200) << i;
  const Reply throttled = training.get("/projects");
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.code(), "429");
  EXPECT_EQ(throttled.header("Retry-After"), "1");
  const std::string message = throttled.json()["error"]["message"];
  EXPECT_NE(message.find("GetProjects"), std::string::npos) << message;
  EXPECT_NE(message.find("F0"), std::string::npos) << message;
  EXPECT_TRUE(message.ends_with("Please retry after 1 second.")) << message;
  EXPECT_FALSE(throttled.header("apim-request-id").empty());

  AdminSession admin(server.endpoint());
  ASSERT_EQ(admin.post("/clock/advance", {{"seconds", 1}}).status, 200);
  EXPECT_EQ(training.get("/projects").status, 200);
}

TEST(ApiThrottle, TrainProjectHasItsOwnRate) {
  TestServer server(simulationConfig("F0"));
  HttpSession training = trainingSession(server.endpoint());
  for (int i = 0; i < 2; ++i) EXPECT_EQ(training.post("/projects/00000000-0000-0000-0000-000000000001/train").code(), "NotFoundProject");
  const Reply third = training.post("/projects/00000000-0000-0000-0000-000000000001/train");
  EXPECT_EQ(third.status, 429);
  EXPECT_EQ(training.get("/projects").status, 200);  // another class, still free
}

TEST(ApiThrottle, EachKeyHasItsOwnBuckets) {
  server::ServerConfig config = simulationConfig("F0");
  config.cognitiveServicesKey = "multi-service-key";
  TestServer server(config);
  HttpSession first = trainingSession(server.endpoint());
  HttpSession second = trainingSession(server.endpoint(), "multi-service-key");
  for (int i = 0; i < 10; ++i) first.get("/projects");
  EXPECT_EQ(first.get("/projects").status, 429);
  EXPECT_EQ(second.get("/projects").status, 200);
}

TEST(ApiThrottle, UnlimitedNeverThrottlesAndOverridesApplyAtOnce) {
  TestServer server(simulationConfig("unlimited"));
  HttpSession training = trainingSession(server.endpoint());
  for (int i = 0; i < 50; ++i) ASSERT_EQ(training.get("/projects").status, 200);
  AdminSession admin(server.endpoint());
  ASSERT_EQ(admin.put("/config/tier", {{"otherPerSecond", 1}}).status, 200);
  EXPECT_EQ(training.get("/projects").status, 200);
  EXPECT_EQ(training.get("/projects").status, 429);
}

}  // namespace
}  // namespace cvmock::testing

// Training lifecycle over HTTP: each mode, forced failures and hangs, and the real ordering by default.
#include <gtest/gtest.h>

#include "mock_server/service/service.h"
#include "tests/simulation/simulation_session.h"

namespace cvmock::testing {
namespace {

class ApiLifecycle : public ::testing::Test {
 protected:
  // Starts a training in `mode` (after forcing `outcome`) and returns the iteration id.
  std::string train(const std::string& mode, const std::string& outcome = "normal") {
    EXPECT_EQ(admin.put("/training", {{"mode", mode}}).status, 200);
    EXPECT_EQ(admin.post("/training/next", {{"outcome", outcome}}).status, 200);
    projectId = createTrainableProject(training);
    const Reply started = training.post("/projects/" + projectId + "/train");
    EXPECT_EQ(started.status, 200) << started.body;
    EXPECT_EQ(started.json()["status"], "Training");
    EXPECT_FALSE(started.json().contains("trainedAt"));
    return started.json()["id"];
  }
  nlohmann::json read(const std::string& iterationId) {
    return training.get("/projects/" + projectId + "/iterations/" + iterationId).json();
  }

  TestServer server{simulationConfig()};
  HttpSession training = trainingSession(server.endpoint());
  AdminSession admin{server.endpoint()};
  std::string projectId;
};

TEST_F(ApiLifecycle, ImmediateCompletesByTheFirstRead) {
  const std::string id = train("immediate");
  const nlohmann::json done = read(id);
  EXPECT_EQ(done["status"], "Completed");
  EXPECT_EQ(done["trainedAt"], "2024-01-31T12:00:00Z");  // the fixed clock
}

TEST_F(ApiLifecycle, AfterReadsCompletesOnTheNthRead) {
  const std::string id = train("after-reads:3");
  EXPECT_EQ(read(id)["status"], "Training");
  EXPECT_FALSE(read(id).contains("trainedAt"));
  EXPECT_EQ(read(id)["status"], "Completed");
}

TEST_F(ApiLifecycle, AfterSecondsFollowsTheFixedClock) {
  const std::string id = train("after-seconds:60");
  EXPECT_EQ(read(id)["status"], "Training");
  ASSERT_EQ(admin.post("/clock/advance", {{"seconds", 59}}).status, 200);
  EXPECT_EQ(read(id)["status"], "Training");
  ASSERT_EQ(admin.post("/clock/advance", {{"seconds", 1}}).status, 200);
  const nlohmann::json done = read(id);
  EXPECT_EQ(done["status"], "Completed");
  EXPECT_EQ(done["trainedAt"], "2024-01-31T12:01:00Z");
}

TEST_F(ApiLifecycle, ManualWaitsForAnAdvance) {
  const std::string id = train("manual");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(read(id)["status"], "Training");
  EXPECT_EQ(training.post("/projects/" + projectId + "/train").code(), "BadRequestTrainingAlreadyInProgress");
  const Reply advanced = admin.post("/training/advance");
  EXPECT_EQ(advanced.json()["released"], 1);
  EXPECT_EQ(read(id)["status"], "Completed");
}

TEST_F(ApiLifecycle, ForcedFailureIsSeenAsFailed) {
  const std::string id = train("immediate", "fail");
  const nlohmann::json failed = read(id);
  EXPECT_EQ(failed["status"], "Failed");
  EXPECT_FALSE(failed.contains("trainedAt"));
  EXPECT_EQ(training.get("/projects/" + projectId + "/iterations/" + id + "/performance").code(),
            "BadRequestIterationIsNotTrained");
  EXPECT_EQ(admin.get("/training").json()["next"], "normal");  // only the next training
}

TEST_F(ApiLifecycle, ForcedHangStaysTrainingUntilAdvanced) {
  const std::string id = train("immediate", "hang");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(read(id)["status"], "Training");
  EXPECT_EQ(admin.get("/training").json()["held"], nlohmann::json::array({id}));
  admin.post("/training/advance");
  EXPECT_EQ(read(id)["status"], "Completed");
}

TEST(ApiLifecycleDefault, BackgroundAnswersTrainingThenCompletes) {
  TestServer server;
  HttpSession training = trainingSession(server.endpoint());
  const std::string projectId = createTrainableProject(training);
  const nlohmann::json started = training.post("/projects/" + projectId + "/train").json();
  EXPECT_EQ(started["status"], "Training");
  server.server().service().waitForIdle();
  EXPECT_EQ(training.get("/projects/" + projectId + "/iterations/" + started["id"].get<std::string>()).json()["status"],
            "Completed");
}

}  // namespace
}  // namespace cvmock::testing

// --seed: two runs with the same seed and uploads give byte-identical performance and predictions.
#include <gtest/gtest.h>

#include "tests/simulation/simulation_session.h"

namespace cvmock::testing {
namespace {

struct RunResult {
  std::string performance;
  std::string predictions;
  std::string projectId;
};

RunResult trainAndQuickTest(std::uint64_t seed) {
  server::ServerConfig config = simulationConfig();
  config.service.seed = seed;
  config.simulation.training.mode = server::simulation::TrainingMode::Immediate;
  TestServer server(config);
  HttpSession training = trainingSession(server.endpoint());
  RunResult result;
  result.projectId = createTrainableProject(training);
  const std::string base = "/projects/" + result.projectId;
  const std::string iterationId = training.post(base + "/train").json()["id"];
  EXPECT_EQ(training.get(base + "/iterations/" + iterationId).json()["status"], "Completed");  // immediate mode
  result.performance = training.get(base + "/iterations/" + iterationId + "/performance").body;
  fixtures::FixtureSpec spec;
  spec.classes = {"circle"};
  spec.imagesPerClass = 1;
  spec.width = spec.height = 64;
  spec.seed = 99;
  const Reply quick = training.post(base + "/quicktest/image?iterationId=" + iterationId,
                                    fixtures::generateFixtureSet(spec)[0].bytes, "application/octet-stream");
  result.predictions = quick.json()["predictions"].dump();
  return result;
}

TEST(Determinism, SameSeedSameNumbersAndIds) {
  const RunResult first = trainAndQuickTest(5);
  const RunResult second = trainAndQuickTest(5);
  EXPECT_EQ(first.projectId, second.projectId);
  EXPECT_EQ(first.performance, second.performance);
  EXPECT_EQ(first.predictions, second.predictions);
  EXPECT_NE(first.performance.find("\"precision\""), std::string::npos) << first.performance;
  EXPECT_NE(first.projectId, trainAndQuickTest(6).projectId);
}

}  // namespace
}  // namespace cvmock::testing

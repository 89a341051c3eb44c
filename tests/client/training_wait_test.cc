// waitForTraining polls until the iteration leaves "Training" or the deadline passes.
#include "client/training_wait.h"

#include <gtest/gtest.h>

#include "tests/client/fake_service.h"

namespace cvmock::client {
namespace {

using namespace std::chrono_literals;
using testing::CannedResponse;
using testing::FakeService;

std::string iterationWithStatus(const std::string& status) {
  return R"({"id": "it", "name": "Iteration 1", "status": ")" + status + R"(",
    "created": "2020-11-06T16:37:27.563Z", "lastModified": "2020-11-06T16:37:27.563Z",
    "projectId": "p", "exportable": false, "trainingType": "Regular", "reservedBudgetInHours": 0})";
}

TEST(TrainingWaitTest, ReturnsTheCompletedIterationAndReportsEachPoll) {
  FakeService service;
  service.respondInOrder({CannedResponse{200, iterationWithStatus("Training")},
                          CannedResponse{200, iterationWithStatus("Training")},
                          CannedResponse{200, iterationWithStatus("Completed")}});
  TrainingClient client(service.endpoint(), "key");
  std::vector<std::string> seen;
  auto iteration = waitForTraining(client, "p", "it",
                                   {.pollInterval = 1ms, .timeout = 5s,
                                    .progress = [&](const Iteration& polled) { seen.push_back(polled.status); }});

  EXPECT_EQ(iteration.status, "Completed");
  EXPECT_EQ(seen, (std::vector<std::string>{"Training", "Training", "Completed"}));
  EXPECT_EQ(service.lastRequest().target, "/customvision/v3.3/training/projects/p/iterations/it");
}

TEST(TrainingWaitTest, FailedIsReturnedNotThrown) {
  FakeService service;
  service.respond(200, iterationWithStatus("Failed"));
  TrainingClient client(service.endpoint(), "key");
  EXPECT_EQ(waitForTraining(client, "p", "it", {.pollInterval = 1ms, .timeout = 5s}).status, "Failed");
}

TEST(TrainingWaitTest, ThrowsWhenStillTrainingAtTheDeadline) {
  FakeService service;
  service.respond(200, iterationWithStatus("Training"));
  TrainingClient client(service.endpoint(), "key");
  EXPECT_THROW(waitForTraining(client, "p", "it", {.pollInterval = 10ms, .timeout = 30ms}), TrainingTimeoutError);
}

}  // namespace
}  // namespace cvmock::client

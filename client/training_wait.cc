// Polls an iteration until training ends or the deadline passes.
#include "client/training_wait.h"

#include <thread>

namespace cvmock::client {

namespace {

bool isFinished(const Iteration& iteration) {
  return iteration.status == "Completed" || iteration.status == "Failed";
}

}  // namespace

Iteration waitForTraining(TrainingClient& client, const std::string& projectId,
                          const std::string& iterationId, std::chrono::milliseconds pollInterval,
                          std::chrono::milliseconds timeout, const TrainingProgress& progress) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    Iteration iteration = client.getIteration(projectId, iterationId);
    if (progress) progress(iteration);
    if (isFinished(iteration)) return iteration;
    if (std::chrono::steady_clock::now() + pollInterval > deadline) {
      throw TrainingTimeoutError("iteration " + iterationId + " still " + iteration.status +
                                 " after " + std::to_string(timeout.count()) + " ms");
    }
    std::this_thread::sleep_for(pollInterval);
  }
}

}  // namespace cvmock::client

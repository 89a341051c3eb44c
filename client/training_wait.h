// Waiting for a queued training run to finish, as every TrainProject caller must.
#pragma once

#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>

#include "client/models.h"
#include "client/training_client.h"

namespace cvmock::client {

// Thrown by waitForTraining when the iteration is still training at the deadline.
class TrainingTimeoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Called after every poll with the iteration as just read, so callers can show progress.
using TrainingProgress = std::function<void(const Iteration&)>;

// Polls getIteration every pollInterval until the status is "Completed" or "Failed" and returns
// that iteration; a Failed iteration is returned, not thrown, so the caller decides what it means.
// Throws TrainingTimeoutError when timeout passes first, and whatever getIteration throws.
Iteration waitForTraining(TrainingClient& client, const std::string& projectId,
                          const std::string& iterationId, std::chrono::milliseconds pollInterval,
                          std::chrono::milliseconds timeout, const TrainingProgress& progress = {});

}  // namespace cvmock::client

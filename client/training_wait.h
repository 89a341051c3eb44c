// Waiting for a queued training run to finish, as every TrainProject caller must, with a deadline and a way to
// stop waiting from another thread.
#pragma once

#include <chrono>
#include <functional>
#include <stdexcept>
#include <stop_token>
#include <string>

#include "client/models.h"
#include "client/training_client.h"

namespace cvmock::client {

// Thrown by waitForTraining when the iteration is still training at the deadline.
class TrainingTimeoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown by waitForTraining when its stop token is triggered. The training itself goes on in the service.
class TrainingWaitCancelled : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Called after every poll with the iteration as just read, so callers can show progress.
using TrainingProgress = std::function<void(const Iteration&)>;

struct TrainingWaitOptions {
  std::chrono::milliseconds pollInterval{std::chrono::seconds(1)};
  // The real service takes minutes even on tiny data; a large project takes hours.
  std::chrono::milliseconds timeout{std::chrono::hours(1)};
  TrainingProgress progress{};
  // request_stop() on its source (from any thread, a signal handler's flag watcher, a UI's cancel button) ends the
  // wait at once, even in the middle of a poll interval.
  std::stop_token stop{};
};

// Polls getIteration every pollInterval until the status is "Completed" or "Failed" and returns that iteration; a
// Failed iteration is returned, not thrown, so the caller decides what it means. Throws TrainingTimeoutError when
// the timeout passes first, TrainingWaitCancelled when stop is requested, and whatever getIteration throws.
Iteration waitForTraining(TrainingClient& client, const std::string& projectId, const std::string& iterationId,
                          const TrainingWaitOptions& options = {});

}  // namespace cvmock::client

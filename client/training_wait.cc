// Polls an iteration until training ends, the deadline passes or the caller stops the wait.
#include "client/training_wait.h"

#include <condition_variable>
#include <mutex>

namespace cvmock::client {

namespace {

bool isFinished(const Iteration& iteration) {
  return iteration.status == "Completed" || iteration.status == "Failed";
}

// Sleeps for interval or until stop is requested, whichever comes first; true when stop was requested.
bool sleepUnlessStopped(std::chrono::milliseconds interval, const std::stop_token& stop) {
  std::mutex mutex;
  std::condition_variable_any wake;
  std::unique_lock lock(mutex);
  wake.wait_for(lock, stop, interval, [] { return false; });
  return stop.stop_requested();
}

}  // namespace

Iteration waitForTraining(TrainingClient& client, const std::string& projectId, const std::string& iterationId,
                          const TrainingWaitOptions& options) {
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  auto cancelled = [&] {
    return TrainingWaitCancelled("stopped waiting for iteration " + iterationId + "; it goes on training");
  };
  while (true) {
    if (options.stop.stop_requested()) throw cancelled();
    Iteration iteration = client.getIteration(projectId, iterationId);
    if (options.progress) options.progress(iteration);
    if (isFinished(iteration)) return iteration;
    if (std::chrono::steady_clock::now() + options.pollInterval > deadline) {
      throw TrainingTimeoutError("iteration " + iterationId + " still " + iteration.status + " after " +
                                 std::to_string(options.timeout.count()) + " ms");
    }
    if (sleepUnlessStopped(options.pollInterval, options.stop)) throw cancelled();
  }
}

}  // namespace cvmock::client

// When a finished training becomes visible: the policy TrainingService consults (as moto's state transitions).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock_server/base/clock.h"
#include "mock_server/store/records.h"

namespace cvmock::server::simulation {

// Background: the real ordering; a worker trains and the result appears when it is done (the default).
// Immediate: reads wait for the worker, so the first read after TrainProject already sees the result.
// AfterSeconds / AfterReads: the result appears once `seconds` of the clock have passed, or on the
// `reads`-th read of the iteration. Manual: only an admin advance shows it.
enum class TrainingMode { Background, Immediate, AfterSeconds, AfterReads, Manual };
// What the next TrainProject ends in: as trained, Failed, or Training until a manual advance.
enum class TrainingOutcome { Normal, Fail, Hang };

struct TrainingSettings {
  TrainingMode mode = TrainingMode::Background;
  int seconds = 0;
  int reads = 0;
};

// "background", "immediate", "after-seconds:N", "after-reads:N" or "manual"; returns an error or "".
std::string parseTrainingMode(const std::string& text, TrainingSettings& settings);
std::string describe(const TrainingSettings& settings);
std::optional<TrainingOutcome> parseOutcome(const std::string& text);  // "normal", "fail", "hang"

// Thread-safe. Results it holds stay out of the store, so the iteration reads "Training" meanwhile.
class TrainingLifecycle {
 public:
  explicit TrainingLifecycle(const Clock& clock);

  TrainingSettings settings() const;
  void configure(TrainingSettings settings);
  // Applies to the next TrainProject only.
  void forceNext(TrainingOutcome outcome);
  TrainingOutcome nextOutcome() const;

  // TrainProject calls this: the forced outcome, if any, now belongs to this iteration.
  TrainingOutcome begin();
  // Whether reads must wait for running trainings first (every mode but Background), so that what
  // a read sees does not depend on how fast the worker is.
  bool readsWaitForTraining() const;
  // The worker finished: returns `done` when it is to be stored now, else holds it.
  std::optional<IterationRecord> settle(IterationRecord done, TrainingOutcome outcome);
  // Counts a read of `iterationId` (or of every held iteration of the project when empty) and
  // returns the held results that are now due, with trainedAt set to the time they appear.
  std::vector<IterationRecord> onRead(const std::string& projectId, const std::string& iterationId);
  // Every held result, hung ones included (the manual advance).
  std::vector<IterationRecord> releaseAll();
  // Ids of the held iterations, for the admin API.
  std::vector<std::string> heldIterations() const;
  // Drops held results and the forced outcome; keeps the mode.
  void reset();

 private:
  struct Held {
    IterationRecord done;
    std::optional<TimePoint> due;  // AfterSeconds
    int readsLeft = 0;             // AfterReads
    bool manual = false;           // Manual, or a hang
  };

  IterationRecord released(IterationRecord done) const;

  const Clock& clock_;
  mutable std::mutex mutex_;
  TrainingSettings settings_;
  TrainingOutcome next_ = TrainingOutcome::Normal;
  std::map<std::string, Held> held_;  // by iteration id
};

}  // namespace cvmock::server::simulation

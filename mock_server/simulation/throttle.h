// Per-key request rates by operation class, as the gateway in front of Custom Vision enforces them.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

#include "mock_server/base/clock.h"
#include "mock_server/simulation/tiers.h"

namespace cvmock::server::simulation {

// CONTRACT.md's four classes: TrainProject, predictions that store, predictions that do not, the rest. Each
// operation's row (api/operation.h) names its class.
enum class OperationClass { Train, PredictionStored, PredictionNoStore, Other };

// The tier's rate for the class, requests per second; 0 means not throttled.
double ratePerSecond(const TierLimits& limits, OperationClass operationClass);

// A token bucket per (key, class) holding up to max(1, rate) tokens, refilled at `rate` per second of
// the given clock, so a test that fixes the clock sees the same answers every run. Thread-safe.
class Throttle {
 public:
  explicit Throttle(const Clock& clock);

  // Takes one token; returns 0 when admitted, else the whole seconds until one is free (at least 1).
  int admit(const std::string& key, OperationClass operationClass, double ratePerSecond);
  void reset();

 private:
  struct Bucket {
    double tokens = 0;
    TimePoint refilled;
  };

  const Clock& clock_;
  std::mutex mutex_;
  std::map<std::tuple<std::string, OperationClass>, Bucket> buckets_;
};

}  // namespace cvmock::server::simulation

// Throttle: token buckets keyed by subscription key and operation class.
#include "mock_server/simulation/throttle.h"

#include <algorithm>
#include <cmath>

namespace cvmock::server::simulation {

double ratePerSecond(const TierLimits& limits, OperationClass operationClass) {
  switch (operationClass) {
    case OperationClass::Train:
      return limits.trainPerSecond;
    case OperationClass::PredictionStored:
      return limits.predictionsStoredPerSecond;
    case OperationClass::PredictionNoStore:
      return limits.predictionsNoStorePerSecond;
    case OperationClass::Other:
      break;
  }
  return limits.otherPerSecond;
}

Throttle::Throttle(const Clock& clock) : clock_(clock) {}

int Throttle::admit(const std::string& key, OperationClass operationClass, double rate) {
  if (rate <= 0) return 0;
  const double capacity = std::max(1.0, rate);
  const TimePoint now = clock_.now();
  std::lock_guard lock(mutex_);
  auto [it, created] = buckets_.try_emplace({key, operationClass}, Bucket{capacity, now});
  Bucket& bucket = it->second;
  if (!created && now > bucket.refilled) {
    const double elapsed = std::chrono::duration<double>(now - bucket.refilled).count();
    bucket.tokens = std::min(capacity, bucket.tokens + elapsed * rate);
    bucket.refilled = now;
  }
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1 - bucket.tokens) / rate)));
}

void Throttle::reset() {
  std::lock_guard lock(mutex_);
  buckets_.clear();
}

}  // namespace cvmock::server::simulation

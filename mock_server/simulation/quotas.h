// The selected tier's quotas, checked by the service before it stores anything new.
#pragma once

#include <cstddef>
#include <mutex>

#include "mock_server/base/clock.h"
#include "mock_server/simulation/tiers.h"

namespace cvmock::server::simulation {

// Thread-safe. Each admit* throws the service's ServiceError (errors.h) when one more would pass the
// tier's limit, and does nothing when the limit is 0 (unlimited).
class Quotas {
 public:
  explicit Quotas(TierLimits limits);

  TierLimits limits() const;
  void setLimits(TierLimits limits);

  void admitProject(std::size_t existing) const;
  void admitTag(std::size_t existing) const;
  void admitImages(std::size_t existing, std::size_t adding) const;
  void admitIteration(std::size_t existing) const;
  // Counts one prediction in the UTC calendar month of `at`; throws BadRequestExceededQuota past the limit.
  void countPrediction(TimePoint at);
  // Forgets the predictions counted so far (admin reset).
  void resetUsage();

 private:
  mutable std::mutex mutex_;
  TierLimits limits_;
  int month_ = -1;  // year * 12 + month of the counted predictions
  long long predictions_ = 0;
};

}  // namespace cvmock::server::simulation

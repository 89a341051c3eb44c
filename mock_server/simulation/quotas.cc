// Quotas: compare a count with the tier's number and throw the service's error for it.
#include "mock_server/simulation/quotas.h"

#include <ctime>

#include "mock_server/base/errors.h"

namespace cvmock::server::simulation {
namespace {

bool over(long long limit, std::size_t wouldBe) { return limit > 0 && static_cast<long long>(wouldBe) > limit; }

int monthOf(TimePoint at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  return parts.tm_year * 12 + parts.tm_mon;
}

}  // namespace

Quotas::Quotas(TierLimits limits) : limits_(std::move(limits)) {}

TierLimits Quotas::limits() const {
  std::lock_guard lock(mutex_);
  return limits_;
}

void Quotas::setLimits(TierLimits limits) {
  std::lock_guard lock(mutex_);
  limits_ = std::move(limits);
}

void Quotas::admitProject(std::size_t existing) const {
  const TierLimits t = limits();
  if (over(t.projects, existing + 1)) throw errors::exceedProjectLimit(t.projects);
}

void Quotas::admitTag(std::size_t existing) const {
  const TierLimits t = limits();
  if (over(t.tagsPerProject, existing + 1)) throw errors::exceedTagPerProjectLimit(t.tagsPerProject);
}

void Quotas::admitImages(std::size_t existing, std::size_t adding) const {
  const TierLimits t = limits();
  if (over(t.imagesPerProject, existing + adding)) throw errors::imageExceededCount(t.imagesPerProject);
}

void Quotas::admitIteration(std::size_t existing) const {
  const TierLimits t = limits();
  if (over(t.iterationsPerProject, existing + 1)) throw errors::exceedIterationPerProjectLimit(t.iterationsPerProject);
}

void Quotas::countPrediction(TimePoint at) {
  std::lock_guard lock(mutex_);
  const int month = monthOf(at);
  if (month != month_) {
    month_ = month;
    predictions_ = 0;
  }
  if (limits_.predictionsPerMonth > 0 && predictions_ >= limits_.predictionsPerMonth) throw errors::exceededQuota();
  ++predictions_;
}

void Quotas::resetUsage() {
  std::lock_guard lock(mutex_);
  month_ = -1;
  predictions_ = 0;
}

}  // namespace cvmock::server::simulation

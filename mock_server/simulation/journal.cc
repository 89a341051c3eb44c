// Journal: a bounded deque under a mutex.
#include "mock_server/simulation/journal.h"

#include <algorithm>

#include "mock_server/base/text.h"

namespace cvmock::server::simulation {
namespace {

bool matches(const JournalEntry& entry, const JournalFilter& filter) {
  if (entry.sequence <= filter.after) return false;
  if (filter.method && !equalsIgnoreCase(*filter.method, entry.method)) return false;
  if (filter.operation && *filter.operation != entry.operation) return false;
  if (filter.pathContains && entry.path.find(*filter.pathContains) == std::string::npos) return false;
  return !filter.status || *filter.status == entry.status;
}

}  // namespace

Journal::Journal(std::size_t capacity) : capacity_(std::max<std::size_t>(1, capacity)) {}

void Journal::record(JournalEntry entry) {
  std::lock_guard lock(mutex_);
  entry.sequence = ++sequence_;
  entries_.push_back(std::move(entry));
  if (entries_.size() > capacity_) entries_.pop_front();
}

std::vector<JournalEntry> Journal::query(const JournalFilter& filter) const {
  std::lock_guard lock(mutex_);
  std::vector<JournalEntry> newestFirst;
  for (auto it = entries_.rbegin(); it != entries_.rend() && newestFirst.size() < filter.limit; ++it) {
    if (matches(*it, filter)) newestFirst.push_back(*it);
  }
  return {newestFirst.rbegin(), newestFirst.rend()};
}

void Journal::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

nlohmann::json toJson(const JournalEntry& entry) {
  return {{"sequence", entry.sequence},     {"time", formatServiceTime(entry.time)},
          {"method", entry.method},         {"path", entry.path},
          {"operation", entry.operation},   {"status", entry.status},
          {"durationMs", entry.durationMs}, {"requestId", entry.requestId},
          {"fault", entry.fault}};
}

}  // namespace cvmock::server::simulation

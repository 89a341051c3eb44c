// The request journal: the last N calls (method, path, status, operation, timing), filterable.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock_server/base/clock.h"

namespace cvmock::server::simulation {

struct JournalEntry {
  long long sequence = 0;  // given by Journal::record, increasing from 1
  TimePoint time;
  std::string method;
  std::string path;
  std::string operation;  // the operationId, or "" when no route matched
  int status = 0;
  double durationMs = 0;
  std::string requestId;
  std::string fault;  // the fault rule that applied: its id, "header", or ""
};

// Every field set must match; `after` keeps entries with a larger sequence; newest last.
struct JournalFilter {
  std::optional<std::string> method;
  std::optional<std::string> operation;
  std::optional<std::string> pathContains;
  std::optional<int> status;
  long long after = 0;
  std::size_t limit = 100;
};

// Thread-safe; keeps the newest `capacity` entries.
class Journal {
 public:
  explicit Journal(std::size_t capacity);

  void record(JournalEntry entry);
  // The newest `filter.limit` entries that match, oldest first.
  std::vector<JournalEntry> query(const JournalFilter& filter) const;
  void clear();

 private:
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<JournalEntry> entries_;
  long long sequence_ = 0;
};

nlohmann::json toJson(const JournalEntry& entry);

}  // namespace cvmock::server::simulation

// Injected faults: an error answer, latency or a dropped connection for the operations a rule matches.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cvmock::server::simulation {

// A fault applies before the operation runs, so it never changes stored state.
struct FaultRule {
  std::string id;         // given by FaultTable::add
  std::string operation;  // an operationId (e.g. "TrainProject"); "" matches every operation
  std::string path;       // an ECMAScript regex searched in the request path; "" matches every path
  int status = 0;         // 0: no error answer (latency or drop only)
  std::string code;       // the service error code; "" answers in the gateway's shape {"error":{"code":"<status>"}}
  std::string message = "Fault injected by cvmock";
  int latencyMs = 0;      // waited before answering (or before the operation runs, when status is 0)
  bool drop = false;      // the connection closes before a complete answer
  double probability = 1; // drawn from the table's seeded generator
  int times = 0;          // how many more requests it applies to; 0: no end
};

// Fills `rule` from the admin API's JSON; returns an error message, or "" on success.
std::string parseFaultJson(const nlohmann::json& json, FaultRule& rule);
// Fills `rule` from a per-request header value such as "status=503;code=Timeout;latency=200;drop;probability=0.5".
std::string parseFaultHeader(const std::string& value, FaultRule& rule);
nlohmann::json toJson(const FaultRule& rule);

// The configured rules, first match wins. Thread-safe; the same seed draws the same sequence.
class FaultTable {
 public:
  explicit FaultTable(std::uint64_t seed);

  // Returns the new rule's id ("fault-1", "fault-2", ...).
  std::string add(FaultRule rule);
  bool remove(const std::string& id);
  void clear();
  std::vector<FaultRule> list() const;
  // The first rule matching the call whose probability draw succeeds; one of its `times` is used up.
  std::optional<FaultRule> pick(const std::string& operationId, const std::string& path);
  // Draws for a rule that is not in the table (the per-request header).
  bool roll(double probability);

 private:
  bool rollLocked(double probability);

  mutable std::mutex mutex_;
  std::vector<FaultRule> rules_;
  std::mt19937_64 random_;
  int added_ = 0;
};

}  // namespace cvmock::server::simulation

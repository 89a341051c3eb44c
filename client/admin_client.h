// AdminClient: cvmock's own admin API under /_cvmock/ (health, reset, journal, config, clock, training, faults).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "client/client_options.h"
#include "client/connection.h"

namespace cvmock::client {

// Which journal entries to list; unset fields do not filter.
struct JournalQuery {
  std::optional<std::string> method{};
  std::optional<std::string> operation{};
  std::optional<std::string> pathContains{};
  std::optional<int> status{};
  std::optional<int> limit{};
};

// Each call returns the admin API's JSON answer (see mock_server/admin/openapi.yaml). Throws
// CustomVisionError for a non-2xx answer (401 with a wrong key, 404 while the admin API is off) and
// ConnectionError when nothing answers. Not thread-safe.
class AdminClient {
 public:
  // `adminKey` is cvmock's --admin-key; health and readiness work without it. options: timeouts and TLS as the
  // service clients' (an https:// cvmock needs its CA file); its retry policy is ignored, because admin calls are
  // not idempotent (a retried clock advance would advance twice) and ready() must answer at once.
  AdminClient(const std::string& endpoint, std::string adminKey, const ClientOptions& options = {});

  // True when cvmock answers /_cvmock/ready with 200; false when it answers otherwise or not at all.
  bool ready();
  void reset();
  nlohmann::json config();
  // `settings` as the tier config file: {"tier": "F0", "projects": 5, ...}; returns the limits in force.
  nlohmann::json setTier(const nlohmann::json& settings);
  nlohmann::json journal(const JournalQuery& query);  // {"entries": [...]}, oldest first
  void clearJournal();
  nlohmann::json setClock(const std::string& spec);  // "system" or "fixed:<ISO time>"
  nlohmann::json advanceClock(double seconds);
  nlohmann::json training();
  nlohmann::json setTrainingMode(const std::string& mode);     // background, immediate, after-seconds:N, ...
  nlohmann::json forceNextTraining(const std::string& outcome);  // normal, fail, hang
  int advanceTrainings();                                        // how many held results were released
  nlohmann::json faults();
  nlohmann::json addFault(const nlohmann::json& rule);  // returns the rule with its id
  void removeFault(const std::string& id);
  void clearFaults();

 private:
  nlohmann::json call(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr,
                      Query query = {});

  Connection connection_;
};

}  // namespace cvmock::client

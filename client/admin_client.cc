// AdminClient: one Connection to /_cvmock with the admin key header.
#include "client/admin_client.h"

#include "client/errors.h"

namespace cvmock::client {

namespace {

ClientOptions withoutRetries(ClientOptions options) {
  options.retry = RetryPolicy::none();
  return options;
}

}  // namespace

AdminClient::AdminClient(const std::string& endpoint, std::string adminKey, const ClientOptions& options)
    : connection_(endpoint, "/_cvmock", "Cvmock-Admin-Key", std::move(adminKey), withoutRetries(options)) {}

nlohmann::json AdminClient::call(const std::string& method, const std::string& path, const nlohmann::json& body,
                                 Query query) {
  HttpRequest request{method, path, std::move(query), body.is_null() ? "" : body.dump(), "application/json"};
  return connection_.sendForJson(request);
}

bool AdminClient::ready() {
  try {
    call("GET", "/ready");
    return true;
  } catch (const CustomVisionError&) {
    return false;
  } catch (const ConnectionError&) {
    return false;
  }
}

void AdminClient::reset() { call("POST", "/reset"); }

nlohmann::json AdminClient::config() { return call("GET", "/config"); }

nlohmann::json AdminClient::setTier(const nlohmann::json& settings) { return call("PUT", "/config/tier", settings); }

nlohmann::json AdminClient::journal(const JournalQuery& query) {
  Query parameters;
  parameters.add("method", query.method)
      .add("operation", query.operation)
      .add("path", query.pathContains)
      .add("status", query.status)
      .add("limit", query.limit);
  return call("GET", "/journal", nullptr, std::move(parameters));
}

void AdminClient::clearJournal() { call("DELETE", "/journal"); }

nlohmann::json AdminClient::setClock(const std::string& spec) { return call("PUT", "/clock", {{"clock", spec}}); }

nlohmann::json AdminClient::advanceClock(double seconds) {
  return call("POST", "/clock/advance", {{"seconds", seconds}});
}

nlohmann::json AdminClient::training() { return call("GET", "/training"); }

nlohmann::json AdminClient::setTrainingMode(const std::string& mode) {
  return call("PUT", "/training", {{"mode", mode}});
}

nlohmann::json AdminClient::forceNextTraining(const std::string& outcome) {
  return call("POST", "/training/next", {{"outcome", outcome}});
}

int AdminClient::advanceTrainings() { return call("POST", "/training/advance")["released"].get<int>(); }

nlohmann::json AdminClient::faults() { return call("GET", "/faults"); }

nlohmann::json AdminClient::addFault(const nlohmann::json& rule) { return call("POST", "/faults", rule); }

void AdminClient::removeFault(const std::string& id) { call("DELETE", pathOf({"faults", id})); }

void AdminClient::clearFaults() { call("DELETE", "/faults"); }

}  // namespace cvmock::client

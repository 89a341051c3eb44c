// The admin route table, its matcher and the key check.
#include "mock_server/api/admin/admin_routes.h"

#include <optional>

#include "mock_server/api/admin/admin_handlers.h"
#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"

namespace cvmock::server::admin {
namespace {

std::optional<std::map<std::string, std::string>> matchPattern(const std::string& pattern,
                                                               const std::vector<std::string>& segments) {
  const std::vector<std::string> parts = splitList(pattern, '/');
  if (parts.size() != segments.size()) return std::nullopt;
  std::map<std::string, std::string> params;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].front() == '{') {
      params[parts[i].substr(1, parts[i].size() - 2)] = segments[i];
    } else if (parts[i] != segments[i]) {
      return std::nullopt;
    }
  }
  return params;
}

}  // namespace

nlohmann::json AdminCall::jsonBody() const {
  if (body.empty()) return nlohmann::json::object();
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) throw errors::bodyNotObject();
  return parsed;
}

void AdminCall::json(int status, const nlohmann::json& body) {
  response.status = status;
  response.set_content(body.dump(), "application/json; charset=utf-8");
}

const std::vector<AdminRoute>& adminRoutes() {
  static const std::vector<AdminRoute> kRoutes = {
      {"GET", "health", true, getHealth},
      {"GET", "ready", true, getReady},
      {"POST", "reset", false, postReset},
      {"GET", "config", false, getConfig},
      {"PUT", "config/tier", false, putTier},
      {"GET", "journal", false, getJournal},
      {"DELETE", "journal", false, deleteJournal},
      {"PUT", "clock", false, putClock},
      {"POST", "clock/advance", false, postClockAdvance},
      {"GET", "training", false, getTraining},
      {"PUT", "training", false, putTraining},
      {"POST", "training/next", false, postTrainingNext},
      {"POST", "training/advance", false, postTrainingAdvance},
      {"GET", "faults", false, getFaults},
      {"POST", "faults", false, postFault},
      {"DELETE", "faults", false, deleteFaults},
      {"DELETE", "faults/{faultId}", false, deleteFault},
  };
  return kRoutes;
}

bool isAdminPath(const std::string& path) {
  const std::vector<std::string> segments = splitList(path, '/');
  return !segments.empty() && segments[0] == "_cvmock" && (segments.size() < 2 || segments[1] != "blobs");
}

void handleAdmin(Service& service, const httplib::Request& request, std::string_view body,
                 httplib::Response& response) {
  std::vector<std::string> segments = splitList(request.path, '/');
  segments.erase(segments.begin());
  const simulation::Simulation& simulation = service.simulation();
  for (const AdminRoute& route : adminRoutes()) {
    if (request.method != route.method) continue;
    std::optional<std::map<std::string, std::string>> params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (!route.open && !simulation.adminEnabled()) break;
    if (!route.open && !keysEqual(request.get_header_value(kAdminKeyHeader), simulation.adminKey)) {
      throw errors::adminUnauthorized(kAdminKeyHeader);
    }
    AdminCall call{request, body, response, service, std::move(*params)};
    route.handler(call);
    return;
  }
  if (!simulation.adminEnabled()) throw errors::adminDisabled();
  throw errors::adminRouteNotFound(request.method, request.path);
}

}  // namespace cvmock::server::admin

// The admin API under /_cvmock/ (health, reset, journal, config, clock, training lifecycle, faults): one route table.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "mock_server/api/http.h"
#include "mock_server/service/service.h"

namespace cvmock::server::admin {

// The header carrying the admin key (--admin-key).
inline constexpr const char* kAdminKeyHeader = "Cvmock-Admin-Key";

// One admin call as a handler sees it. Handlers throw ServiceError (errors.h) for bad input.
struct AdminCall {
  const httplib::Request& request;  // its head; the body is `body`
  std::string_view body;
  httplib::Response& response;
  Service& service;
  std::map<std::string, std::string> params;

  // The body as a JSON object ({} when empty); BadRequest otherwise.
  nlohmann::json jsonBody() const;
  void json(int status, const nlohmann::json& body);
};

using AdminHandler = void (*)(AdminCall&);

// `pattern` is below /_cvmock/, with {name} for a parameter segment. `open` routes (health, readiness)
// answer even while the admin API is disabled, so container health checks need no key.
struct AdminRoute {
  const char* method;
  const char* pattern;
  bool open;
  AdminHandler handler;
};

const std::vector<AdminRoute>& adminRoutes();

// Whether `path` belongs to the admin API: under /_cvmock/, apart from the image blobs the service serves.
bool isAdminPath(const std::string& path);

// Answers one admin call, errors included ({"code","message"}); 404 for the controls while the admin
// API is disabled, 401 without the right key.
void handleAdmin(Service& service, const httplib::Request& request, std::string_view body,
                 httplib::Response& response);

}  // namespace cvmock::server::admin

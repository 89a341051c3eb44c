// The route tables: one per API, each route named by the spec's operationId.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock_server/call.h"

namespace cvmock::server {

using Handler = void (*)(Call&);

// `pattern` is the path below the API's base path, with {name} for a parameter segment.
struct Route {
  const char* method;
  const char* pattern;
  const char* operationId;
  Handler handler;
};

// Training API, below /customvision/{version}/training.
const std::vector<Route>& trainingRoutes();
// Prediction API, below /customvision/{version}/prediction.
const std::vector<Route>& predictionRoutes();

struct RouteMatch {
  const Route* route;
  std::map<std::string, std::string> params;
};

// Literal segments match case-insensitively; nullopt when no route of `routes` matches.
std::optional<RouteMatch> matchRoute(const std::vector<Route>& routes, std::string_view method,
                                     const std::vector<std::string>& segments);

}  // namespace cvmock::server

// Matching a path against a route table.
#include "mock_server/routes.h"

#include "mock_server/text.h"

namespace cvmock::server {

std::optional<RouteMatch> matchRoute(const std::vector<Route>& routes, std::string_view method,
                                     const std::vector<std::string>& segments) {
  for (const Route& route : routes) {
    if (method != route.method) continue;
    const std::vector<std::string> pattern = splitList(route.pattern, '/');
    if (pattern.size() != segments.size()) continue;
    RouteMatch match{&route, {}};
    bool same = true;
    for (std::size_t i = 0; i < pattern.size() && same; ++i) {
      const std::string& part = pattern[i];
      if (part.front() == '{') {
        match.params.emplace(part.substr(1, part.size() - 2), segments[i]);
      } else {
        same = equalsIgnoreCase(part, segments[i]);
      }
    }
    if (same) return match;
  }
  return std::nullopt;
}

}  // namespace cvmock::server

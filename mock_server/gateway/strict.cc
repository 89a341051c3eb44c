// --strict checks: canonical path, key header spelling and the spec's query parameters.
#include "mock_server/gateway/strict.h"

#include <algorithm>
#include <array>

#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"

namespace cvmock::server {
namespace {

constexpr std::array<const char*, 3> kKeyHeaders = {"Training-Key", "Prediction-Key", "Ocp-Apim-Subscription-Key"};

// Splits on '/' keeping empty pieces, so a doubled or trailing slash shows as an empty segment.
std::vector<std::string> rawSegments(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 1;  // past the leading '/'
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

}  // namespace

std::string nonCanonicalPath(const std::string& path, const OperationTarget& target) {
  const std::vector<std::string> segments = rawSegments(path);
  if (path.empty() || path.front() != '/' || std::find(segments.begin(), segments.end(), "") != segments.end()) {
    return "path '" + path + "' has a doubled or trailing slash";
  }
  const std::vector<std::string> pattern = splitList(target.operation->pattern, '/');
  if (segments.size() != pattern.size() + 3) return "path '" + path + "' is not the canonical form of the route";
  std::vector<std::string> expected = {"customvision", toLower(segments[1]), std::string(target.api->name)};
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    expected.push_back(pattern[i].front() == '{' ? segments[i + 3] : pattern[i]);
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (segments[i] != expected[i]) {
      return "path segment '" + segments[i] + "' must be spelled '" + expected[i] + "' (case matters)";
    }
  }
  return "";
}

std::string nonCanonicalKeyHeader(const httplib::Headers& headers) {
  for (const auto& [name, value] : headers) {
    for (const char* canonical : kKeyHeaders) {
      if (equalsIgnoreCase(name, canonical) && name != canonical) {
        return "header '" + name + "' must be spelled '" + canonical + "'";
      }
    }
  }
  return "";
}

std::string unlistedQueryParameter(const httplib::Params& params, const Operation& operation) {
  for (const auto& [name, value] : params) {
    if (std::find(operation.query.begin(), operation.query.end(), name) == operation.query.end()) {
      return "query parameter '" + name + "' is not a parameter of " + std::string(operation.id) + " in the spec";
    }
  }
  return "";
}

void enforceStrict(const httplib::Request& request, const OperationTarget& target) {
  for (const std::string& rejected :
       {nonCanonicalPath(request.path, target), nonCanonicalKeyHeader(request.headers),
        unlistedQueryParameter(request.params, *target.operation)}) {
    if (!rejected.empty()) throw errors::strictRejection(rejected);
  }
}

}  // namespace cvmock::server

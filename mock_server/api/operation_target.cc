// Resolving a path: the base path's three segments, then the API's operation patterns, split once per process.
#include "mock_server/api/operation_target.h"

#include <algorithm>

#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"

namespace cvmock::server {
namespace {

// An operation's pattern split into segments: a parameter segment holds its name, a literal its text.
struct CompiledPattern {
  const Operation* operation;
  std::vector<std::string> segments;
  std::vector<bool> parameter;
};

const std::vector<CompiledPattern>& compiled(const ApiTable& table) {
  static const auto compile = [](const ApiTable& t) {
    std::vector<CompiledPattern> out;
    for (const Operation& operation : t.operations) {
      CompiledPattern pattern{&operation, {}, {}};
      for (std::string& segment : splitList(operation.pattern, '/')) {
        const bool parameter = segment.front() == '{';
        pattern.parameter.push_back(parameter);
        pattern.segments.push_back(parameter ? segment.substr(1, segment.size() - 2) : std::move(segment));
      }
      out.push_back(std::move(pattern));
    }
    return out;
  };
  static const std::vector<CompiledPattern> training = compile(trainingApi());
  static const std::vector<CompiledPattern> prediction = compile(predictionApi());
  return table.api == Api::Training ? training : prediction;
}

std::string listVersions(const ApiTable& table) {
  std::string out;
  for (std::string_view version : table.versions) out += (out.empty() ? "" : ", ") + std::string(version);
  return out;
}

}  // namespace

const Operation* matchOperation(const ApiTable& table, std::string_view method, const std::vector<std::string>& segments,
                                std::map<std::string, std::string, std::less<>>& params) {
  for (const CompiledPattern& pattern : compiled(table)) {
    if (pattern.operation->method != method || pattern.segments.size() != segments.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < segments.size() && same; ++i) {
      same = pattern.parameter[i] || equalsIgnoreCase(pattern.segments[i], segments[i]);
    }
    if (!same) continue;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      if (pattern.parameter[i]) params[pattern.segments[i]] = segments[i];
    }
    return pattern.operation;
  }
  return nullptr;
}

OperationTarget resolveOperation(std::string_view method, std::string_view path) {
  std::vector<std::string> segments = splitList(path, '/');
  if (segments.size() < 3 || !equalsIgnoreCase(segments[0], "customvision")) {
    throw errors::resourceNotFound("cvmock serves /customvision/{version}/training and /prediction.");
  }
  const ApiTable* api = equalsIgnoreCase(segments[2], trainingApi().name)     ? &trainingApi()
                        : equalsIgnoreCase(segments[2], predictionApi().name) ? &predictionApi()
                                                                              : nullptr;
  if (!api) throw errors::resourceNotFound("Unknown API '" + segments[2] + "': expected training or prediction.");
  OperationTarget target{api, std::move(segments[1]), nullptr, {}};
  const auto served = [&](std::string_view v) { return equalsIgnoreCase(v, target.version); };
  if (std::none_of(api->versions.begin(), api->versions.end(), served)) {
    throw errors::resourceNotFound("API version '" + target.version + "' is not served; known versions are " +
                                   listVersions(*api) + ".");
  }
  segments.erase(segments.begin(), segments.begin() + 3);
  target.operation = matchOperation(*api, method, segments, target.params);
  if (!target.operation) {
    throw errors::resourceNotFound("No operation matches " + std::string(method) + " " + std::string(path) + ".");
  }
  return target;
}

}  // namespace cvmock::server

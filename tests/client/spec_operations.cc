// Reads the specs' operations once per test process.
#include "tests/client/spec_operations.h"

#include <cctype>
#include <fstream>
#include <map>
#include <stdexcept>

namespace cvmock::client::testing {

using nlohmann::json;
namespace fs = std::filesystem;

const SpecApi kTrainingApi{"training-v3.3/Training.json", "training-v3.3/examples", "training",
                           "/customvision/v3[^/]*/training"};
const SpecApi kPredictionApi{"prediction-v3.0/Prediction.json", "prediction-v3.0/examples", "prediction",
                             "/customvision/v3[^/]*/prediction"};

const fs::path& specDir() {
  static const fs::path kDir = CVMOCK_SPEC_DIR;
  return kDir;
}

const fs::path& recordingsDir() {
  static const fs::path kDir = CVMOCK_RECORDINGS_DIR;
  return kDir;
}

json readJson(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return json::parse(in);
}

const json& specOf(const SpecApi& api) {
  static std::map<const SpecApi*, json> specs;
  auto [entry, added] = specs.try_emplace(&api);
  if (added) entry->second = readJson(specDir() / api.specFile);
  return entry->second;
}

const std::vector<SpecOperation>& operationsOf(const SpecApi& api) {
  static std::map<const SpecApi*, std::vector<SpecOperation>> operations;
  auto [entry, added] = operations.try_emplace(&api);
  if (!added) return entry->second;
  for (const auto& [path, methods] : specOf(api).at("paths").items()) {
    const std::string pattern = std::regex_replace(path, std::regex(R"(\{[^}]+\})"), "[^/]+");
    for (const auto& [method, operation] : methods.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const std::string operationId = operation.at("operationId");
      entry->second.push_back({&api, upper, path, std::regex(pattern), operationId, operation});
    }
  }
  return entry->second;
}

const SpecOperation* findOperation(const std::string& operationId) {
  for (const SpecApi* api : {&kTrainingApi, &kPredictionApi}) {
    for (const SpecOperation& operation : operationsOf(*api)) {
      if (operation.operationId == operationId) return &operation;
    }
  }
  return nullptr;
}

const json& definitionOf(const SpecApi& api, const std::string& reference) {
  static const std::string kPrefix = "#/definitions/";
  if (reference.rfind(kPrefix, 0) != 0) throw std::runtime_error("not a definition reference: " + reference);
  return specOf(api).at("definitions").at(reference.substr(kPrefix.size()));
}

}  // namespace cvmock::client::testing

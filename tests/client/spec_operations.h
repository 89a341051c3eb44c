// The operations of the Training v3.3 and Prediction v3.0 specs (../shared/spec) as the client tests read them.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

namespace cvmock::client::testing {

// One API's spec file, below CVMOCK_SPEC_DIR, and the base path its calls go to.
struct SpecApi {
  const char* specFile;          // "training-v3.3/Training.json"
  const char* examplesFolder;    // "training-v3.3/examples"
  const char* recordingsFolder;  // below CVMOCK_RECORDINGS_DIR: "training"
  const char* basePathPattern;   // any v3.x version the recordings use (v1.2 has another schema)
};
extern const SpecApi kTrainingApi;
extern const SpecApi kPredictionApi;

// One operation of a spec: its API, "GET", "/projects/{projectId}", its path as a regex over the path below the
// API's base path, its operationId, and its whole entry (parameters, consumes, responses).
struct SpecOperation {
  const SpecApi* api;
  std::string method;
  std::string path;
  std::regex pathPattern;
  std::string operationId;
  nlohmann::json entry;
};

// The parsed spec file of api, read once. Throws std::runtime_error when it cannot be read.
const nlohmann::json& specOf(const SpecApi& api);
// Every operation of api's spec, in the spec's order.
const std::vector<SpecOperation>& operationsOf(const SpecApi& api);
// The operation named operationId in either spec; nullptr when neither has it.
const SpecOperation* findOperation(const std::string& operationId);
// The definition a "#/definitions/Name" reference names in api's spec.
const nlohmann::json& definitionOf(const SpecApi& api, const std::string& reference);

// Parses a JSON file; throws std::runtime_error when it cannot be read, nlohmann::json::parse_error when invalid.
nlohmann::json readJson(const std::filesystem::path& path);

const std::filesystem::path& specDir();
const std::filesystem::path& recordingsDir();

}  // namespace cvmock::client::testing

// Resolves cvctl's connection settings.
#include "client/cvctl/settings.h"

#include <cstdlib>

namespace cvmock::cvctl {

namespace {

std::string resolve(const CommandLine& line, const std::string& option, const char* environment,
                    const char* fallback) {
  if (auto value = line.option(option)) return *value;
  if (const char* value = std::getenv(environment); value != nullptr && *value != '\0')
    return value;
  return fallback;
}

}  // namespace

const std::vector<std::string>& globalOptionNames() {
  static const std::vector<std::string> kNames = {"endpoint", "training-key", "prediction-key",
                                                  "prediction-resource-id", "admin-key", "help"};
  return kNames;
}

Settings settingsFrom(const CommandLine& line) {
  return {
      resolve(line, "endpoint", "CVMOCK_ENDPOINT", "http://127.0.0.1:8808"),
      resolve(line, "training-key", "CVMOCK_TRAINING_KEY", "cvmock-training-key"),
      resolve(line, "prediction-key", "CVMOCK_PREDICTION_KEY", "cvmock-prediction-key"),
      resolve(line, "prediction-resource-id", "CVMOCK_PREDICTION_RESOURCE_ID",
              "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/"
              "Microsoft.CognitiveServices/accounts/cvmock-prediction"),
      resolve(line, "admin-key", "CVMOCK_ADMIN_KEY", ""),
  };
}

}  // namespace cvmock::cvctl

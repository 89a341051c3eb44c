// Chooses and opens the contract scenario's target.
#include "tests/contract/cpp/target.h"

#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace cvmock::contract {

namespace {

const std::vector<std::string> kRealServiceVariables = {
    "CVMOCK_CONTRACT_TRAINING_ENDPOINT", "CVMOCK_CONTRACT_TRAINING_KEY", "CVMOCK_CONTRACT_PREDICTION_ENDPOINT",
    "CVMOCK_CONTRACT_PREDICTION_KEY", "CVMOCK_CONTRACT_PREDICTION_RESOURCE_ID"};

// The ARM id cvmock is told to accept as a publish target: the same shape as a real prediction resource's.
constexpr char kLocalResourceId[] =
    "/subscriptions/5a3a2c1e-0000-4000-8000-000000000003/resourceGroups/contract/providers/"
    "Microsoft.CognitiveServices/accounts/contract-prediction";

std::string environment(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  return value == nullptr ? "" : value;
}

std::string withoutTrailingSlash(std::string endpoint) {
  while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
  return endpoint;
}

std::unique_ptr<Target> realService() {
  auto target = std::make_unique<Target>();
  target->real = true;
  target->trainingEndpoint = withoutTrailingSlash(environment("CVMOCK_CONTRACT_TRAINING_ENDPOINT"));
  target->trainingKey = environment("CVMOCK_CONTRACT_TRAINING_KEY");
  target->predictionEndpoint = withoutTrailingSlash(environment("CVMOCK_CONTRACT_PREDICTION_ENDPOINT"));
  target->predictionKey = environment("CVMOCK_CONTRACT_PREDICTION_KEY");
  target->predictionResourceId = environment("CVMOCK_CONTRACT_PREDICTION_RESOURCE_ID");
  // Real trainings take about five minutes on tiny data (recordings/README.md).
  target->pollInterval = std::chrono::seconds(2);
  target->trainingTimeout = std::chrono::minutes(15);
  return target;
}

std::unique_ptr<Target> localCvmock() {
  const std::string binary = environment("CVMOCK_BIN");
  if (binary.empty()) {
    throw std::runtime_error("set CVMOCK_BIN to the cvmock executable (or the CVMOCK_CONTRACT_* variables)");
  }
  auto target = std::make_unique<Target>();
  target->trainingKey = "contract-training-key";
  target->predictionKey = "contract-prediction-key";
  target->predictionResourceId = kLocalResourceId;
  target->cvmock = std::make_unique<testing::CvmockProcess>(
      binary, std::vector<std::string>{"--training-key", target->trainingKey, "--prediction-key",
                                       target->predictionKey, "--prediction-resource-id", kLocalResourceId,
                                       "--training-mode", "immediate"});
  target->trainingEndpoint = target->predictionEndpoint = target->cvmock->endpoint();
  target->pollInterval = std::chrono::milliseconds(50);
  target->trainingTimeout = std::chrono::seconds(20);
  return target;
}

}  // namespace

std::unique_ptr<Target> openTarget() {
  std::string missing;
  size_t present = 0;
  for (const std::string& name : kRealServiceVariables) {
    if (environment(name).empty()) {
      missing += (missing.empty() ? "" : ", ") + name;
    } else {
      ++present;
    }
  }
  if (present == kRealServiceVariables.size()) return realService();
  if (present > 0) {
    throw std::runtime_error("set all five CVMOCK_CONTRACT_* variables or none (missing: " + missing + ")");
  }
  return localCvmock();
}

}  // namespace cvmock::contract

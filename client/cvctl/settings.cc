// Resolves cvctl's connection and output settings.
#include "client/cvctl/settings.h"

#include <cstdlib>

#include "client/version.h"

namespace cvmock::cvctl {

namespace {

std::string resolve(const CommandLine& line, const std::string& option, const char* environment,
                    const char* fallback) {
  if (auto value = line.option(option)) return *value;
  if (const char* value = std::getenv(environment); value != nullptr && *value != '\0') return value;
  return fallback;
}

}  // namespace

client::ClientOptions Settings::clientOptions() const {
  client::ClientOptions options;
  options.tls.caFile = caFile;
  options.tls.verifyPeer = !insecure;
  options.userAgentPrefix = std::string("cvctl/") + client::kVersion;
  // Throttling and 503s are retried as the library does; a refused connection is reported at once, because a
  // person at a shell wants "is cvmock running?" now, not after 7 s of backoff.
  options.retry.retryConnectionErrors = false;
  return options;
}

const std::vector<OptionSpec>& globalOptions() {
  static const std::vector<OptionSpec> kOptions = {
      {"endpoint"}, {"training-key"},     {"prediction-key"},   {"prediction-resource-id"},
      {"admin-key"}, {"ca-file"},         {"insecure", false},  {"json", false},
      {"help", false}, {"version", false},
  };
  return kOptions;
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
      resolve(line, "ca-file", "CVMOCK_CA_FILE", ""),
      line.has("insecure"),
      line.has("json"),
  };
}

}  // namespace cvmock::cvctl

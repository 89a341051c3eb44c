// A cvmock executable started for one test, with the admin API on, and the clients the tests talk to it with.
#pragma once

#include <string>
#include <vector>

#include "client/admin_client.h"
#include "client/prediction_client.h"
#include "client/training_client.h"
#include "tests/support/cvmock_process.h"

namespace cvmock::client::testing {

inline constexpr char kTrainingKey[] = "cvmock-training-key";
inline constexpr char kPredictionKey[] = "cvmock-prediction-key";
inline constexpr char kAdminKey[] = "client-tests-admin";
inline constexpr char kResourceId[] =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/"
    "Microsoft.CognitiveServices/accounts/cvmock-prediction";

// Runs $CVMOCK_BINARY (a compile definition) on a free port with --admin-key and extraArgs; killed on destruction.
class CvmockServer {
 public:
  explicit CvmockServer(std::vector<std::string> extraArgs = {})
      : process_(CVMOCK_BINARY, withAdminKey(std::move(extraArgs))) {}

  std::string endpoint() const { return process_.endpoint(); }
  TrainingClient training(const ClientOptions& options = {}) const { return {endpoint(), kTrainingKey, options}; }
  PredictionClient prediction(const ClientOptions& options = {}) const {
    return {endpoint(), kPredictionKey, options};
  }
  AdminClient admin(const ClientOptions& options = {}) const { return {endpoint(), kAdminKey, options}; }

 private:
  static std::vector<std::string> withAdminKey(std::vector<std::string> args) {
    args.insert(args.end(), {"--admin-key", kAdminKey});
    return args;
  }

  cvmock::testing::CvmockProcess process_;
};

}  // namespace cvmock::client::testing

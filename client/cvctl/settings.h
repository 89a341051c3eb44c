// Where cvctl connects and with which keys: flags, then environment variables, then cvmock's
// defaults.
#pragma once

#include <string>
#include <vector>

#include "client/cvctl/command_line.h"

namespace cvmock::cvctl {

struct Settings {
  std::string endpoint;              // --endpoint, CVMOCK_ENDPOINT
  std::string trainingKey;           // --training-key, CVMOCK_TRAINING_KEY
  std::string predictionKey;         // --prediction-key, CVMOCK_PREDICTION_KEY
  std::string predictionResourceId;  // --prediction-resource-id, CVMOCK_PREDICTION_RESOURCE_ID
  std::string adminKey;              // --admin-key, CVMOCK_ADMIN_KEY (cvmock's admin API only)
};

// The option names above, which every command accepts.
const std::vector<std::string>& globalOptionNames();

// Reads each setting from its flag, else its environment variable, else the emulator's default
// (the values cvmock starts with, so a bare `cvctl` talks to a bare `cvmock`).
Settings settingsFrom(const CommandLine& line);

}  // namespace cvmock::cvctl

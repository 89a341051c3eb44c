// Where cvctl connects, with which keys and TLS trust, and how it prints: flags, then environment variables, then
// cvmock's defaults.
#pragma once

#include <string>
#include <vector>

#include "client/admin_client.h"
#include "client/client_options.h"
#include "client/cvctl/command_line.h"
#include "client/prediction_client.h"
#include "client/training_client.h"

namespace cvmock::cvctl {

struct Settings {
  std::string endpoint;              // --endpoint, CVMOCK_ENDPOINT
  std::string trainingKey;           // --training-key, CVMOCK_TRAINING_KEY
  std::string predictionKey;         // --prediction-key, CVMOCK_PREDICTION_KEY
  std::string predictionResourceId;  // --prediction-resource-id, CVMOCK_PREDICTION_RESOURCE_ID
  std::string adminKey;              // --admin-key, CVMOCK_ADMIN_KEY (cvmock's admin API only)
  std::string caFile;                // --ca-file, CVMOCK_CA_FILE: trust this CA for an https:// endpoint
  bool insecure = false;             // --insecure: accept any certificate (never from the environment)
  bool json = false;                 // --json: print results as JSON for scripts

  // Retries, timeouts and TLS trust for the clients: the library's defaults plus --ca-file and --insecure, and
  // "cvctl/<version>" in the User-Agent.
  client::ClientOptions clientOptions() const;
  // Clients for the endpoint with the settings' keys and options.
  client::TrainingClient trainingClient() const { return {endpoint, trainingKey, clientOptions()}; }
  client::PredictionClient predictionClient() const { return {endpoint, predictionKey, clientOptions()}; }
  client::AdminClient adminClient() const { return {endpoint, adminKey, clientOptions()}; }
};

// The options every command accepts.
const std::vector<OptionSpec>& globalOptions();

// Reads each setting from its flag, else its environment variable, else the emulator's default
// (the values cvmock starts with, so a bare `cvctl` talks to a bare `cvmock`).
Settings settingsFrom(const CommandLine& line);

}  // namespace cvmock::cvctl

// The service the C++ contract scenario runs against: a cvmock it starts itself, or the real Custom Vision when the
// CVMOCK_CONTRACT_* variables name one (../README.md).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "client/prediction_client.h"
#include "client/training_client.h"
#include "tests/support/cvmock_process.h"

namespace cvmock::contract {

struct Target {
  bool real = false;
  std::string trainingEndpoint;
  std::string trainingKey;
  std::string predictionEndpoint;
  std::string predictionKey;
  std::string predictionResourceId;
  std::chrono::milliseconds pollInterval{0};
  std::chrono::milliseconds trainingTimeout{0};
  std::unique_ptr<testing::CvmockProcess> cvmock;  // the local cvmock; null against the real service

  client::TrainingClient training() const { return {trainingEndpoint, trainingKey}; }
  client::PredictionClient prediction() const { return {predictionEndpoint, predictionKey}; }
  // Clients whose key the service must refuse; they do not retry.
  client::TrainingClient badTraining() const {
    return {trainingEndpoint, "not-the-training-key", {.retry = client::RetryPolicy::none()}};
  }
  client::PredictionClient badPrediction() const {
    return {predictionEndpoint, "not-the-prediction-key", {.retry = client::RetryPolicy::none()}};
  }
};

// All five CVMOCK_CONTRACT_* variables set: the real service (polls every 2 s, trainings up to 15 min). None: a
// cvmock from $CVMOCK_BIN on a free port whose trainings finish on the first poll. Some but not all: a mistake,
// std::runtime_error naming the missing ones.
std::unique_ptr<Target> openTarget();

}  // namespace cvmock::contract

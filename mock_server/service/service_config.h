// The service's settings: its resources (who may publish where), the limits it enforces, and its seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mock_server/base/limits.h"
#include "mock_server/service/resources.h"

namespace cvmock::server {

class DetectorFitMemo;

struct ServiceConfig {
  // The training, prediction and Cognitive Services resources: who may call which API, where an iteration
  // may be published and who may predict with it. The server fills it (from --resources, or the simple flags).
  std::vector<Resource> resources;
  // The ARM id of the default prediction resource, when the resources come from the simple flags.
  std::string predictionResourceId =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/"
      "Microsoft.CognitiveServices/accounts/cvmock-prediction";
  std::uint64_t seed = 0;  // ids, holdout splits and training are reproducible for a given seed
  double holdoutFraction = 0.2;
  int trainingWorkers = 1;  // 0 queues trainings without ever running them (tests of the Training state)
  ServiceLimits limits;
  // Detector fits shared with other services of this process (cvmock verify's replays), or null: every
  // training fits its own. Sharing changes no answer: a fit is a pure function of its inputs.
  std::shared_ptr<DetectorFitMemo> detectorFits;
};

}  // namespace cvmock::server

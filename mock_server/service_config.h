// The service's settings: its resources (who may publish where), the limits it enforces, and its seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "mock_server/resources.h"

namespace cvmock::server {

// Per-call and per-image limits from CONTRACT.md (the same on every tier).
struct ServiceLimits {
  std::size_t maxTrainingImageBytes = 6 * 1024 * 1024;
  std::size_t maxPredictionImageBytes = 4 * 1024 * 1024;
  int maxImagesPerBatch = 64;
  int maxTagsPerBatch = 20;
  int maxImageTagsPerBatch = 128;
  int maxTagsPerImage = 100;
  int maxTake = 256;
  int maxDeleteImageIds = 256;
  int maxDeleteImageTagIds = 64;
  int minImagesPerTag = 5;
  int maxDeletePredictionIds = 64;
  int maxMetadataImageIds = 64;
  int maxMetadataPairs = 50;  // per image
  std::size_t maxMetadataKeyLength = 256;
  std::size_t maxMetadataValueLength = 512;
  int maxPredictionQueryTags = 2;       // the spec: "Limited to combining 2 tags"
  int maxPredictionQueryResults = 256;  // also the page a query with maxCount 0 gets
  std::size_t maxNameLength = 256;
  std::size_t maxDescriptionLength = 4000;
};

// Where image URLs may be fetched from (url_policy.h) and how long a fetch may take.
struct UrlFetchConfig {
  std::vector<std::string> allowedHosts;  // host names or addresses; "*" allows any; empty allows loopback only
  int timeoutSeconds = 10;
};

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
  UrlFetchConfig urlFetch;
};

}  // namespace cvmock::server

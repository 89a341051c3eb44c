// The per-call and per-image limits the service enforces: numbers, so that a test or a tier can change them.
#pragma once

#include <cstddef>

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
  int minImagesPerTagForDetection = 15;  // images with a region of the tag
  int maxRegionsPerBatch = 64;           // CreateImageRegions entries
  int maxDeleteRegionIds = 64;
  int maxRegionsPerImage = 300;
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

}  // namespace cvmock::server

// What the service hands to the wire layer: records joined with what a response shows beside them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mock_server/service/image_status.h"
#include "mock_server/store/records.h"
#include "trainer/metrics.h"

namespace cvmock::server {

struct TagView {
  TagRecord tag;
  int imageCount = 0;
};

// An image with the name of each of its tags (parallel to image.tags) and of each region's tag (parallel to
// image.regions).
struct ImageView {
  ImageRecord image;
  std::vector<std::string> tagNames;
  std::vector<std::string> regionTagNames;
};

// One entry of an image batch's answer.
struct ImageCreateResultView {
  std::string sourceUrl;
  ImageCreateStatus status = ImageCreateStatus::OK;
  std::optional<ImageView> image;  // the stored image (OK) or the one it duplicates (OKDuplicate)
};

struct ImageCreateSummaryView {
  bool isBatchSuccessful = true;
  std::vector<ImageCreateResultView> images;
};

struct ImageTagPair {
  std::string imageId;
  std::string tagId;
};

// ExportProject's answer: what the snapshot holds, and the record its token names.
struct ProjectExportView {
  std::string exportId;
  std::string projectId;
  TimePoint expires;
  int iterationCount = 0;
  int imageCount = 0;
  int tagCount = 0;
  int regionCount = 0;
  int estimatedImportTimeInMS = 0;
};

struct ImageTagCreateSummaryView {
  std::vector<ImageTagPair> created;
  std::vector<ImageTagPair> duplicated;
  std::vector<ImageTagPair> exceeded;
};

struct ImageMetadataUpdateView {
  std::string imageId;
  ImageMetadataUpdateStatus status = ImageMetadataUpdateStatus::OK;
  std::map<std::string, std::string> metadata;  // the image's metadata after the call (empty when not found)
};

struct ImageMetadataUpdateSummaryView {
  bool isBatchSuccessful = true;
  std::vector<ImageMetadataUpdateView> images;
};

struct IterationPerformanceView {
  std::vector<TrainedTag> tags;  // parallel to performance.perTag
  trainer::Performance performance;
};

// Every trained tag with its probability (parallel to tags), highest first: the order predictions go out in.
std::vector<PredictionEntry> rankedPredictions(const std::vector<TrainedTag>& tags, const float* probabilities);

struct ImagePerformanceView {
  ImageView image;
  std::vector<PredictionEntry> predictions;  // highest probability first
};

}  // namespace cvmock::server

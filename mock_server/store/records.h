// What cvmock keeps: the records of projects, tags, images, iterations and stored predictions.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mock_server/base/clock.h"
#include "mock_server/store/record_enums.h"

namespace cvmock::server {


struct ProjectRecord {
  std::string id;
  std::string name;
  std::string description;  // "" when created without one, as the service does
  std::string domainId;
  ClassificationType classificationType = ClassificationType::Multilabel;
  std::vector<std::string> targetExportPlatforms;
  TimePoint created;
  TimePoint lastModified;
  std::uint64_t revision = 0;  // bumped by every change to images or their tags; decides "training not needed"
  int iterationsCreated = 0;   // names the next iteration "Iteration N"
};

struct TagRecord {
  std::string id;
  std::string projectId;
  std::string name;
  std::optional<std::string> description;  // null when created without one
  TagType type = TagType::Regular;
};

struct ImageTagRecord {
  std::string tagId;
  TimePoint created;
};

// A rectangle in the service's normalised coordinates: fractions of the image's width and height.
struct BoxRecord {
  float left = 0;
  float top = 0;
  float width = 0;
  float height = 0;
};

// A labelled object on an image of an object-detection project (the spec's ImageRegion).
struct ImageRegionRecord {
  std::string regionId;
  std::string tagId;
  BoxRecord box;
  TimePoint created;
};

struct ImageRecord {
  std::string id;
  std::string projectId;
  TimePoint created;
  int width = 0;
  int height = 0;
  std::vector<ImageTagRecord> tags;
  std::map<std::string, std::string> metadata;
  std::string contentHash;  // finds the same bytes uploaded twice (OKDuplicate)
  std::vector<ImageRegionRecord> regions;  // in creation order; only object-detection projects have any
};

// A tag as it was when an iteration was trained; its position is the model's output index.
struct TrainedTag {
  std::string id;
  std::string name;
  TagType type = TagType::Regular;
  int imageCount = 0;
};

// A held-out image's labelled object (tag as output index) and a detection the holdout model made on it.
struct HoldoutRegion {
  int tag = 0;
  BoxRecord box;
};
struct HoldoutDetection {
  int tag = 0;
  BoxRecord box;
  float probability = 0;
};

// A held-out image: its true tags (as output indices) and what the holdout model predicted. A classifier's
// holdout fills labels and probabilities; a detector's fills regions and detections (most probable first).
struct HoldoutImage {
  std::string imageId;
  std::vector<int> labels;
  std::vector<float> probabilities;
  std::vector<HoldoutRegion> regions;
  std::vector<HoldoutDetection> detections;
};

struct IterationRecord {
  std::string id;
  std::string projectId;
  std::string name;
  IterationStatus status = IterationStatus::Training;
  TimePoint created;
  TimePoint lastModified;
  std::optional<TimePoint> trainedAt;
  std::string domainId;  // the project's, copied when training completes
  ClassificationType classificationType = ClassificationType::Multilabel;
  std::string trainingType = "Regular";
  int reservedBudgetInHours = 0;
  int trainingTimeInMinutes = 0;
  std::optional<std::string> publishName;
  std::optional<std::string> publishResourceId;
  std::uint64_t trainedRevision = 0;
  std::vector<TrainedTag> tags;
  std::string model;  // trainer::Model::serialize(), or Detector::serialize() on an object-detection domain
  std::vector<HoldoutImage> holdout;
  std::optional<std::string> failure;  // why training failed
};

struct PredictionEntry {
  std::string tagId;
  std::string tagName;
  TagType tagType = TagType::Regular;
  float probability = 0;
  std::optional<BoxRecord> boundingBox;  // a detection's; none for a classification
};

struct PredictionRecord {
  std::string id;
  std::string projectId;
  std::string iterationId;
  TimePoint created;
  std::string application;
  std::vector<PredictionEntry> predictions;  // highest probability first
};

}  // namespace cvmock::server

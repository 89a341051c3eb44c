// Object-detection iterations: what TrainProject takes of a detection project (and refuses), the training of
// its detector, and the evaluation of the holdout's detections. The classification twin is inline in
// iteration_service.cc; this file keeps the detector's rules apart.
#pragma once

#include <string>
#include <vector>

#include "mock_server/service/views.h"
#include "mock_server/store/store.h"
#include "trainer/detection/detector.h"
#include "trainer/detection/detector_training.h"

namespace cvmock::server {

// The images and regions a detector training uses, taken when TrainProject is called. Tag indices 0..tags-1
// are the trained (selected) tags, in the project's tag order; regions of tags left out by selectedTags get
// the indices after them, so that the trainer treats them as neither object nor background.
struct DetectionSnapshot {
  std::vector<TrainedTag> tags;  // imageCount: images with a region of the tag
  std::vector<std::string> imageIds;  // the images with at least one region
  std::vector<std::vector<trainer::detection::Region>> regions;  // parallel to imageIds
  int tagCount = 0;  // trained tags plus the left-out tags that have regions
};

// Throws detectionTrainingValidationFailed(minImagesPerTag) when no selected tag has a region or a selected
// tag with regions has them on fewer than minImagesPerTag images.
DetectionSnapshot snapshotForDetection(const std::vector<TagRecord>& tags, const std::vector<ImageRecord>& images,
                                       const std::vector<std::string>& selectedTags, int minImagesPerTag);

// Trains the snapshot's detector on the stored images: `done.model` gets the detector's bytes and
// `done.holdout` the held-out images with their regions and the detections of a detector fitted without them.
// Throws what trainDetector throws (std::invalid_argument, trainer::DecodeError).
void trainDetectionIteration(const Store& store, const std::string& projectId, const DetectionSnapshot& snapshot,
                             std::uint64_t seed, double holdoutFraction, IterationRecord& done);

// A detection iteration's performance: per trained tag and overall, at a probability threshold and an overlap
// threshold (trainer::detection::evaluateDetections).
IterationPerformanceView detectionPerformance(const IterationRecord& iteration, double threshold,
                                              double overlapThreshold);

// Detections as the service writes them: one entry per box, tags named from `tags`, grouped by tag in the order
// of the tag names (ordinal; the tag id breaks a tie) and most probable first within a tag. The recorded service
// answers so (../shared/recordings, DetectImageUrl: fork 0.148, fork 0.039, scissors 0.364, scissors 0.148),
// where classifications are most probable first across tags.
std::vector<PredictionEntry> detectionEntries(const std::vector<TrainedTag>& tags,
                                              const std::vector<trainer::detection::Detection>& detections);
std::vector<PredictionEntry> detectionEntries(const std::vector<TrainedTag>& tags,
                                              const std::vector<HoldoutDetection>& detections);

}  // namespace cvmock::server

// Detection training: the snapshot and its validation, the detector's fit and holdout, and their evaluation.
#include "mock_server/service/detection_training.h"

#include <algorithm>
#include <unordered_map>

#include "mock_server/base/errors.h"
#include "trainer/detection/detection_metrics.h"

namespace cvmock::server {
namespace {

trainer::detection::Box toBox(const BoxRecord& b) { return {b.left, b.top, b.width, b.height}; }
BoxRecord toRecord(const trainer::detection::Box& b) { return {b.left, b.top, b.width, b.height}; }

// Tag by name (then id), then the most probable first; stable, so equal probabilities keep the detector's order.
void orderAsTheServiceDoes(std::vector<PredictionEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const PredictionEntry& a, const PredictionEntry& b) {
    if (a.tagName != b.tagName) return a.tagName < b.tagName;
    if (a.tagId != b.tagId) return a.tagId < b.tagId;
    return a.probability > b.probability;
  });
}

bool isSelected(const std::vector<std::string>& selectedTags, const std::string& tagId) {
  return selectedTags.empty() || std::find(selectedTags.begin(), selectedTags.end(), tagId) != selectedTags.end();
}

}  // namespace

DetectionSnapshot snapshotForDetection(const std::vector<TagRecord>& tags, const std::vector<ImageRecord>& images,
                                       const std::vector<std::string>& selectedTags, int minImagesPerTag) {
  std::unordered_map<std::string, int> imagesWithRegions;  // by tag id
  for (const ImageRecord& image : images) {
    std::vector<std::string> seen;
    for (const ImageRegionRecord& r : image.regions) {
      if (std::find(seen.begin(), seen.end(), r.tagId) != seen.end()) continue;
      seen.push_back(r.tagId);
      ++imagesWithRegions[r.tagId];
    }
  }
  DetectionSnapshot snapshot;
  std::unordered_map<std::string, int> indexOf;
  for (const TagRecord& tag : tags) {
    const int count = imagesWithRegions[tag.id];
    if (count == 0 || !isSelected(selectedTags, tag.id)) continue;
    if (count < minImagesPerTag) throw errors::detectionTrainingValidationFailed(minImagesPerTag);
    indexOf.emplace(tag.id, static_cast<int>(snapshot.tags.size()));
    snapshot.tags.push_back({tag.id, tag.name, tag.type, count});
  }
  if (snapshot.tags.empty()) throw errors::detectionTrainingValidationFailed(minImagesPerTag);
  int next = static_cast<int>(snapshot.tags.size());
  for (const TagRecord& tag : tags) {
    if (imagesWithRegions[tag.id] > 0 && !indexOf.contains(tag.id)) indexOf.emplace(tag.id, next++);
  }
  snapshot.tagCount = next;
  for (const ImageRecord& image : images) {
    std::vector<trainer::detection::Region> regions;
    for (const ImageRegionRecord& r : image.regions) {
      auto it = indexOf.find(r.tagId);
      if (it != indexOf.end()) regions.push_back({it->second, toBox(r.box)});
    }
    if (regions.empty()) continue;
    snapshot.imageIds.push_back(image.id);
    snapshot.regions.push_back(std::move(regions));
  }
  return snapshot;
}

void trainDetectionIteration(const Store& store, const std::string& projectId, const DetectionSnapshot& snapshot,
                             std::uint64_t seed, double holdoutFraction, IterationRecord& done) {
  trainer::detection::DetectorTrainingData data;
  data.tagCount = snapshot.tagCount;
  std::vector<std::size_t> kept;  // index into the snapshot of each training image (deleted ones are skipped)
  for (std::size_t i = 0; i < snapshot.imageIds.size(); ++i) {
    std::optional<std::string> bytes = store.imageBytes(projectId, snapshot.imageIds[i]);
    if (!bytes) continue;
    data.images.push_back({std::move(*bytes), snapshot.regions[i]});
    kept.push_back(i);
  }
  trainer::detection::DetectorTrainingOptions options;
  options.seed = seed;
  options.holdoutFraction = holdoutFraction;
  for (int tag = 0; tag < static_cast<int>(snapshot.tags.size()); ++tag) options.selectedTags.push_back(tag);

  const trainer::detection::DetectorTrainingResult result = trainer::detection::trainDetector(data, options);
  done.model = result.detector.serialize();
  const int trained = static_cast<int>(snapshot.tags.size());
  for (std::size_t h = 0; h < result.holdout.size(); ++h) {
    const std::size_t image = static_cast<std::size_t>(result.holdout[h]);
    HoldoutImage held{snapshot.imageIds[kept[image]], {}, {}, {}, {}};
    for (const trainer::detection::Region& r : data.images[image].regions) {
      if (r.tag < trained) held.regions.push_back({r.tag, toRecord(r.box)});
    }
    for (const trainer::detection::Detection& d : result.holdoutDetections[h]) {
      if (d.tag < trained) held.detections.push_back({d.tag, toRecord(d.box), d.probability});
    }
    done.holdout.push_back(std::move(held));
  }
}

IterationPerformanceView detectionPerformance(const IterationRecord& iteration, double threshold,
                                              double overlapThreshold) {
  std::vector<std::vector<trainer::detection::Detection>> predicted;
  std::vector<std::vector<trainer::detection::Region>> truth;
  for (const HoldoutImage& held : iteration.holdout) {
    std::vector<trainer::detection::Detection>& detections = predicted.emplace_back();
    for (const HoldoutDetection& d : held.detections) detections.push_back({d.tag, toBox(d.box), d.probability});
    std::vector<trainer::detection::Region>& regions = truth.emplace_back();
    for (const HoldoutRegion& r : held.regions) regions.push_back({r.tag, toBox(r.box)});
  }
  return {iteration.tags, trainer::detection::evaluateDetections(predicted, truth,
                                                                 static_cast<int>(iteration.tags.size()), threshold,
                                                                 overlapThreshold)};
}

std::vector<PredictionEntry> detectionEntries(const std::vector<TrainedTag>& tags,
                                              const std::vector<trainer::detection::Detection>& detections) {
  std::vector<PredictionEntry> entries;
  entries.reserve(detections.size());
  for (const trainer::detection::Detection& d : detections) {
    const TrainedTag& tag = tags.at(static_cast<std::size_t>(d.tag));
    entries.push_back({tag.id, tag.name, tag.type, d.probability, toRecord(d.box)});
  }
  orderAsTheServiceDoes(entries);
  return entries;
}

std::vector<PredictionEntry> detectionEntries(const std::vector<TrainedTag>& tags,
                                              const std::vector<HoldoutDetection>& detections) {
  std::vector<PredictionEntry> entries;
  entries.reserve(detections.size());
  for (const HoldoutDetection& d : detections) {
    const TrainedTag& tag = tags.at(static_cast<std::size_t>(d.tag));
    entries.push_back({tag.id, tag.name, tag.type, d.probability, d.box});
  }
  orderAsTheServiceDoes(entries);
  return entries;
}

}  // namespace cvmock::server

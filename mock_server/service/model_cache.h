// Trained models ready to predict, built once per completed iteration and kept until the iteration goes.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "mock_server/store/store.h"
#include "trainer/detection/detector.h"
#include "trainer/model.h"

namespace cvmock::server {

// What a prediction needs of a completed iteration. A trained iteration never changes, so it is built once.
// An iteration of a classification domain has a classifier (`model`); one of an object-detection domain has a
// detector instead (`detector`, whose tag indices are positions in `tags`).
struct PredictionModel {
  std::string projectId;
  std::string iterationId;
  std::vector<TrainedTag> tags;  // in the model's output order
  trainer::Model model;
  std::optional<trainer::detection::Detector> detector;

  bool detects() const { return detector.has_value(); }
};

// Thread-safe; its mutex guards only the map, never a store read or a model's deserialisation's result.
class ModelCache {
 public:
  explicit ModelCache(const Store& store);

  // The model of `iteration`, which must be Completed.
  std::shared_ptr<const PredictionModel> load(const IterationRecord& iteration);
  // The cached model when there is one, without reading the iteration (and its holdout) from the store;
  // throws NotFoundIteration when the project has no completed iteration of that id.
  std::shared_ptr<const PredictionModel> load(const std::string& projectId, const std::string& iterationId);
  // Forgets an iteration's model (the iteration or its project was deleted).
  void evict(const std::string& iterationId);

 private:
  const Store& store_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const PredictionModel>> models_;  // by iteration id
};

}  // namespace cvmock::server

// ModelCache: deserialised once, shared by every prediction and suggestion that uses the iteration.
#include "mock_server/service/model_cache.h"

#include "mock_server/base/errors.h"
#include "mock_server/service/region_rules.h"

namespace cvmock::server {

ModelCache::ModelCache(const Store& store) : store_(store) {}

std::shared_ptr<const PredictionModel> ModelCache::load(const IterationRecord& iteration) {
  {
    std::lock_guard lock(mutex_);
    auto cached = models_.find(iteration.id);
    if (cached != models_.end()) return cached->second;
  }
  PredictionModel built{iteration.projectId, iteration.id, iteration.tags, {}, std::nullopt};
  if (detectsObjects(iteration.domainId)) {
    built.detector = trainer::detection::Detector::deserialize(iteration.model);
  } else {
    built.model = trainer::Model::deserialize(iteration.model);
  }
  auto model = std::make_shared<const PredictionModel>(std::move(built));
  std::lock_guard lock(mutex_);
  return models_.try_emplace(iteration.id, std::move(model)).first->second;
}

std::shared_ptr<const PredictionModel> ModelCache::load(const std::string& projectId, const std::string& iterationId) {
  {
    std::lock_guard lock(mutex_);
    auto cached = models_.find(iterationId);
    if (cached != models_.end() && cached->second->projectId == projectId) return cached->second;
  }
  const std::optional<IterationRecord> iteration = store_.iteration(projectId, iterationId);
  if (!iteration || iteration->status != IterationStatus::Completed) throw errors::notFoundIteration();
  return load(*iteration);
}

void ModelCache::evict(const std::string& iterationId) {
  std::lock_guard lock(mutex_);
  models_.erase(iterationId);
}

}  // namespace cvmock::server

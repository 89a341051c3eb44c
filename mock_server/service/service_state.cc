// ServiceState: construction (counting this start on the store) and the shared lookups.
#include "mock_server/service/service_state.h"

#include <unordered_map>

#include "mock_server/base/errors.h"

namespace cvmock::server {

ServiceState::ServiceState(ServiceConfig config, std::unique_ptr<Store> store,
                           std::shared_ptr<simulation::Simulation> simulation)
    : ownedStore_(std::move(store)),
      ownedSimulation_(simulation ? std::move(simulation)
                                  : std::make_shared<simulation::Simulation>(simulation::SimulationConfig{}, config.seed)),
      config(std::move(config)),
      store(*ownedStore_),
      simulation(*ownedSimulation_),
      clock(*ownedSimulation_->clock),
      restarts(ownedStore_->recordStart()),
      ids(restartSeed(this->config.seed, restarts)),
      models(*ownedStore_) {}

ProjectRecord ServiceState::requireProject(const std::string& projectId) const {
  std::optional<ProjectRecord> project = store.project(projectId);
  if (!project) throw errors::notFoundProject();
  return std::move(*project);
}

TagRecord ServiceState::requireTag(const std::string& projectId, const std::string& tagId) const {
  std::optional<TagRecord> tag = store.tag(projectId, tagId);
  if (!tag) throw errors::notFoundTag();
  return std::move(*tag);
}

IterationRecord ServiceState::requireIteration(const std::string& projectId, const std::string& iterationId) const {
  std::optional<IterationRecord> iteration = store.iteration(projectId, iterationId);
  if (!iteration) throw errors::notFoundIteration();
  return std::move(*iteration);
}

std::vector<ImageView> ServiceState::withTagNames(const std::string& projectId, std::vector<ImageRecord> images) const {
  std::unordered_map<std::string, std::string> names;
  for (const TagRecord& tag : store.tags(projectId)) names.emplace(tag.id, tag.name);
  std::vector<ImageView> views;
  views.reserve(images.size());
  for (ImageRecord& image : images) {
    ImageView view{std::move(image), {}, {}};
    for (const ImageTagRecord& t : view.image.tags) view.tagNames.push_back(names[t.tagId]);
    for (const ImageRegionRecord& r : view.image.regions) view.regionTagNames.push_back(names[r.tagId]);
    views.push_back(std::move(view));
  }
  return views;
}

}  // namespace cvmock::server

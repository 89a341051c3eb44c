// What the parts of the service share: settings, the store, the simulation's clock and controls, ids, the
// rules lock and the model cache; and the lookups every operation starts with. Service (service.h) owns it.
#pragma once

#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

#include "mock_server/base/ids.h"
#include "mock_server/service/model_cache.h"
#include "mock_server/service/service_config.h"
#include "mock_server/service/views.h"
#include "mock_server/simulation/simulation.h"
#include "mock_server/store/store.h"

namespace cvmock::server {

class ServiceState {
 public:
  ServiceState(ServiceConfig config, std::unique_ptr<Store> store, std::shared_ptr<simulation::Simulation> simulation);
  ServiceState(const ServiceState&) = delete;
  ServiceState& operator=(const ServiceState&) = delete;

 private:
  std::unique_ptr<Store> ownedStore_;
  std::shared_ptr<simulation::Simulation> ownedSimulation_;

 public:
  const ServiceConfig config;
  Store& store;
  simulation::Simulation& simulation;
  const Clock& clock;  // the simulation's: every date the service writes reads it
  const std::uint64_t restarts;  // services started on this store's state before this one
  IdGenerator ids;
  // Serialises the rules that read stored state and then write on its strength (a tag deleted while an upload
  // names it, two trainings started at once): those writes hold it exclusively; reads that must see one state
  // across several store calls hold it shared. Never held while an image is decoded or a model trained.
  mutable std::shared_mutex rules;
  ModelCache models;

  // Each throws the service's NotFound error for its kind when the record does not exist.
  ProjectRecord requireProject(const std::string& projectId) const;
  TagRecord requireTag(const std::string& projectId, const std::string& tagId) const;
  IterationRecord requireIteration(const std::string& projectId, const std::string& iterationId) const;
  // The images with the names of their tags and their regions' tags, as responses show them.
  std::vector<ImageView> withTagNames(const std::string& projectId, std::vector<ImageRecord> images) const;
};

}  // namespace cvmock::server

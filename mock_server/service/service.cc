// Service: wiring the parts to the state they share.
#include "mock_server/service/service.h"

namespace cvmock::server {

Service::Service(ServiceConfig config, std::unique_ptr<Store> store,
                 std::shared_ptr<simulation::Simulation> simulation)
    : state_(std::move(config), std::move(store), std::move(simulation)),
      projects_(state_),
      tags_(state_),
      images_(state_),
      regions_(state_),
      iterations_(state_),
      predictions_(state_),
      storedPredictions_(state_, images_),
      suggestions_(state_),
      transfers_(state_) {}

void Service::resetState() {
  iterations_.waitForIdle();
  state_.simulation.lifecycle.reset();
  for (const ProjectRecord& project : projects_.getProjects()) projects_.deleteProject(project.id);
  state_.simulation.resetRuntimeState();
}

}  // namespace cvmock::server

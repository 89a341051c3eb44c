// The service: the rules of Custom Vision behind a small facade, one part per resource. It owns the state the
// parts share (service_state.h); each part's header says what it does and how it locks.
#pragma once

#include <cstdint>
#include <memory>

#include "mock_server/service/image_service.h"
#include "mock_server/service/iteration_service.h"
#include "mock_server/service/prediction_service.h"
#include "mock_server/service/project_service.h"
#include "mock_server/service/region_service.h"
#include "mock_server/service/service_state.h"
#include "mock_server/service/stored_prediction_service.h"
#include "mock_server/service/suggestion_service.h"
#include "mock_server/service/tag_service.h"
#include "mock_server/service/transfer_service.h"

namespace cvmock::server {

// Thread-safe. Every failure is a ServiceError or GatewayError from the catalogue (base/errors.h).
class Service {
 public:
  // `simulation` holds the clock, the tier quotas and the training lifecycle the rules consult; nullptr makes
  // a default one (system clock, unlimited tier, background training). The service owns `store`.
  Service(ServiceConfig config, std::unique_ptr<Store> store,
          std::shared_ptr<simulation::Simulation> simulation = nullptr);
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  ProjectService& projects() { return projects_; }
  TagService& tags() { return tags_; }
  ImageService& images() { return images_; }
  RegionService& regions() { return regions_; }
  IterationService& iterations() { return iterations_; }
  PredictionService& predictions() { return predictions_; }
  StoredPredictionService& storedPredictions() { return storedPredictions_; }
  SuggestionService& suggestions() { return suggestions_; }
  TransferService& transfers() { return transfers_; }

  const ServiceConfig& config() const { return state_.config; }
  const Clock& clock() const { return state_.clock; }
  simulation::Simulation& simulation() { return state_.simulation; }
  // How many times a service was started on this store's state before this one (0 on fresh state).
  std::uint64_t restarts() const { return state_.restarts; }

  // Blocks until no training is queued or running; for tests and clean shutdown.
  void waitForIdle() { iterations_.waitForIdle(); }
  // Stores every finished training the lifecycle holds back, hung ones included; returns how many.
  int advanceTrainings() { return iterations_.advanceTrainings(); }
  // Deletes every project with all it holds, and the simulation's runtime state.
  void resetState();

 private:
  ServiceState state_;  // first: the parts below use it until they are destroyed
  ProjectService projects_;
  TagService tags_;
  ImageService images_;
  RegionService regions_;
  IterationService iterations_;
  PredictionService predictions_;
  StoredPredictionService storedPredictions_;
  SuggestionService suggestions_;
  TransferService transfers_;
};

}  // namespace cvmock::server

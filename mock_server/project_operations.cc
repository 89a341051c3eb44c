// TrainingService: the project operations, and the lookups every other operation starts with.
#include <algorithm>

#include "mock_server/domains.h"
#include "mock_server/errors.h"
#include "mock_server/text.h"
#include "mock_server/training_service.h"

namespace cvmock::server {
namespace {

ClassificationType parseClassificationType(const std::string& text) {
  if (equalsIgnoreCase(text, "Multiclass")) return ClassificationType::Multiclass;
  if (equalsIgnoreCase(text, "Multilabel")) return ClassificationType::Multilabel;
  throw errors::projectUnknownClassification();
}

const Domain& requireDomain(const std::string& domainId) {
  const Domain* domain = findDomain(domainId);
  if (!domain) throw errors::projectUnknownDomain();
  return *domain;
}

}  // namespace

TrainingService::TrainingService(ServiceConfig config, std::unique_ptr<Store> store,
                                 std::shared_ptr<simulation::Simulation> simulation)
    : config_(std::move(config)),
      store_(std::move(store)),
      restarts_(store_->recordStart()),
      ids_(restartSeed(config_.seed, restarts_)),
      simulation_(simulation ? std::move(simulation)
                             : std::make_shared<simulation::Simulation>(simulation::SimulationConfig{}, config_.seed)),
      queue_(config_.trainingWorkers) {
  failInterruptedTrainings();
}

// queue_ is the last member, so it is destroyed first: it finishes the queued trainings while the store lives.
TrainingService::~TrainingService() = default;

ProjectRecord TrainingService::requireProject(const std::string& projectId) const {
  std::optional<ProjectRecord> project = store_->project(projectId);
  if (!project) throw errors::notFoundProject();
  return *project;
}

ProjectRecord TrainingService::createProject(const ProjectCreate& request) {
  if (!isValidName(request.name, config_.limits.maxNameLength)) throw errors::projectName();
  if (request.description && !isValidDescription(*request.description, config_.limits.maxDescriptionLength)) {
    throw errors::projectDescription();
  }
  const Domain& domain = request.domainId ? requireDomain(*request.domainId) : defaultDomain();
  std::unique_lock lock(rules_);
  simulation_->quotas.admitProject(store_->projects().size());
  ProjectRecord project;
  project.id = ids_.next();
  project.name = request.name;
  project.description = request.description.value_or("");
  project.domainId = domain.id;
  project.classificationType = request.classificationType ? parseClassificationType(*request.classificationType)
                                                          : ClassificationType::Multilabel;
  project.targetExportPlatforms = request.targetExportPlatforms;
  project.created = project.lastModified = now();
  store_->putProject(project);
  return project;
}

std::vector<ProjectRecord> TrainingService::getProjects() const { return store_->projects(); }

ProjectRecord TrainingService::getProject(const std::string& projectId) const { return requireProject(projectId); }

ProjectRecord TrainingService::updateProject(const std::string& projectId, const ProjectUpdate& update) {
  std::unique_lock lock(rules_);
  ProjectRecord project = requireProject(projectId);
  if (update.name) {
    if (!isValidName(*update.name, config_.limits.maxNameLength)) throw errors::projectName();
    project.name = *update.name;
  }
  if (update.description) {
    if (!isValidDescription(*update.description, config_.limits.maxDescriptionLength)) {
      throw errors::projectDescription();
    }
    project.description = *update.description;
  }
  if (update.domainId && *update.domainId != project.domainId) {
    const Domain& next = requireDomain(*update.domainId);
    if (next.type != requireDomain(project.domainId).type) throw errors::projectUnsupportedDomainTypeChange();
    project.domainId = next.id;
  }
  if (update.classificationType) project.classificationType = parseClassificationType(*update.classificationType);
  project.lastModified = now();
  store_->putProject(project);
  return project;
}

void TrainingService::deleteProject(const std::string& projectId) {
  std::unique_lock lock(rules_);
  requireProject(projectId);
  for (const IterationRecord& iteration : store_->iterations(projectId)) {
    std::lock_guard models(modelsMutex_);
    models_.erase(iteration.id);
  }
  store_->eraseProject(projectId);
}

std::optional<std::string> TrainingService::projectThumbnailImageId(const std::string& projectId) const {
  return store_->newestImageId(projectId);
}

void TrainingService::resetState() {
  queue_.waitForIdle();
  simulation_->lifecycle.reset();
  for (const ProjectRecord& project : store_->projects()) deleteProject(project.id);
  simulation_->resetRuntimeState();
}

}  // namespace cvmock::server

// ProjectService: the project operations.
#include "mock_server/service/project_service.h"

#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"
#include "mock_server/service/domains.h"

namespace cvmock::server {
namespace {

ClassificationType classificationType(const std::string& text) {
  std::optional<ClassificationType> type = parseClassificationType(text);
  if (!type) throw errors::projectUnknownClassification();
  return *type;
}

const Domain& requireDomain(const std::string& domainId) {
  const Domain* domain = findDomain(domainId);
  if (!domain) throw errors::projectUnknownDomain();
  return *domain;
}

}  // namespace

ProjectService::ProjectService(ServiceState& state) : state_(state) {}

ProjectRecord ProjectService::createProject(const ProjectCreate& request) {
  const ServiceLimits& limits = state_.config.limits;
  if (!isValidName(request.name, limits.maxNameLength)) throw errors::projectName();
  if (request.description && !isValidDescription(*request.description, limits.maxDescriptionLength)) {
    throw errors::projectDescription();
  }
  const Domain& domain = request.domainId ? requireDomain(*request.domainId) : defaultDomain();
  std::unique_lock lock(state_.rules);
  state_.simulation.quotas.admitProject(state_.store.projects().size());
  ProjectRecord project;
  project.id = state_.ids.next();
  project.name = request.name;
  project.description = request.description.value_or("");
  project.domainId = domain.id;
  project.classificationType =
      request.classificationType ? classificationType(*request.classificationType) : ClassificationType::Multilabel;
  project.targetExportPlatforms = request.targetExportPlatforms;
  project.created = project.lastModified = state_.clock.now();
  state_.store.putProject(project);
  return project;
}

std::vector<ProjectRecord> ProjectService::getProjects() const { return state_.store.projects(); }

ProjectRecord ProjectService::getProject(const std::string& projectId) const {
  return state_.requireProject(projectId);
}

ProjectRecord ProjectService::updateProject(const std::string& projectId, const ProjectUpdate& update) {
  const ServiceLimits& limits = state_.config.limits;
  std::unique_lock lock(state_.rules);
  ProjectRecord project = state_.requireProject(projectId);
  if (update.name) {
    if (!isValidName(*update.name, limits.maxNameLength)) throw errors::projectName();
    project.name = *update.name;
  }
  if (update.description) {
    if (!isValidDescription(*update.description, limits.maxDescriptionLength)) throw errors::projectDescription();
    project.description = *update.description;
  }
  if (update.domainId && *update.domainId != project.domainId) {
    const Domain& next = requireDomain(*update.domainId);
    if (next.type != requireDomain(project.domainId).type) throw errors::projectUnsupportedDomainTypeChange();
    project.domainId = next.id;
  }
  if (update.classificationType) project.classificationType = classificationType(*update.classificationType);
  project.lastModified = state_.clock.now();
  state_.store.putProject(project);
  return project;
}

void ProjectService::deleteProject(const std::string& projectId) {
  std::unique_lock lock(state_.rules);
  state_.requireProject(projectId);
  for (const IterationRecord& iteration : state_.store.iterations(projectId)) state_.models.evict(iteration.id);
  state_.store.eraseProject(projectId);
}

std::optional<std::string> ProjectService::projectThumbnailImageId(const std::string& projectId) const {
  return state_.store.newestImageId(projectId);
}

}  // namespace cvmock::server

// Projects: create, list, read, update and delete them (the domain and classification type they train for).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mock_server/service/service_state.h"

namespace cvmock::server {

struct ProjectCreate {
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> domainId;
  std::optional<std::string> classificationType;  // "Multiclass" | "Multilabel", any case
  std::vector<std::string> targetExportPlatforms;
};

// A PATCH body: only the fields present change.
struct ProjectUpdate {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> domainId;
  std::optional<std::string> classificationType;
};

// Thread-safe; every failure is a ServiceError from the catalogue (base/errors.h).
class ProjectService {
 public:
  explicit ProjectService(ServiceState& state);

  ProjectRecord createProject(const ProjectCreate& request);
  std::vector<ProjectRecord> getProjects() const;
  ProjectRecord getProject(const std::string& projectId) const;
  ProjectRecord updateProject(const std::string& projectId, const ProjectUpdate& update);
  // Erases the project with everything it holds, and forgets its models.
  void deleteProject(const std::string& projectId);
  // The image whose thumbnail stands for the project (the newest); none while the project has no image.
  std::optional<std::string> projectThumbnailImageId(const std::string& projectId) const;

 private:
  ServiceState& state_;
};

}  // namespace cvmock::server

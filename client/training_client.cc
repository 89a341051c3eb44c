// Training API operations on domains, projects (with export and import) and tags.
#include "client/training_client.h"

#include "client/requests.h"

namespace cvmock::client {

using nlohmann::json;
using requests::bodiless;
using requests::withJson;

namespace {

constexpr char kTrainingBasePath[] = "/customvision/v3.3/training";

}  // namespace

TrainingClient::TrainingClient(const std::string& endpoint, const std::string& trainingKey,
                               const ClientOptions& options)
    : connection_(endpoint, kTrainingBasePath, "Training-Key", trainingKey, options) {}

std::vector<Domain> TrainingClient::getDomains() {
  return connection_.sendForJson(bodiless("GET", "/domains")).get<std::vector<Domain>>();
}

Domain TrainingClient::getDomain(const std::string& domainId) {
  return connection_.sendForJson(bodiless("GET", pathOf({"domains", domainId}))).get<Domain>();
}

Project TrainingClient::createProject(const std::string& name, const CreateProjectOptions& options) {
  Query query = Query()
                    .add("name", name)
                    .add("description", options.description)
                    .add("domainId", options.domainId)
                    .add("classificationType", options.classificationType)
                    .add("targetExportPlatforms", options.targetExportPlatforms);
  return connection_.sendForJson(bodiless("POST", "/projects", query)).get<Project>();
}

std::vector<Project> TrainingClient::getProjects() {
  return connection_.sendForJson(bodiless("GET", "/projects")).get<std::vector<Project>>();
}

Project TrainingClient::getProject(const std::string& projectId) {
  return connection_.sendForJson(bodiless("GET", pathOf({"projects", projectId}))).get<Project>();
}

Project TrainingClient::updateProject(const std::string& projectId, const Project& project) {
  return connection_.sendForJson(withJson("PATCH", pathOf({"projects", projectId}), updateBody(project)))
      .get<Project>();
}

void TrainingClient::deleteProject(const std::string& projectId) {
  connection_.send(bodiless("DELETE", pathOf({"projects", projectId})));
}

std::string TrainingClient::getArtifact(const std::string& projectId, const std::string& path) {
  return connection_.send(bodiless("GET", pathOf({"projects", projectId, "artifacts"}), Query().add("path", path)));
}

ProjectExport TrainingClient::exportProject(const std::string& projectId) {
  return connection_.sendForJson(bodiless("GET", pathOf({"projects", projectId, "export"}))).get<ProjectExport>();
}

Project TrainingClient::importProject(const std::string& token, const std::optional<std::string>& name) {
  Query query = Query().add("token", token).add("name", name);
  return connection_.sendForJson(bodiless("POST", "/projects/import", query)).get<Project>();
}

Tag TrainingClient::createTag(const std::string& projectId, const std::string& name,
                              const CreateTagOptions& options) {
  Query query = Query().add("name", name).add("description", options.description).add("type", options.type);
  return connection_.sendForJson(bodiless("POST", pathOf({"projects", projectId, "tags"}), query)).get<Tag>();
}

std::vector<Tag> TrainingClient::getTags(const std::string& projectId, const std::optional<std::string>& iterationId) {
  Query query = Query().add("iterationId", iterationId);
  return connection_.sendForJson(bodiless("GET", pathOf({"projects", projectId, "tags"}), query))
      .get<std::vector<Tag>>();
}

Tag TrainingClient::getTag(const std::string& projectId, const std::string& tagId,
                           const std::optional<std::string>& iterationId) {
  Query query = Query().add("iterationId", iterationId);
  return connection_.sendForJson(bodiless("GET", pathOf({"projects", projectId, "tags", tagId}), query)).get<Tag>();
}

Tag TrainingClient::updateTag(const std::string& projectId, const std::string& tagId, const Tag& tag) {
  return connection_.sendForJson(withJson("PATCH", pathOf({"projects", projectId, "tags", tagId}), updateBody(tag)))
      .get<Tag>();
}

void TrainingClient::deleteTag(const std::string& projectId, const std::string& tagId) {
  connection_.send(bodiless("DELETE", pathOf({"projects", projectId, "tags", tagId})));
}

}  // namespace cvmock::client

// Handlers: GetDomains, GetDomain, and the project operations.
#include "mock_server/api/handlers.h"
#include "mock_server/api/json_fields.h"
#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"
#include "mock_server/service/domains.h"

namespace cvmock::server::handlers {
namespace {

wire::Json projectJson(const Call& call, const ProjectRecord& project) {
  std::optional<std::string> thumbnailUri;
  if (std::optional<std::string> image = call.service.projects().projectThumbnailImageId(project.id)) {
    thumbnailUri = call.blobs().thumbnailUri(project.id, *image);
  }
  return wire::project(project, thumbnailUri, call.dialect());
}

}  // namespace

void getDomains(Call& call) {
  wire::Json out = wire::Json::array();
  for (const Domain& domain : allDomains()) out.push_back(wire::domain(domain, call.dialect()));
  call.json(200, out);
}

void getDomain(Call& call) {
  const Domain* domain = findDomain(call.guid("domainId"));
  if (!domain) throw errors::notFoundDomain();
  call.json(200, wire::domain(*domain, call.dialect()));
}

void getProjects(Call& call) {
  wire::Json out = wire::Json::array();
  for (const ProjectRecord& project : call.service.projects().getProjects()) out.push_back(projectJson(call, project));
  call.json(200, out);
}

void createProject(Call& call) {
  ProjectCreate request;
  request.name = call.query("name").value_or("");
  request.description = call.query("description");
  request.domainId = call.queryGuid("domainId");
  request.classificationType = call.query("classificationType");
  if (std::optional<std::string> platforms = call.query("targetExportPlatforms")) {
    request.targetExportPlatforms = splitList(*platforms, ',');
  }
  call.json(200, projectJson(call, call.service.projects().createProject(request)));
}

void getProject(Call& call) { call.json(200, projectJson(call, call.service.projects().getProject(call.guid("projectId")))); }

void updateProject(Call& call) {
  const nlohmann::json body = call.jsonBody();
  const nlohmann::json& fields = requireObject(body);
  ProjectUpdate update;
  update.name = optionalStringField(fields, "name");
  update.description = optionalStringField(fields, "description");
  if (auto settings = fields.find("settings"); settings != fields.end() && settings->is_object()) {
    update.domainId = optionalStringField(*settings, "domainId");
    if (update.domainId) update.domainId = normaliseGuid(*update.domainId).value_or(*update.domainId);
    update.classificationType = optionalStringField(*settings, "classificationType");
  }
  call.json(200, projectJson(call, call.service.projects().updateProject(call.guid("projectId"), update)));
}

void deleteProject(Call& call) {
  call.service.projects().deleteProject(call.guid("projectId"));
  call.noContent();
}

}  // namespace cvmock::server::handlers

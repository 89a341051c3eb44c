// Handlers: ExportProject, ImportProject and GetArtifact.
#include "mock_server/api/handlers.h"
#include "mock_server/base/errors.h"

namespace cvmock::server::handlers {

void exportProject(Call& call) {
  call.json(200, wire::projectExport(call.service.transfers().exportProject(call.guid("projectId")), call.blobs()));
}

// The import is finished when this answers, but the answer says "Importing" as the service's first answer
// does (recordings: ImportExportProject); the next GetProject says "Succeeded".
void importProject(Call& call) {
  const std::optional<std::string> token = call.query("token");
  if (!token || token->empty()) throw errors::requiredParamIsNull("token");
  // Its thumbnail appears once the import is done, as recorded.
  wire::Json out = wire::project(call.service.transfers().importProject(*token, call.query("name")), std::nullopt, call.dialect());
  if (call.dialect().projectStatus) out["status"] = "Importing";
  call.json(200, out);
}

void getArtifact(Call& call) {
  const std::optional<std::string> path = call.query("path");
  if (!path || path->empty()) throw errors::requiredParamIsNull("path");
  call.bytes(200, call.service.transfers().getArtifact(call.guid("projectId"), *path), "application/octet-stream");
}

}  // namespace cvmock::server::handlers

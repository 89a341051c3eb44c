// Handlers: ExportIteration and GetExports.
#include "mock_server/api/handlers.h"
#include "mock_server/base/errors.h"

namespace cvmock::server::handlers {

void exportIteration(Call& call) {
  const std::optional<std::string> platform = call.query("platform");
  if (!platform || platform->empty()) throw errors::requiredParamIsNull("platform");
  const IterationExportRecord started = call.service.transfers().exportIteration(call.guid("projectId"), call.guid("iterationId"),
                                                                     *platform, call.query("flavor"));
  call.json(200, wire::iterationExport(started, call.blobs()));
}

void getExports(Call& call) {
  wire::Json out = wire::Json::array();
  for (const IterationExportRecord& e : call.service.transfers().getExports(call.guid("projectId"), call.guid("iterationId"))) {
    out.push_back(wire::iterationExport(e, call.blobs()));
  }
  call.json(200, out);
}

}  // namespace cvmock::server::handlers

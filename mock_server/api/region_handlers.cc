// Handlers: the regions of object-detection images (CreateImageRegions, DeleteImageRegions,
// GetImageRegionProposals). RegionService holds the rules.
#include "mock_server/api/handlers.h"
#include "mock_server/api/json_fields.h"
#include "mock_server/base/errors.h"
#include "mock_server/base/ids.h"

namespace cvmock::server::handlers {

// The ImageRegionCreateBatch body. 200 when every entry was created, 207 (Multi-Status) when any was
// duplicated or exceeded the per-image limit (the spec's example). A body without a batch reaches the service
// empty, so that an unknown project is still a 404 and a classifier still refuses.
void createImageRegions(Call& call) {
  const nlohmann::json body = call.jsonBody();
  std::vector<RegionCreate> entries;
  auto regions = body.is_object() ? body.find("regions") : body.end();
  if (regions != body.end() && !regions->is_null()) {
    if (!regions->is_array()) throw errors::fieldNotArray("regions");
    for (const nlohmann::json& entry : *regions) {
      std::optional<std::string> imageId =
          normaliseGuid(optionalStringField(requireObject(entry), "imageId").value_or(""));
      if (!imageId) throw errors::invalidIds("imageId");
      entries.push_back({*imageId, regionLabel(entry)});
    }
  }
  const RegionCreateSummaryView summary = call.service.regions().createImageRegions(call.guid("projectId"), entries);
  call.json(summary.allCreated() ? 200 : 207, wire::imageRegionCreateSummary(summary));
}

void deleteImageRegions(Call& call) {
  call.service.regions().deleteImageRegions(call.guid("projectId"), call.queryGuidList("regionIds"));
  call.noContent();
}

void getImageRegionProposals(Call& call) {
  const std::string imageId = call.guid("imageId");
  call.json(200, wire::imageRegionProposal(
                     call.service.regions().getImageRegionProposals(call.guid("projectId"), imageId)));
}

}  // namespace cvmock::server::handlers

// Handlers: suggested tags for untagged images (SuggestTagsAndRegions, QuerySuggestedImages and their count).
#include "mock_server/errors.h"
#include "mock_server/handlers.h"
#include "mock_server/json_fields.h"
#include "mock_server/text.h"

namespace cvmock::server::handlers {
namespace {

// iterationId is a required query parameter of all three operations.
std::string requiredIterationId(const Call& call) {
  std::optional<std::string> iterationId = call.queryGuid("iterationId");
  if (!iterationId) throw errors::requiredParamIsNull("iterationId");
  return *iterationId;
}

double thresholdField(const nlohmann::json& body) {
  auto field = body.find("threshold");
  if (field == body.end() || field->is_null()) return 0;
  if (!field->is_number()) throw errors::badRequest("threshold must be a number");
  const double threshold = field->get<double>();
  if (threshold < 0 || threshold > 1) throw errors::badRequest("threshold must be between 0 and 1");
  return threshold;
}

UncertaintyOrder sortByField(const nlohmann::json& body) {
  const std::optional<std::string> text = optionalStringField(body, "sortBy");
  if (!text || equalsIgnoreCase(*text, "UncertaintyDescending")) return UncertaintyOrder::Descending;
  if (equalsIgnoreCase(*text, "UncertaintyAscending")) return UncertaintyOrder::Ascending;
  throw errors::badRequest("sortBy must be UncertaintyAscending or UncertaintyDescending");
}

}  // namespace

void suggestTagsAndRegions(Call& call) {
  const std::string projectId = call.guid("projectId");
  const std::string iterationId = requiredIterationId(call);
  wire::Json out = wire::Json::array();
  const std::vector<std::string> imageIds = call.queryGuidList("imageIds");
  for (const SuggestedTagsView& view : call.service.suggestTags(projectId, iterationId, imageIds)) {
    out.push_back(wire::suggestedTags(view));
  }
  call.json(200, out);
}

void querySuggestedImages(Call& call) {
  const std::string projectId = call.guid("projectId");
  const std::string iterationId = requiredIterationId(call);
  const nlohmann::json body = call.jsonBody();
  const nlohmann::json& token = requireObject(body);
  SuggestedTagQuery query;
  query.tagIds = guidListField(token, "tagIds");
  query.threshold = thresholdField(token);
  query.session = optionalStringField(token, "session");
  query.continuation = optionalStringField(token, "continuation");
  if (auto maxCount = token.find("maxCount"); maxCount != token.end() && !maxCount->is_null()) {
    if (!maxCount->is_number_integer()) throw errors::badRequest("maxCount must be an integer");
    query.maxCount = maxCount->get<int>();
  }
  query.sortBy = sortByField(token);
  call.json(200, wire::suggestedTagQueryResult(call.service.querySuggestedImages(projectId, iterationId, query),
                                               call.blobs()));
}

// A map of tag id to count, as the spec's additionalProperties integer object.
void querySuggestedImageCount(Call& call) {
  const std::string projectId = call.guid("projectId");
  const std::string iterationId = requiredIterationId(call);
  const nlohmann::json body = call.jsonBody();
  const nlohmann::json& filter = requireObject(body);
  const std::map<std::string, int> counts = call.service.countSuggestedImages(
      projectId, iterationId, guidListField(filter, "tagIds"), thresholdField(filter));
  call.json(200, wire::Json(counts));
}

}  // namespace cvmock::server::handlers

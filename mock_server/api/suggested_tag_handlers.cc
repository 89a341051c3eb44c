// Handlers: suggested tags for untagged images (SuggestTagsAndRegions, QuerySuggestedImages and their count).
#include "mock_server/api/handlers.h"
#include "mock_server/api/json_fields.h"
#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"

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
  if (!field->is_number()) throw errors::fieldNotNumber("threshold");
  const double threshold = field->get<double>();
  if (threshold < 0 || threshold > 1) throw errors::thresholdOutOfRange("threshold");
  return threshold;
}

UncertaintyOrder sortByField(const nlohmann::json& body) {
  const std::optional<std::string> text = optionalStringField(body, "sortBy");
  if (!text) return UncertaintyOrder::Descending;
  if (std::optional<UncertaintyOrder> order = parseEnumName(kUncertaintyOrderNames, *text)) return *order;
  throw errors::notOneOf("sortBy", enumNameList(kUncertaintyOrderNames));
}

}  // namespace

void suggestTagsAndRegions(Call& call) {
  const std::string projectId = call.guid("projectId");
  const std::string iterationId = requiredIterationId(call);
  wire::Json out = wire::Json::array();
  const std::vector<std::string> imageIds = call.queryGuidList("imageIds");
  for (const SuggestedTagsView& view : call.service.suggestions().suggestTags(projectId, iterationId, imageIds)) {
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
    if (!maxCount->is_number_integer()) throw errors::fieldNotInteger("maxCount");
    query.maxCount = maxCount->get<int>();
  }
  query.sortBy = sortByField(token);
  call.json(200, wire::suggestedTagQueryResult(call.service.suggestions().querySuggestedImages(projectId, iterationId, query),
                                               call.blobs()));
}

// A map of tag id to count, as the spec's additionalProperties integer object.
void querySuggestedImageCount(Call& call) {
  const std::string projectId = call.guid("projectId");
  const std::string iterationId = requiredIterationId(call);
  const nlohmann::json body = call.jsonBody();
  const nlohmann::json& filter = requireObject(body);
  const std::map<std::string, int> counts = call.service.suggestions().countSuggestedImages(
      projectId, iterationId, guidListField(filter, "tagIds"), thresholdField(filter));
  call.json(200, wire::Json(counts));
}

}  // namespace cvmock::server::handlers

// Handlers: QueryPredictions, DeletePrediction and CreateImagesFromPredictions (the stored predictions).
#include "mock_server/api/handlers.h"
#include "mock_server/api/json_fields.h"
#include "mock_server/base/errors.h"
#include "mock_server/base/ids.h"
#include "mock_server/base/text.h"
#include "mock_server/simulation/sim_clock.h"

namespace cvmock::server::handlers {
namespace {

PredictionOrder parseOrder(const std::optional<std::string>& text) {
  if (!text) return PredictionOrder::Newest;
  if (std::optional<PredictionOrder> order = parseEnumName(kPredictionOrderNames, *text)) return *order;
  throw errors::predictionInvalidQueryParameters("orderBy must be " + enumNameList(kPredictionOrderNames));
}

std::optional<TimePoint> timeField(const nlohmann::json& token, const char* key) {
  const std::optional<std::string> text = optionalStringField(token, key);
  if (!text) return std::nullopt;
  std::optional<TimePoint> time = simulation::parseIsoTime(*text);
  if (!time) throw errors::predictionInvalidQueryParameters(std::string(key) + " must be an ISO 8601 date");
  return time;
}

float thresholdField(const nlohmann::json& tag, const char* key, float absent) {
  auto it = tag.find(key);
  if (it == tag.end() || it->is_null()) return absent;
  if (!it->is_number()) throw errors::predictionInvalidQueryParameters(std::string(key) + " must be a number");
  return it->get<float>();
}

std::vector<PredictionTagFilter> tagFilters(const nlohmann::json& tags) {
  if (!tags.is_array()) throw errors::predictionInvalidQueryParameters("tags must be an array");
  std::vector<PredictionTagFilter> filters;
  for (const nlohmann::json& entry : tags) {
    const nlohmann::json& tag = requireObject(entry);
    std::optional<std::string> id = normaliseGuid(optionalStringField(tag, "id").value_or(""));
    if (!id) throw errors::invalidIds("tags");
    filters.push_back({*id, thresholdField(tag, "minThreshold", 0), thresholdField(tag, "maxThreshold", 1)});
  }
  return filters;
}

// The PredictionQueryToken body; absent fields leave their filter off.
PredictionQuery parseQuery(const nlohmann::json& body) {
  const nlohmann::json& token = requireObject(body);
  PredictionQuery query;
  query.session = optionalStringField(token, "session");
  query.continuation = optionalStringField(token, "continuation");
  auto maxCount = token.find("maxCount");
  if (maxCount != token.end() && !maxCount->is_null()) {
    if (!maxCount->is_number_integer()) throw errors::predictionInvalidQueryParameters("maxCount must be an integer");
    query.maxCount = maxCount->get<int>();
  }
  query.orderBy = parseOrder(optionalStringField(token, "orderBy"));
  auto tags = token.find("tags");
  if (tags != token.end() && !tags->is_null()) query.tags = tagFilters(*tags);
  if (std::optional<std::string> iterationId = optionalStringField(token, "iterationId")) {
    query.iterationId = normaliseGuid(*iterationId);
    if (!query.iterationId) throw errors::invalidIds("iterationId");
  }
  query.startTime = timeField(token, "startTime");
  query.endTime = timeField(token, "endTime");
  query.application = optionalStringField(token, "application");
  return query;
}

}  // namespace

void queryPredictions(Call& call) {
  const PredictionQueryView view = call.service.storedPredictions().queryPredictions(call.guid("projectId"), parseQuery(call.jsonBody()));
  call.json(200, wire::predictionQueryResult(view, call.blobs()));
}

void deletePrediction(Call& call) {
  call.service.storedPredictions().deletePredictions(call.guid("projectId"), call.queryGuidList("ids"));
  call.noContent();
}

// The ImageIdCreateBatch body: each entry's tags plus the batch's, and its regions (object detection).
void createImagesFromPredictions(Call& call) {
  const nlohmann::json body = call.jsonBody();
  std::vector<PredictionImageEntry> entries;
  for (ImageBatchEntry& entry : imageBatchEntries(body, call.limits())) {
    std::optional<std::string> id = normaliseGuid(optionalStringField(*entry.fields, "id").value_or(""));
    if (!id) throw errors::invalidIds("images");
    entries.push_back({*id, std::move(entry.tagIds), std::move(entry.metadata), std::move(entry.regions)});
  }
  const ImageCreateSummaryView summary =
      call.service.storedPredictions().createImagesFromPredictions(call.guid("projectId"), std::move(entries));
  call.json(summary.isBatchSuccessful ? 200 : 207, wire::imageCreateSummary(summary, call.blobs()));
}

}  // namespace cvmock::server::handlers

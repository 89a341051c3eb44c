// Handlers: training, iterations, evaluation and publishing.
#include "mock_server/api/handlers.h"
#include "mock_server/api/json_fields.h"
#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"
#include "trainer/detection/detection_metrics.h"

namespace cvmock::server::handlers {

void trainProject(Call& call) {
  TrainRequest request;
  if (std::optional<std::string> type = call.query("trainingType")) {
    if (!equalsIgnoreCase(*type, "Regular") && !equalsIgnoreCase(*type, "Advanced")) {
      throw errors::notOneOf("trainingType", "Regular or Advanced");
    }
    request.trainingType = equalsIgnoreCase(*type, "Advanced") ? "Advanced" : "Regular";
  }
  request.reservedBudgetInHours = call.queryInt("reservedBudgetInHours").value_or(0);
  request.forceTrain = call.queryBool("forceTrain").value_or(false);
  request.notificationEmailAddress = call.query("notificationEmailAddress");
  const nlohmann::json body = call.jsonBody();
  if (body.is_object()) request.selectedTags = guidListField(body, "selectedTags");
  call.json(200, wire::iteration(call.service.iterations().trainProject(call.guid("projectId"), request), call.dialect()));
}

void getIterations(Call& call) {
  wire::Json out = wire::Json::array();
  for (const IterationRecord& iteration : call.service.iterations().getIterations(call.guid("projectId"))) {
    out.push_back(wire::iteration(iteration, call.dialect()));
  }
  call.json(200, out);
}

void getIteration(Call& call) {
  const IterationRecord iteration = call.service.iterations().getIteration(call.guid("projectId"), call.guid("iterationId"));
  call.json(200, wire::iteration(iteration, call.dialect()));
}

void updateIteration(Call& call) {
  const nlohmann::json body = call.jsonBody();
  const std::optional<std::string> name = optionalStringField(requireObject(body), "name");
  const IterationRecord iteration =
      call.service.iterations().updateIteration(call.guid("projectId"), call.guid("iterationId"), name);
  call.json(200, wire::iteration(iteration, call.dialect()));
}

void deleteIteration(Call& call) {
  call.service.iterations().deleteIteration(call.guid("projectId"), call.guid("iterationId"));
  call.noContent();
}

void getIterationPerformance(Call& call) {
  const double threshold = call.queryDouble("threshold").value_or(0.5);
  if (threshold < 0 || threshold > 1) throw errors::thresholdOutOfRange("threshold");
  const double overlap = call.queryDouble("overlapThreshold").value_or(trainer::detection::kDefaultOverlapThreshold);
  if (overlap < 0 || overlap > 1) throw errors::thresholdOutOfRange("overlapThreshold");
  call.json(200, wire::iterationPerformance(call.service.iterations().getIterationPerformance(
                     call.guid("projectId"), call.guid("iterationId"), threshold, overlap)));
}

void getImagePerformances(Call& call) {
  const int take = call.take(50, call.limits().maxTake);
  wire::Json out = wire::Json::array();
  for (const ImagePerformanceView& view : call.service.iterations().getImagePerformances(
           call.guid("projectId"), call.guid("iterationId"), call.queryGuidList("tagIds"), take, call.skip())) {
    out.push_back(wire::imagePerformance(view, call.blobs()));
  }
  call.json(200, out);
}

void getImagePerformanceCount(Call& call) {
  call.json(200, call.service.iterations().countImagePerformances(call.guid("projectId"), call.guid("iterationId"),
                                                     call.queryGuidList("tagIds")));
}

// The service answers a successful publish with the JSON literal `true`.
void publishIteration(Call& call) {
  const std::string publishName = call.query("publishName").value_or("");
  const std::string predictionId = call.query("predictionId").value_or("");
  call.service.predictions().publishIteration(call.context(), call.guid("projectId"), call.guid("iterationId"),
                                              publishName, predictionId, call.queryBool("overwrite").value_or(false));
  call.json(200, true);
}

void unpublishIteration(Call& call) {
  call.service.predictions().unpublishIteration(call.guid("projectId"), call.guid("iterationId"));
  call.noContent();
}

}  // namespace cvmock::server::handlers

// Publishing iterations under a name, and predicting with them: the quick test (Training API) and the
// Prediction API's classify operations.
#pragma once

#include <optional>
#include <string>

#include "mock_server/service/request_context.h"
#include "mock_server/service/service_state.h"

namespace cvmock::server {

// Thread-safe; every failure is a ServiceError from the catalogue (base/errors.h). A prediction takes the
// request id of its call (context.requestId) as its id, as the service's do.
class PredictionService {
 public:
  explicit PredictionService(ServiceState& state);

  // `predictionId` must be the ARM id of a prediction-capable resource in the caller's region.
  void publishIteration(const RequestContext& context, const std::string& projectId, const std::string& iterationId,
                        const std::string& publishName, const std::string& predictionId, bool overwrite);
  void unpublishIteration(const std::string& projectId, const std::string& iterationId);

  // With the given iteration, or the most recently trained one.
  PredictionRecord quickTestImage(const RequestContext& context, const std::string& projectId,
                                  const std::optional<std::string>& iterationId, const std::string& bytes,
                                  bool store);
  // Only a key of the resource the iteration is published to predicts with it: any other finds the name
  // unpublished (NotFoundIteration), as each prediction resource knows only what was published to it.
  PredictionRecord classifyImage(const RequestContext& context, const std::string& projectId,
                                 const std::string& publishedName, const std::string& bytes,
                                 const std::optional<std::string>& application, bool store);

  // Object detection is not built: its operations are refused as the service refuses them for a
  // classification project, after the checks that come first (project, then publish name if given).
  [[noreturn]] void refuseDetection(const std::string& projectId, const std::optional<std::string>& publishedName,
                                    const std::string& operationId) const;

 private:
  PredictionRecord predict(const PredictionModel& model, const std::string& bytes, const std::string& predictionId);

  ServiceState& state_;
};

}  // namespace cvmock::server

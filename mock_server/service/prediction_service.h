// Publishing iterations under a name, and predicting with them: the quick test (Training API) and the
// Prediction API's classify and detect operations.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "mock_server/service/request_context.h"
#include "mock_server/service/service_state.h"

namespace cvmock::server {

// The Prediction API's two families: Classify* need an iteration that classifies, Detect* one that detects.
enum class PredictionKind { Classify, Detect };

// Thread-safe; every failure is a ServiceError from the catalogue (base/errors.h). A prediction takes the
// request id of its call (context.requestId) as its id, as the service's do.
class PredictionService {
 public:
  explicit PredictionService(ServiceState& state);

  // `predictionId` must be the ARM id of a prediction-capable resource in the caller's region.
  void publishIteration(const RequestContext& context, const std::string& projectId, const std::string& iterationId,
                        const std::string& publishName, const std::string& predictionId, bool overwrite);
  void unpublishIteration(const std::string& projectId, const std::string& iterationId);

  // With the given iteration, or the most recently trained one; a detection iteration answers with boxes.
  PredictionRecord quickTestImage(const RequestContext& context, const std::string& projectId,
                                  const std::optional<std::string>& iterationId, const std::string& bytes,
                                  bool store);
  // The model a Prediction API call uses, checked before its image is read or fetched: the project
  // (NotFoundProject), the publish name (NotFoundIteration), then the kind (BadRequestNotSupported when a
  // Classify call names a detector or a Detect call a classifier). Only a key of the resource the iteration
  // is published to predicts with it: any other finds the name unpublished (NotFoundIteration), as each
  // prediction resource knows only what was published to it.
  std::shared_ptr<const PredictionModel> publishedModel(const RequestContext& context, const std::string& projectId,
                                                        const std::string& publishedName, PredictionKind kind) const;
  // Predicts with a model publishedModel gave, keeping the prediction (and its image) when `store`.
  PredictionRecord predictPublished(const RequestContext& context, const PredictionModel& model,
                                    const std::string& bytes, const std::optional<std::string>& application,
                                    bool store);
  // publishedModel then predictPublished.
  PredictionRecord classifyImage(const RequestContext& context, const std::string& projectId,
                                 const std::string& publishedName, const std::string& bytes,
                                 const std::optional<std::string>& application, bool store);
  PredictionRecord detectImage(const RequestContext& context, const std::string& projectId,
                               const std::string& publishedName, const std::string& bytes,
                               const std::optional<std::string>& application, bool store);

 private:
  PredictionRecord predict(const PredictionModel& model, const std::string& bytes, const std::string& predictionId);

  ServiceState& state_;
};

}  // namespace cvmock::server

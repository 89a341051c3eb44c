// Handlers: QuickTestImage (Training API) and the Prediction API's classify and detect operations on image bytes.
#include "mock_server/api/handlers.h"
#include "mock_server/base/errors.h"

namespace cvmock::server::handlers {
namespace {

std::string singleImage(const Call& call) {
  std::vector<UploadedImage> images = call.images();
  if (images.empty()) throw errors::imageStream();
  return std::move(images.front().bytes);
}

// The published model is checked before the body is read, so a wrong kind is refused whatever the image.
void predict(Call& call, PredictionKind kind, bool store) {
  PredictionService& predictions = call.service.predictions();
  const auto model = predictions.publishedModel(call.context(), call.guid("projectId"), call.pathText("publishedName"), kind);
  const PredictionRecord prediction =
      predictions.predictPublished(call.context(), *model, singleImage(call), call.query("application"), store);
  call.json(200, wire::imagePrediction(prediction, call.dialect()));
}

}  // namespace

void quickTestImage(Call& call) {
  const PredictionRecord prediction = call.service.predictions().quickTestImage(
      call.context(), call.guid("projectId"), call.queryGuid("iterationId"), singleImage(call),
      call.queryBool("store").value_or(true));
  call.json(200, wire::imagePrediction(prediction));
}

void classifyImage(Call& call) { predict(call, PredictionKind::Classify, true); }
void classifyImageWithNoStore(Call& call) { predict(call, PredictionKind::Classify, false); }
void detectImage(Call& call) { predict(call, PredictionKind::Detect, true); }
void detectImageWithNoStore(Call& call) { predict(call, PredictionKind::Detect, false); }

}  // namespace cvmock::server::handlers

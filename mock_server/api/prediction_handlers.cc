// Handlers: QuickTestImage (Training API) and the Prediction API's classify operations.
#include "mock_server/api/handlers.h"
#include "mock_server/base/errors.h"

namespace cvmock::server::handlers {
namespace {

std::string singleImage(const Call& call) {
  std::vector<UploadedImage> images = call.images();
  if (images.empty()) throw errors::imageStream();
  return std::move(images.front().bytes);
}

void classify(Call& call, bool store) {
  const PredictionRecord prediction = call.service.predictions().classifyImage(
      call.context(), call.guid("projectId"), call.pathText("publishedName"), singleImage(call),
      call.query("application"), store);
  call.json(200, wire::imagePrediction(prediction, call.dialect()));
}

}  // namespace

void quickTestImage(Call& call) {
  const PredictionRecord prediction = call.service.predictions().quickTestImage(
      call.context(), call.guid("projectId"), call.queryGuid("iterationId"), singleImage(call),
      call.queryBool("store").value_or(true));
  call.json(200, wire::imagePrediction(prediction));
}

void classifyImage(Call& call) { classify(call, true); }
void classifyImageWithNoStore(Call& call) { classify(call, false); }

}  // namespace cvmock::server::handlers

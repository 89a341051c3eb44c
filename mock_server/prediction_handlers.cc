// Handlers: QuickTestImage (Training API) and the Prediction API's classify operations.
#include "mock_server/errors.h"
#include "mock_server/handlers.h"

namespace cvmock::server::handlers {
namespace {

std::string singleImage(const Call& call) {
  std::vector<UploadedImage> images = call.images();
  if (images.empty()) throw errors::imageStream();
  return std::move(images.front().bytes);
}

void classify(Call& call, bool store) {
  const PredictionRecord prediction = call.service.classifyImage(
      call.guid("projectId"), call.pathText("publishedName"), singleImage(call), call.query("application"), store,
      call.requestId());
  call.json(200, wire::imagePrediction(prediction, call.dialect));
}

}  // namespace

void quickTestImage(Call& call) {
  call.json(200, wire::imagePrediction(call.service.quickTestImage(call.guid("projectId"), call.queryGuid("iterationId"),
                                                                   singleImage(call),
                                                                   call.queryBool("store").value_or(true),
                                                                   call.requestId())));
}

void classifyImage(Call& call) { classify(call, true); }
void classifyImageWithNoStore(Call& call) { classify(call, false); }

}  // namespace cvmock::server::handlers

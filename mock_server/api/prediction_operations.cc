// The Prediction API's operation table (Prediction v3.0 and v3.1 share it).
#include "mock_server/api/handlers.h"
#include "mock_server/api/operation.h"

namespace cvmock::server {

const ApiTable& predictionApi() {
  using namespace handlers;
  using enum BodyKind;
  using enum simulation::OperationClass;
  static const ApiTable table = {
      Api::Prediction,
      "prediction",
      {"v3.0", "v3.1"},
      {
          {"ClassifyImage", "POST", "{projectId}/classify/iterations/{publishedName}/image", classifyImage,
           PredictionStored, PredictionImage, {"application"}},
          {"ClassifyImageWithNoStore", "POST", "{projectId}/classify/iterations/{publishedName}/image/nostore",
           classifyImageWithNoStore, PredictionNoStore, PredictionImage, {"application"}},
          {"ClassifyImageUrl", "POST", "{projectId}/classify/iterations/{publishedName}/url", classifyImageUrl,
           PredictionStored, Json, {"application"}},
          {"ClassifyImageUrlWithNoStore", "POST", "{projectId}/classify/iterations/{publishedName}/url/nostore",
           classifyImageUrlWithNoStore, PredictionNoStore, Json, {"application"}},
          {"DetectImage", "POST", "{projectId}/detect/iterations/{publishedName}/image", detectImage, PredictionStored,
           PredictionImage, {"application"}},
          {"DetectImageWithNoStore", "POST", "{projectId}/detect/iterations/{publishedName}/image/nostore",
           detectImageWithNoStore, PredictionNoStore, PredictionImage, {"application"}},
          {"DetectImageUrl", "POST", "{projectId}/detect/iterations/{publishedName}/url", detectImageUrl,
           PredictionStored, Json, {"application"}},
          {"DetectImageUrlWithNoStore", "POST", "{projectId}/detect/iterations/{publishedName}/url/nostore",
           detectImageUrlWithNoStore, PredictionNoStore, Json, {"application"}},
      },
  };
  return table;
}

}  // namespace cvmock::server

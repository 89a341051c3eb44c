// The Prediction API's route table (Prediction v3.0 and v3.1 share it).
#include "mock_server/handlers.h"
#include "mock_server/routes.h"

namespace cvmock::server {

const std::vector<Route>& predictionRoutes() {
  using namespace handlers;
  static const std::vector<Route> routes = {
      {"POST", "{projectId}/classify/iterations/{publishedName}/image", "ClassifyImage", classifyImage},
      {"POST", "{projectId}/classify/iterations/{publishedName}/image/nostore", "ClassifyImageWithNoStore",
       classifyImageWithNoStore},
      {"POST", "{projectId}/classify/iterations/{publishedName}/url", "ClassifyImageUrl", classifyImageUrl},
      {"POST", "{projectId}/classify/iterations/{publishedName}/url/nostore", "ClassifyImageUrlWithNoStore",
       classifyImageUrlWithNoStore},
      {"POST", "{projectId}/detect/iterations/{publishedName}/image", "DetectImage", detectImage},
      {"POST", "{projectId}/detect/iterations/{publishedName}/image/nostore", "DetectImageWithNoStore",
       detectImageWithNoStore},
      {"POST", "{projectId}/detect/iterations/{publishedName}/url", "DetectImageUrl", detectImageUrl},
      {"POST", "{projectId}/detect/iterations/{publishedName}/url/nostore", "DetectImageUrlWithNoStore",
       detectImageUrlWithNoStore},
  };
  return routes;
}

}  // namespace cvmock::server

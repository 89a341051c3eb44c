// Handlers: object-detection operations (regions, region proposals, detect), refused for every project
// with BadRequestNotSupported, the answer a classification project gets.
#include "mock_server/api/handlers.h"

namespace cvmock::server::handlers {
namespace {

void refuseTraining(Call& call, const char* operationId) {
  call.service.predictions().refuseDetection(call.guid("projectId"), std::nullopt, operationId);
}

void refusePrediction(Call& call, const char* operationId) {
  call.service.predictions().refuseDetection(call.guid("projectId"), call.pathText("publishedName"), operationId);
}

}  // namespace

void createImageRegions(Call& call) { refuseTraining(call, "CreateImageRegions"); }
void deleteImageRegions(Call& call) { refuseTraining(call, "DeleteImageRegions"); }
void getImageRegionProposals(Call& call) {
  call.guid("imageId");
  refuseTraining(call, "GetImageRegionProposals");
}
void detectImage(Call& call) { refusePrediction(call, "DetectImage"); }
void detectImageWithNoStore(Call& call) { refusePrediction(call, "DetectImageWithNoStore"); }
void detectImageUrl(Call& call) { refusePrediction(call, "DetectImageUrl"); }
void detectImageUrlWithNoStore(Call& call) { refusePrediction(call, "DetectImageUrlWithNoStore"); }

}  // namespace cvmock::server::handlers

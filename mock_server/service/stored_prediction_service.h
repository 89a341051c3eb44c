// Stored predictions (what ClassifyImage and QuickTestImage keep): queried, deleted, and turned into training
// images.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mock_server/service/image_service.h"
#include "mock_server/service/prediction_query.h"
#include "mock_server/service/service_state.h"

namespace cvmock::server {

// Thread-safe; every failure is a ServiceError from the catalogue (base/errors.h).
class StoredPredictionService {
 public:
  // `images` stores what CreateImagesFromPredictions copies.
  StoredPredictionService(ServiceState& state, ImageService& images);

  PredictionQueryView queryPredictions(const std::string& projectId, const PredictionQuery& query) const;
  void deletePredictions(const std::string& projectId, const std::vector<std::string>& predictionIds);
  // A prediction that is not stored is ErrorSource in the answer; the rest is ImageService::createImages.
  ImageCreateSummaryView createImagesFromPredictions(const std::string& projectId,
                                                     std::vector<PredictionImageEntry> entries);
  std::optional<std::string> predictionImageBytes(const std::string& projectId, const std::string& predictionId) const;

 private:
  ServiceState& state_;
  ImageService& images_;
};

}  // namespace cvmock::server

// Client of the Custom Vision Prediction API v3.0, for image classification.
#pragma once

#include <optional>
#include <string>

#include "client/connection.h"
#include "client/models.h"

namespace cvmock::client {

// The Prediction API of one Custom Vision prediction resource. Every method throws
// CustomVisionError when the service answers with an error status (an unknown publishedName is a
// 404 with code "NotFoundIteration"), ConnectionError when it does not answer, and
// nlohmann::json::exception when a success body does not match ImagePrediction.
// Not safe for concurrent use; copying is disabled because it owns a connection.
class PredictionClient {
 public:
  // endpoint: "http://host:port" (see parseEndpoint); predictionKey goes in the Prediction-Key
  // header.
  PredictionClient(const std::string& endpoint, const std::string& predictionKey);

  // Classifies imageBytes with the iteration published as publishedName in projectId; the service
  // keeps the image and result. application names the calling app in the stored prediction.
  ImagePrediction classifyImage(const std::string& projectId, const std::string& publishedName,
                                const std::string& imageBytes,
                                const std::optional<std::string>& application = {});

  // As classifyImage, but the service stores nothing.
  ImagePrediction classifyImageWithNoStore(const std::string& projectId,
                                           const std::string& publishedName,
                                           const std::string& imageBytes,
                                           const std::optional<std::string>& application = {});

 private:
  ImagePrediction classify(const std::string& projectId, const std::string& publishedName,
                           const std::string& imageBytes,
                           const std::optional<std::string>& application, bool store);

  Connection connection_;
};

}  // namespace cvmock::client

// Prediction API operations: multipart image upload to the published iteration's classify route.
#include "client/prediction_client.h"

#include <nlohmann/json.hpp>

#include "client/multipart.h"

namespace cvmock::client {

namespace {

constexpr char kPredictionBasePath[] = "/customvision/v3.0/prediction";

}  // namespace

PredictionClient::PredictionClient(const std::string& endpoint, const std::string& predictionKey)
    : connection_(endpoint, kPredictionBasePath, "Prediction-Key", predictionKey) {}

ImagePrediction PredictionClient::classifyImage(const std::string& projectId,
                                                const std::string& publishedName,
                                                const std::string& imageBytes,
                                                const std::optional<std::string>& application) {
  return classify(projectId, publishedName, imageBytes, application, /*store=*/true);
}

ImagePrediction PredictionClient::classifyImageWithNoStore(
    const std::string& projectId, const std::string& publishedName, const std::string& imageBytes,
    const std::optional<std::string>& application) {
  return classify(projectId, publishedName, imageBytes, application, /*store=*/false);
}

ImagePrediction PredictionClient::classify(const std::string& projectId,
                                           const std::string& publishedName,
                                           const std::string& imageBytes,
                                           const std::optional<std::string>& application,
                                           bool store) {
  std::string path = pathOf({projectId, "classify", "iterations", publishedName, "image"});
  if (!store) path += "/nostore";
  MultipartBody multipart = encodeImageParts({ImageFile{imageBytes, std::nullopt}});
  HttpRequest request{"POST", std::move(path), Query().add("application", application),
                      std::move(multipart.body), std::move(multipart.contentType)};
  return connection_.sendForJson(request).get<ImagePrediction>();
}

}  // namespace cvmock::client

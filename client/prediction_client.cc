// Prediction API operations: an image (multipart) or a URL (JSON) to a published iteration's classify or detect
// route.
#include "client/prediction_client.h"

#include <nlohmann/json.hpp>

#include "client/requests.h"

namespace cvmock::client {

namespace {

std::string basePath(PredictionApiVersion version) {
  return version == PredictionApiVersion::V3_1 ? "/customvision/v3.1/prediction" : "/customvision/v3.0/prediction";
}

std::string routeOf(const char* kind, const std::string& projectId, const std::string& publishedName,
                    const char* source, bool store) {
  return pathOf({projectId, kind, "iterations", publishedName, source}) + (store ? "" : "/nostore");
}

}  // namespace

PredictionClient::PredictionClient(const std::string& endpoint, const std::string& predictionKey,
                                   const ClientOptions& options, PredictionApiVersion version)
    : connection_(endpoint, basePath(version), "Prediction-Key", predictionKey, options) {}

ImagePrediction PredictionClient::withBytes(const char* kind, const std::string& projectId,
                                            const std::string& publishedName, const ImageSource& image,
                                            const std::optional<std::string>& application, bool store) {
  HttpRequest request = requests::withImages(routeOf(kind, projectId, publishedName, "image", store),
                                             {image},
                                             Query().add("application", application));
  return connection_.sendForJson(request).get<ImagePrediction>();
}

ImagePrediction PredictionClient::withUrl(const char* kind, const std::string& projectId,
                                          const std::string& publishedName, const ImageUrl& imageUrl,
                                          const std::optional<std::string>& application, bool store) {
  HttpRequest request = requests::withJson("POST", routeOf(kind, projectId, publishedName, "url", store), imageUrl,
                                           Query().add("application", application));
  return connection_.sendForJson(request).get<ImagePrediction>();
}

ImagePrediction PredictionClient::classifyImage(const std::string& projectId, const std::string& publishedName,
                                                const ImageSource& image,
                                                const std::optional<std::string>& application) {
  return withBytes("classify", projectId, publishedName, image, application, true);
}

ImagePrediction PredictionClient::classifyImageUrl(const std::string& projectId, const std::string& publishedName,
                                                   const ImageUrl& imageUrl,
                                                   const std::optional<std::string>& application) {
  return withUrl("classify", projectId, publishedName, imageUrl, application, true);
}

ImagePrediction PredictionClient::classifyImageWithNoStore(const std::string& projectId,
                                                           const std::string& publishedName,
                                                           const ImageSource& image,
                                                           const std::optional<std::string>& application) {
  return withBytes("classify", projectId, publishedName, image, application, false);
}

ImagePrediction PredictionClient::classifyImageUrlWithNoStore(const std::string& projectId,
                                                              const std::string& publishedName,
                                                              const ImageUrl& imageUrl,
                                                              const std::optional<std::string>& application) {
  return withUrl("classify", projectId, publishedName, imageUrl, application, false);
}

ImagePrediction PredictionClient::detectImage(const std::string& projectId, const std::string& publishedName,
                                              const ImageSource& image,
                                              const std::optional<std::string>& application) {
  return withBytes("detect", projectId, publishedName, image, application, true);
}

ImagePrediction PredictionClient::detectImageUrl(const std::string& projectId, const std::string& publishedName,
                                                 const ImageUrl& imageUrl,
                                                 const std::optional<std::string>& application) {
  return withUrl("detect", projectId, publishedName, imageUrl, application, true);
}

ImagePrediction PredictionClient::detectImageWithNoStore(const std::string& projectId,
                                                         const std::string& publishedName,
                                                         const ImageSource& image,
                                                         const std::optional<std::string>& application) {
  return withBytes("detect", projectId, publishedName, image, application, false);
}

ImagePrediction PredictionClient::detectImageUrlWithNoStore(const std::string& projectId,
                                                            const std::string& publishedName,
                                                            const ImageUrl& imageUrl,
                                                            const std::optional<std::string>& application) {
  return withUrl("detect", projectId, publishedName, imageUrl, application, false);
}

}  // namespace cvmock::client
